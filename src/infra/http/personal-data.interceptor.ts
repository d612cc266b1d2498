import {
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';

const PERSONAL_DATA = 'parley:personal-data';

/**
 * Marks a route whose answer carries personal data even without a signed-in caller (sign-in answers,
 * unsubscribe links): it gets `Cache-Control: no-store` like every answer to a signed-in request.
 */
export const PersonalData = () => SetMetadata(PERSONAL_DATA, true);

/**
 * `Cache-Control: no-store` on every API answer to a signed-in request, and on routes marked @PersonalData():
 * an account, an export, an inbox or a post's history must not stay in a browser's or a proxy's cache after
 * sign-out. Runs after the guards, so `req.user` is known; set before the handler, so errors carry it too.
 */
@Injectable()
export class PersonalDataInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request & { user?: unknown }>();
      const marked = this.reflector.getAllAndOverride<boolean>(PERSONAL_DATA, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (req.user || marked) {
        context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');
      }
    }
    return next.handle();
  }
}
