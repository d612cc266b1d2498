import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class TopicFlagsDto {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  pinned?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Locked topics take no replies or edits' })
  @IsOptional()
  @IsBoolean()
  locked?: boolean;
}
