import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PersonalData } from '../infra/http/personal-data.interceptor';
import { AccountResponse } from '../users/dto/user.responses';
import { Authenticated, CurrentUser, Public, type AuthUser } from './access-policy';
import { ConfirmEmailDto, RequestPasswordResetDto, ResetPasswordDto } from './dto/account-recovery.dto';
import { PasswordResetRequestedResponse } from './dto/auth.responses';
import { EmailVerificationService } from './email-verification.service';
import { AuthRateLimitGuard } from './guards/auth-rate-limit.guard';
import { PasswordResetService } from './password-reset.service';

/** Mailed links: password reset and address confirmation. */
@ApiTags('auth')
@PersonalData()
@Controller()
export class AccountRecoveryController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly verification: EmailVerificationService,
  ) {}

  @Post('auth/password-reset')
  @Public()
  @HttpCode(202)
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({
    summary: 'Mail a password reset link; the same answer whether or not the address is known',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedResponse })
  async requestReset(@Body() dto: RequestPasswordResetDto): Promise<PasswordResetRequestedResponse> {
    await this.resets.request(dto.email);
    return { message: 'If an account uses this address, a reset link is on its way.' };
  }

  @Post('auth/password-reset/confirm')
  @Public()
  @HttpCode(204)
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Set a new password with the mailed token (works once); every session ends' })
  @ApiNoContentResponse({ description: 'Changed; sign in with the new password' })
  async reset(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.resets.reset(dto.token, dto.password);
  }

  @Post('auth/verify-email')
  @Public()
  @HttpCode(200)
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Confirm an address with the mailed token (works once)' })
  @ApiOkResponse({ type: AccountResponse })
  confirm(@Body() dto: ConfirmEmailDto) {
    return this.verification.confirm(dto.token);
  }

  @Post('me/verification-email')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Send the confirmation link again (for the new address while a change waits)' })
  @ApiNoContentResponse({ description: 'Queued' })
  async resend(@CurrentUser() user: AuthUser): Promise<void> {
    await this.verification.resend(user.id);
  }
}
