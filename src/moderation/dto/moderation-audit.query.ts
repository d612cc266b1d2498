import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsMongoId, IsOptional, IsString, Length, Max, Min } from 'class-validator';

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

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsMongoId()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
