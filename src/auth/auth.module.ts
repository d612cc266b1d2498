import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../infra/config/app-config';
import { UsersModule } from '../users/users.module';
import { AccountRecoveryController } from './account-recovery.controller';
import { AccountTokenRepository } from './account-token.repository';
import {
  AccountMailRequestRecord,
  AccountMailRequestSchema,
  AccountTokenRecord,
  AccountTokenSchema,
} from './account-token.schema';
import { AccountService } from './account.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';
import { AuthCookies } from './auth-cookies';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { FirstAdminService } from './first-admin.service';
import { AccessGuard } from './guards/access.guard';
import { AuthRateLimitGuard } from './guards/auth-rate-limit.guard';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { LoginAttemptRepository } from './login-attempt.repository';
import { LoginAttemptRecord, LoginAttemptSchema } from './login-attempt.schema';
import { LoginThrottleService } from './login-throttle.service';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { RefreshTokenRecord, RefreshTokenSchema, SessionRecord, SessionSchema } from './session.schema';
import { SessionService } from './session.service';
import { LocalStrategy } from './strategies/local.strategy';
import { TokenService } from './token.service';

function jwtOptions(config: AppConfig) {
  if (!config.JWT_SECRET) throw new Error('config: JWT_SECRET is required to sign access tokens');
  return {
    // A KeyObject made once: given a string, jsonwebtoken first tries it as a PEM public key (createPublicKey,
    // which throws) and then builds a secret key, on every verify and sign: 7% of a socket reconnect's CPU.
    // @nestjs/jwt passes the secret through untouched; its type says string | Buffer only.
    secret: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
    signOptions: { algorithm: 'HS256' as const, expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
    verifyOptions: { algorithms: ['HS256' as const] },
  };
}

/**
 * Sign-in (passport-local), access and refresh tokens, cookies and CSRF, and the global access guard.
 * Exports TokenService (socket handshakes) and the services privacy needs to confirm a password and end sessions.
 */
@Module({
  imports: [
    UsersModule,
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: jwtOptions }),
    MongooseModule.forFeature([
      { name: SessionRecord.name, schema: SessionSchema },
      { name: RefreshTokenRecord.name, schema: RefreshTokenSchema },
      { name: LoginAttemptRecord.name, schema: LoginAttemptSchema },
      { name: AccountTokenRecord.name, schema: AccountTokenSchema },
      { name: AccountMailRequestRecord.name, schema: AccountMailRequestSchema },
    ]),
  ],
  controllers: [AuthController, MeController, AccountRecoveryController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    AccountService,
    AccountTokenRepository,
    EmailVerificationService,
    PasswordResetService,
    AuthCookies,
    AuthService,
    AuthRateLimitGuard,
    FirstAdminService,
    LocalAuthGuard,
    LocalStrategy,
    LoginAttemptRepository,
    LoginThrottleService,
    PasswordHasher,
    SessionRepository,
    SessionService,
    TokenService,
  ],
  exports: [
    TokenService,
    AccountService,
    SessionService,
    PasswordHasher,
    AuthCookies,
    FirstAdminService,
    LoginThrottleService,
  ],
})
export class AuthModule {}
