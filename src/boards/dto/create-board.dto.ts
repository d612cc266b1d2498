import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { PiiPolicy } from '../../publishing/publish-decision';
import { IsOmittable } from '../../infra/http/is-omittable';

export const SLOW_MODE_MAX_SECONDS = 3600;

export class CreateBoardDto {
  @ApiProperty({
    example: 'acme-2-4-launch',
    description: 'Lower-case letters, digits and dashes; used in URLs',
  })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, {
    message: 'slug must be lower-case letters, digits, dashes',
  })
  slug!: string;

  @ApiProperty({ example: 'Acme 2.4 launch day' })
  @IsString()
  @Length(2, 80)
  name!: string;

  @ApiPropertyOptional({ example: 'Live questions during the launch stream' })
  @IsOmittable()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiProperty({ example: 'acme-cloud', description: 'The forum the board belongs to' })
  @IsString()
  @Length(1, 50)
  forumSlug!: string;

  @ApiPropertyOptional({
    enum: ['warn', 'review', 'mask'],
    nullable: true,
    description: 'Personal-data policy; omitted or null: the forum policy applies',
  })
  @IsOmittable()
  @IsIn(['warn', 'review', 'mask', null])
  piiPolicy?: PiiPolicy | null;

  @ApiPropertyOptional({
    example: 10,
    default: 0,
    description: 'Minimum seconds between messages per member',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SLOW_MODE_MAX_SECONDS)
  slowModeSeconds?: number;
}
