import { Injectable } from '@nestjs/common';
import { UserRepository } from './user.repository';

const MENTION_SUGGESTIONS = 8;

/** What members may know of each other: the public name of an account (never its email or roles). */
@Injectable()
export class PeopleService {
  constructor(private readonly users: UserRepository) {}

  async mentionable(
    prefix: string,
  ): Promise<{ items: { id: string; username: string; displayName: string }[] }> {
    const found = await this.users.byUsernamePrefix(prefix, MENTION_SUGGESTIONS);
    return {
      items: found
        .filter((user) => user.status !== 'suspended')
        .map(({ id, username, displayName }) => ({ id, username, displayName: displayName || username })),
    };
  }
}
