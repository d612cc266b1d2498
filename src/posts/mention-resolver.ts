import { Injectable } from '@nestjs/common';

/**
 * Turns `@username` mentions into user ids through the Accounts module's UsersService.resolveUsernames.
 * Until that service is wired (see the lead's note), mentions resolve to nobody and are kept as plain text.
 */
@Injectable()
export class MentionResolver {
  async resolve(usernames: string[]): Promise<string[]> {
    if (usernames.length === 0) return [];
    return [];
  }
}
