import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { Request } from 'express';
import type { User } from '../../users/user';
import { AuthService } from '../auth.service';

/** passport-local: `{ login, password }`, login being a username or an email address. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'login', passwordField: 'password', session: false, passReqToCallback: true });
  }

  validate(req: Request, login: string, password: string): Promise<User> {
    return this.auth.validateCredentials(login, password, req.ip ?? 'unknown');
  }
}
