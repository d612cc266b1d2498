import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsString, Length } from 'class-validator';
import { PageLimit, IdCursor } from '../../infra/http/page-query';
import { IsOmittable } from '../../infra/http/is-omittable';

export class ModerationAuditQuery {
  @ApiPropertyOptional({ description: 'Forum id; forum moderators may only name their own forums' })
  @IsOmittable()
  @IsMongoId()
  forum?: string;

  @ApiPropertyOptional({ example: 'post.redacted' })
  @IsOmittable()
  @IsString()
  @Length(1, 60)
  action?: string;

  @ApiPropertyOptional({ enum: ['post', 'message', 'topic', 'user'] })
  @IsOmittable()
  @IsIn(['post', 'message', 'topic', 'user'])
  targetType?: string;

  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(1, 64) targetId?: string;
  @ApiPropertyOptional({ description: 'Who acted' }) @IsOmittable() @IsMongoId() actorId?: string;
  @ApiPropertyOptional({ description: 'Whose content or account' })
  @IsOmittable()
  @IsMongoId()
  subjectUserId?: string;

  @IdCursor()
  cursor?: string;

  @PageLimit(50)
  limit?: number;
}
