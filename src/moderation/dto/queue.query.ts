import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsMongoId, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class QueueQuery {
  @ApiPropertyOptional({ description: 'Forum id; forum moderators may only name their own forums' })
  @IsOptional()
  @IsMongoId()
  forum?: string;

  @ApiPropertyOptional({
    description: '`personal_data`, `pii_acknowledged`, `reported` (any report) or `reported:<reason>`',
    example: 'reported:spam',
  })
  @IsOptional()
  @Matches(/^(personal_data|pii_acknowledged|reported(:(personal_info|spam|abuse|off_topic|other))?)$/)
  reason?: string;

  @ApiPropertyOptional({ enum: ['open', 'resolved'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
