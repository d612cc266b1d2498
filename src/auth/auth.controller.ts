import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SignedInResponse } from './dto/auth.responses';
import type { Response } from 'express';
import type { User } from '../users/user';
import { Public } from './access-policy';
import { AuthCookies, REFRESH_COOKIE } from './auth-cookies';
import { AuthService, type SignedIn } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { UsesRefreshCookie } from './guards/access.guard';
import { AuthRateLimitGuard } from './guards/auth-rate-limit.guard';
import type { AuthRequest } from './guards/credentials';
import { LocalAuthGuard, SignedInAccount } from './guards/local-auth.guard';
import { PersonalData } from '../infra/http/personal-data.interceptor';
import { cookieOf } from '../infra/http/string-cookies';
import { SetsSessionCookies } from './guards/cookie-route.guard';

const refreshCookieOf = (req: AuthRequest) => cookieOf(req, REFRESH_COOKIE);

/** Sign-in answers carry the account and tokens: never cached. */
@ApiTags('auth')
@PersonalData()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: AuthCookies,
  ) {}

  @Post('register')
  @Public()
  @SetsSessionCookies({ jsonBody: true })
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Create an account; answers the user and an access token, and sets the cookies' })
  @ApiCreatedResponse({ type: SignedInResponse })
  async register(@Body() dto: RegisterDto, @Res({ passthrough: true }) res: Response) {
    return this.send(res, await this.auth.register(dto));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @SetsSessionCookies({ jsonBody: true })
  @UseGuards(AuthRateLimitGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with username or email and password (passport-local)' })
  @ApiOkResponse({ type: SignedInResponse })
  async login(
    @SignedInAccount() account: User,
    @Body() _dto: LoginDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, await this.auth.signIn(account));
  }

  @Post('refresh')
  @Public()
  @UsesRefreshCookie()
  @SetsSessionCookies()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the refresh cookie and get a new access token (needs X-CSRF-Token)' })
  @ApiOkResponse({ type: SignedInResponse })
  async refresh(@Req() req: AuthRequest, @Res({ passthrough: true }) res: Response) {
    return this.send(res, await this.auth.refresh(refreshCookieOf(req)));
  }

  @Post('logout')
  @Public()
  @UsesRefreshCookie()
  @SetsSessionCookies()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session (refresh cookie or bearer token) and clear the cookies' })
  @ApiNoContentResponse({ description: 'Signed out; the cookies are cleared' })
  async logout(@Req() req: AuthRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(refreshCookieOf(req), req.sessionId);
    this.cookies.clear(res);
  }

  private send(res: Response, signedIn: SignedIn) {
    this.cookies.write(res, signedIn.cookies);
    return signedIn.body;
  }
}
