import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class AcknowledgeNoticeDto {
  @ApiProperty({ description: 'The version the user read; must be the current one', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}
