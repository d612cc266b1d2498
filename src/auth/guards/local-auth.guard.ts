import { createParamDecorator, Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard, type IAuthModuleOptions } from '@nestjs/passport';
import type { Request } from 'express';
import { createValidationPipe } from '../../infra/http/validation';
import type { User } from '../../users/user';
import { LoginDto } from '../dto/login.dto';

/**
 * Runs the passport-local strategy. Guards run before pipes, so the body is validated here first, with the same
 * pipe as every route: an invalid body answers 400 validation_failed (and counts as no failed sign-in) instead of
 * passport's bare 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body ?? {};
    // The application's own pipe and options (unknown properties refused too), before passport reads the body.
    await createValidationPipe().transform(body, { type: 'body', metatype: LoginDto });
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
