import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/access-policy';
import { AdminUsersService } from './admin-users.service';
import {
  ListUsersQuery,
  SetModeratedForumsDto,
  SetRolesDto,
  SetStatusDto,
  UserIdParam,
} from './dto/admin-users.dto';
import { AdminUserPageResponse, AdminUserResponse } from './dto/user.responses';

@ApiTags('admin: users')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly admin: AdminUsersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List users, newest first; `q` matches the start of a username or email' })
  @ApiOkResponse({ type: AdminUserPageResponse })
  list(@Query() query: ListUsersQuery) {
    return this.admin.list(query.q, query.cursor, query.limit);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: AdminUserResponse })
  get(@Param() { id }: UserIdParam) {
    return this.admin.get(id);
  }

  @Put(':id/roles')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the roles (member is always kept); audited' })
  @ApiOkResponse({ type: AdminUserResponse })
  setRoles(@CurrentUser() admin: AuthUser, @Param() { id }: UserIdParam, @Body() dto: SetRolesDto) {
    return this.admin.setRoles(admin, id, dto.roles);
  }

  @Put(':id/moderated-forums')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the forums this user moderates; audited' })
  @ApiOkResponse({ type: AdminUserResponse })
  setModeratedForums(
    @CurrentUser() admin: AuthUser,
    @Param() { id }: UserIdParam,
    @Body() dto: SetModeratedForumsDto,
  ) {
    return this.admin.setModeratedForums(admin, id, dto.forumIds);
  }

  @Put(':id/status')
  @Roles('admin')
  @ApiOperation({ summary: 'Silence, suspend (reason, optional end) or restore an account; audited' })
  @ApiOkResponse({ type: AdminUserResponse })
  setStatus(@CurrentUser() admin: AuthUser, @Param() { id }: UserIdParam, @Body() dto: SetStatusDto) {
    return this.admin.setStatus(admin, id, { status: dto.status, until: dto.until, reason: dto.reason });
  }
}
