import { createParamDecorator, Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard, type IAuthModuleOptions } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { ValidationFailed } from '../../infra/errors/app-error';
import type { User } from '../../users/user';
import { LoginDto } from '../dto/login.dto';

/**
 * Runs the passport-local strategy. Guards run before pipes, so the body is validated here first: a missing
 * field answers 400 validation_failed like everywhere else instead of passport's bare 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body ?? {};
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true });
    if (errors.length > 0) {
      throw new ValidationFailed(
        errors.map((error) => ({ field: error.property, messages: Object.values(error.constraints ?? {}) })),
      );
    }
    return (await super.canActivate(context)) as boolean;
  }

  // The verified account goes to req.account: req.user is reserved for the access guard's AuthUser.
  override getAuthenticateOptions(): IAuthModuleOptions {
    return { session: false, property: 'account' };
  }
}

export const SignedInAccount = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<{ account?: User }>().account,
);
