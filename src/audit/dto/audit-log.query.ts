import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageLimit, IdCursor } from '../../infra/http/page-query';

export class AuditLogQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) forumId?: string;
  @ApiPropertyOptional({ example: 'user' }) @IsOptional() @IsString() @Length(1, 40) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) targetId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) actorId?: string;
  @ApiPropertyOptional({ example: 'user.suspended' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  action?: string;

  @IdCursor()
  cursor?: string;

  @PageLimit(50)
  limit?: number;
}
