import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsDateString, IsIn, IsMongoId, IsString, Length } from 'class-validator';
import type { Role } from '../../auth/access-policy';
import { PageLimit, IdCursor } from '../../infra/http/page-query';
import { IsOmittable } from '../../infra/http/is-omittable';

const ROLES: Role[] = ['member', 'moderator', 'admin'];

export class UserIdParam {
  @ApiProperty() @IsMongoId() id!: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ description: 'Start of a username or email' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  q?: string;

  @IdCursor()
  cursor?: string;

  @PageLimit(50)
  limit?: number;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, description: '`member` is always kept' })
  @IsIn(ROLES, { each: true })
  @ArrayMaxSize(3)
  roles!: Role[];
}

export class SetModeratedForumsDto {
  @ApiProperty({ type: [String], description: 'Forum ids this user moderates (replaces the list)' })
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  @ArrayMaxSize(200)
  forumIds!: string[];
}

export class SetStatusDto {
  @ApiProperty({ enum: ['active', 'silenced', 'suspended'] })
  @IsIn(['active', 'silenced', 'suspended'])
  status!: 'active' | 'silenced' | 'suspended';

  @ApiPropertyOptional({ description: 'ISO time the restriction ends; omitted: until lifted' })
  @IsOmittable()
  @IsDateString()
  until?: string;

  @ApiProperty({ description: 'Shown to the user and kept in the audit log' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
