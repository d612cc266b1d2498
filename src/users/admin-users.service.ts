import { Injectable } from '@nestjs/common';
import type { AuthUser, Role } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import { toAdminUserView, type AdminUserView } from './user';
import { UserRepository } from './user.repository';
import { UsersService, type Restriction } from './users.service';

/** Admin user management: search, roles, forum moderators, silence and suspension (each audited). */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly repository: UserRepository,
    private readonly users: UsersService,
  ) {}

  async list(q: string | undefined, cursor: string | undefined, limit = 50) {
    const rows = await this.repository.search(q?.trim() || undefined, cursor, limit + 1);
    const items = rows.slice(0, limit).map(toAdminUserView);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async get(id: string): Promise<AdminUserView> {
    return toAdminUserView(await this.users.getById(id));
  }

  async setRoles(admin: AuthUser, id: string, roles: Role[]): Promise<AdminUserView> {
    // An admin cannot lock the site out of administration by demoting themselves.
    if (id === admin.id && !roles.includes('admin')) {
      throw new AppError('self_action_refused', 'You cannot remove your own admin role');
    }
    await this.users.getById(id);
    return toAdminUserView(await this.users.setRoles(id, roles, admin));
  }

  async setModeratedForums(admin: AuthUser, id: string, forumIds: string[]): Promise<AdminUserView> {
    await this.users.getById(id);
    return toAdminUserView(await this.users.setModeratedForums(id, forumIds, admin));
  }

  async setStatus(admin: AuthUser, id: string, change: Omit<Restriction, 'byUser'>): Promise<AdminUserView> {
    if (id === admin.id) throw new AppError('self_action_refused', 'You cannot restrict your own account');
    if (change.until && Date.parse(String(change.until)) <= Date.now()) {
      throw new AppError('restriction_end_in_past', 'The end of a restriction must be in the future');
    }
    await this.users.getById(id);
    return toAdminUserView(await this.users.restrict(id, { ...change, byUser: admin }));
  }
}
