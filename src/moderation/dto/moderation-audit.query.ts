import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsOptional, IsString, Length } from 'class-validator';
import { PageLimit, IdCursor } from '../../infra/http/page-query';

export class ModerationAuditQuery {
  @ApiPropertyOptional({ description: 'Forum id; forum moderators may only name their own forums' })
  @IsOptional()
  @IsMongoId()
  forum?: string;

  @ApiPropertyOptional({ example: 'post.redacted' }) @IsOptional() @IsString() @Length(1, 60) action?: string;

  @ApiPropertyOptional({ enum: ['post', 'message', 'topic', 'user'] })
  @IsOptional()
  @IsIn(['post', 'message', 'topic', 'user'])
  targetType?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) targetId?: string;
  @ApiPropertyOptional({ description: 'Who acted' }) @IsOptional() @IsMongoId() actorId?: string;
  @ApiPropertyOptional({ description: 'Whose content or account' })
  @IsOptional()
  @IsMongoId()
  subjectUserId?: string;

  @IdCursor()
  cursor?: string;

  @PageLimit(50)
  limit?: number;
}
