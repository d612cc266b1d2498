import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsMongoId, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export class SearchQueryDto {
  @ApiProperty({
    example: 'sync stops',
    minLength: 2,
    maxLength: 100,
    description: 'Literal text, not a pattern',
  })
  @IsString()
  @Length(2, 100)
  q!: string;

  @ApiPropertyOptional({ example: 'acme-cloud', description: 'Search one forum only (its slug)' })
  @IsOmittable()
  @IsString()
  @Matches(/^[a-z0-9-]{1,50}$/)
  forum?: string;

  @ApiPropertyOptional({ description: 'nextBefore from the previous page' })
  @IsOmittable()
  @IsMongoId()
  before?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 50 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
