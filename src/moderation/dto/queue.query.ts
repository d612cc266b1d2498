import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsString, Matches, MaxLength } from 'class-validator';
import { PageLimit } from '../../infra/http/page-query';
import { IsOmittable } from '../../infra/http/is-omittable';

export class QueueQuery {
  @ApiPropertyOptional({ description: 'Forum id; forum moderators may only name their own forums' })
  @IsOmittable()
  @IsMongoId()
  forum?: string;

  @ApiPropertyOptional({
    description: '`personal_data`, `pii_acknowledged`, `reported` (any report) or `reported:<reason>`',
    example: 'reported:spam',
  })
  @IsOmittable()
  @Matches(/^(personal_data|pii_acknowledged|reported(:(personal_info|spam|abuse|off_topic|other))?)$/)
  reason?: string;

  @ApiPropertyOptional({ enum: ['open', 'resolved'], default: 'open' })
  @IsOmittable()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @PageLimit(20)
  limit?: number;
}
