import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { PiiPolicy } from '../../publishing/publish-decision';
import { SLOW_MODE_MAX_SECONDS } from './create-board.dto';

export class UpdateBoardDto {
  @ApiPropertyOptional({ example: 'Acme 2.4 launch day' })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiPropertyOptional({ enum: ['warn', 'review', 'mask'], nullable: true, description: 'null: inherit' })
  @IsOptional()
  @IsIn(['warn', 'review', 'mask', null])
  piiPolicy?: PiiPolicy | null;

  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SLOW_MODE_MAX_SECONDS)
  slowModeSeconds?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
