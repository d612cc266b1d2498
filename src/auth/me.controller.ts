import { Body, Controller, Get, HttpCode, Patch, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountResponse } from '../users/dto/user.responses';
import { Authenticated, CurrentUser, type AuthUser } from './access-policy';
import { AccountService } from './account.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { AuthRateLimitGuard } from './guards/auth-rate-limit.guard';
import type { AuthRequest } from './guards/credentials';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Your account: profile, roles, status, preferences, notice acknowledgements' })
  @ApiOkResponse({ type: AccountResponse })
  me(@CurrentUser() user: AuthUser) {
    return this.account.me(user);
  }

  @Patch()
  @Authenticated()
  // Per client address, like registration: email changes must not be a fast way to probe addresses.
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Correct your display name or email' })
  @ApiOkResponse({ type: AccountResponse })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto) {
    return this.account.updateProfile(user, dto);
  }

  @Patch('password')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; your other sessions end' })
  @ApiNoContentResponse({ description: 'Changed' })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Req() req: AuthRequest,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.account.changePassword(user, req.sessionId, dto.currentPassword, dto.newPassword);
  }
}
