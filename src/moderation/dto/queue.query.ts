import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageLimit } from '../../infra/http/page-query';

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

  @PageLimit(20)
  limit?: number;
}
