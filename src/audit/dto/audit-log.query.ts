import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsMongoId, IsOptional, IsString, Length, Max, Min } from 'class-validator';

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
