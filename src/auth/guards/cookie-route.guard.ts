import {
  applyDecorators,
  Injectable,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../../infra/config/app-config';
import { AppError } from '../../infra/errors/app-error';
import { isAllowedOrigin } from '../../infra/http/origin-check';

const JSON_BODY_ONLY = 'parley:json-body-only';

/**
 * Login CSRF defence for routes that set the session cookies (register, login, refresh, logout). A cross-site
 * page could auto-submit a form to them and sign the victim's browser in as the attacker: here a browser's
 * Origin must be this server's own or one of CORS_ORIGINS, and, with `jsonBody`, the body must be JSON, which a
 * plain HTML form cannot send (and which a cross-site script cannot send without a CORS preflight).
 */
export const SetsSessionCookies = (options: { jsonBody?: boolean } = {}) =>
  applyDecorators(SetMetadata(JSON_BODY_ONLY, options.jsonBody ?? false), UseGuards(CookieRouteGuard));

@Injectable()
export class CookieRouteGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!isAllowedOrigin(req.headers, this.config.CORS_ORIGINS, this.config.TRUST_PROXY)) {
      throw new AppError('origin_refused', 'This request comes from a page of another site');
    }
    const jsonOnly = this.reflector.get<boolean>(JSON_BODY_ONLY, context.getHandler());
    if (jsonOnly && !req.is('application/json')) {
      throw new AppError('unsupported_media_type', 'Send the body as application/json', {
        field: 'content-type',
      });
    }
    return true;
  }
}
