import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PageLimit, IdCursor } from '../../infra/http/page-query';
import { IsOmittable } from '../../infra/http/is-omittable';

export class AuditLogQuery {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(1, 64) forumId?: string;
  @ApiPropertyOptional({ example: 'user' }) @IsOmittable() @IsString() @Length(1, 40) targetType?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(1, 64) targetId?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(1, 64) actorId?: string;
  @ApiPropertyOptional({ example: 'user.suspended' })
  @IsOmittable()
  @IsString()
  @Length(1, 60)
  action?: string;

  @IdCursor()
  cursor?: string;

  @PageLimit(50)
  limit?: number;
}
