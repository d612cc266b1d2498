import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PageLimit, SeqCursor } from '../../infra/http/page-query';
import { IsOmittable } from '../../infra/http/is-omittable';

export class TopicListQuery {
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOmittable()
  @IsString()
  @Length(1, 300)
  cursor?: string;

  @PageLimit(20)
  limit?: number;
}

export class PostPageQueryDto {
  @SeqCursor(0, 'Posts with a sequence number greater than this (default 0)')
  after?: number;

  @SeqCursor(1, 'Posts with a sequence number lower than this, newest page first')
  before?: number;

  @PageLimit(20)
  limit?: number;
}
