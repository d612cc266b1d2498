import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export class TopicFlagsDto {
  @ApiPropertyOptional({ example: true })
  @IsOmittable()
  @IsBoolean()
  pinned?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Locked topics take no replies or edits' })
  @IsOmittable()
  @IsBoolean()
  locked?: boolean;
}
