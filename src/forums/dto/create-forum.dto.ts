import { EXTERNAL_IMAGE_MODES, type ExternalImages } from '../../infra/rendering/external-images';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsMongoId, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { PiiPolicy } from '../../publishing/publish-decision';
import type { ForumVisibility } from '../forum';
import { IsOmittable } from '../../infra/http/is-omittable';

export class CreateForumDto {
  @ApiProperty({ example: 'acme-cloud', description: 'Lower-case letters, digits and dashes; used in URLs' })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, {
    message: 'slug must be lower-case letters, digits, dashes',
  })
  slug!: string;

  @ApiProperty({ example: 'Acme Cloud' })
  @IsString()
  @Length(2, 80)
  name!: string;

  @ApiProperty({ example: 'Acme Cloud Storage' })
  @IsString()
  @Length(2, 80)
  productName!: string;

  @ApiPropertyOptional({ example: 'Questions, ideas and help for Acme Cloud' })
  @IsOmittable()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiPropertyOptional({ example: 10 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({ enum: ['public', 'members'], default: 'public' })
  @IsOmittable()
  @IsIn(['public', 'members'])
  visibility?: ForumVisibility;

  @ApiPropertyOptional({ enum: ['warn', 'review', 'mask'], default: 'warn' })
  @IsOmittable()
  @IsIn(['warn', 'review', 'mask'])
  piiPolicy?: PiiPolicy;

  @ApiPropertyOptional({ example: 'US', default: 'US', description: 'Region for national phone numbers' })
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Z]{2}$/)
  phoneRegion?: string;

  @ApiPropertyOptional({
    enum: EXTERNAL_IMAGE_MODES,
    default: 'proxy',
    description: "Other hosts' images in posts: fetched by Parley's image proxy, or shown as links only",
  })
  @IsOmittable()
  @IsIn(EXTERNAL_IMAGE_MODES)
  externalImages?: ExternalImages;

  @ApiPropertyOptional({ type: [String], description: 'User ids of the forum moderators' })
  @IsOmittable()
  @IsArray()
  @IsMongoId({ each: true })
  moderatorIds?: string[];
}
