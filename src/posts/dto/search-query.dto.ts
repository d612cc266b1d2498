import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsMongoId, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';
import { RANKED_CANDIDATES, type SearchOrder } from '../post-search.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class SearchQueryDto {
  @ApiProperty({
    example: 'sync stops',
    minLength: 2,
    maxLength: 100,
    description: 'Words, every one required (stemmed: "tables" finds "table"); not a pattern',
  })
  @IsString()
  @Length(2, 100)
  q!: string;

  @ApiPropertyOptional({ example: 'acme-cloud', description: 'Search one forum only (its slug)' })
  @IsOmittable()
  @IsString()
  @Matches(/^[a-z0-9-]{1,50}$/)
  forum?: string;

  @ApiPropertyOptional({ example: 'dana', description: 'Posts of one author only (username)' })
  @IsOmittable()
  @IsString()
  @Matches(/^@?[A-Za-z0-9_.-]{1,40}$/)
  author?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'Written on or after this day (UTC)' })
  @IsOmittable()
  @Matches(DAY, { message: 'from must be a day as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Written on or before this day (UTC)' })
  @IsOmittable()
  @Matches(DAY, { message: 'to must be a day as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    enum: ['relevance', 'newest'],
    default: 'relevance',
    description: `relevance ranks the newest ${RANKED_CANDIDATES} matches (title hits, frequency, likes, age)`,
  })
  @IsOmittable()
  @IsIn(['relevance', 'newest'])
  order?: SearchOrder;

  @ApiPropertyOptional({ description: 'order=newest: nextBefore from the previous page' })
  @IsOmittable()
  @IsMongoId()
  before?: string;

  @ApiPropertyOptional({ description: 'order=relevance: nextOffset from the previous page' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(RANKED_CANDIDATES)
  offset?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 50 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
