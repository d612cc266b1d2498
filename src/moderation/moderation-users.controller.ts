import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/access-policy';
import { LiftRestrictionDto, RestrictUserDto, UserParams } from './dto/user-action.dto';
import { UserActionsService } from './user-actions.service';
import { RestrictedUserResponse } from './dto/moderation.responses';

// Global moderators and admins only: a silence or suspension reaches every forum, beyond a forum moderator's.
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/users/:id')
export class ModerationUsersController {
  constructor(private readonly users: UserActionsService) {}

  @Post('silence')
  @HttpCode(200)
  @Roles('moderator')
  @ApiOperation({ summary: 'Silence an account (cannot post) until a time, with a reason' })
  @ApiOkResponse({ type: RestrictedUserResponse })
  silence(@CurrentUser() user: AuthUser, @Param() { id }: UserParams, @Body() dto: RestrictUserDto) {
    return this.users.restrict(user, id, 'silenced', dto);
  }

  @Post('suspend')
  @HttpCode(200)
  @Roles('moderator')
  @ApiOperation({ summary: 'Suspend an account (cannot sign in) until a time, with a reason' })
  @ApiOkResponse({ type: RestrictedUserResponse })
  suspend(@CurrentUser() user: AuthUser, @Param() { id }: UserParams, @Body() dto: RestrictUserDto) {
    return this.users.restrict(user, id, 'suspended', dto);
  }

  @Post('lift')
  @HttpCode(200)
  @Roles('moderator')
  @ApiOperation({ summary: 'Lift a silence or suspension' })
  @ApiOkResponse({ type: RestrictedUserResponse })
  lift(@CurrentUser() user: AuthUser, @Param() { id }: UserParams, @Body() dto: LiftRestrictionDto) {
    return this.users.lift(user, id, dto.reason);
  }
}
