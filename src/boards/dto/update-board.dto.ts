import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { PiiPolicy } from '../../publishing/publish-decision';
import { SLOW_MODE_MAX_SECONDS } from './create-board.dto';
import { IsOmittable } from '../../infra/http/is-omittable';

export class UpdateBoardDto {
  @ApiPropertyOptional({ example: 'Acme 2.4 launch day' })
  @IsOmittable()
  @IsString()
  @Length(2, 80)
  name?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiPropertyOptional({ enum: ['warn', 'review', 'mask'], nullable: true, description: 'null: inherit' })
  @IsOmittable()
  @IsIn(['warn', 'review', 'mask', null])
  piiPolicy?: PiiPolicy | null;

  @ApiPropertyOptional({ example: 30 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SLOW_MODE_MAX_SECONDS)
  slowModeSeconds?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  archived?: boolean;
}
