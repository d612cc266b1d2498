import { Injectable } from '@nestjs/common';
import { UsersService } from '../users/users.service';

/** Turns `@username` mentions into user ids; unknown and deleted accounts are left as plain text. */
@Injectable()
export class MentionResolver {
  constructor(private readonly users: UsersService) {}

  async resolve(usernames: string[]): Promise<string[]> {
    if (usernames.length === 0) return [];
    const users = await this.users.resolveUsernames(usernames);
    return users.filter((user) => !user.deleted).map((user) => user.id);
  }
}
