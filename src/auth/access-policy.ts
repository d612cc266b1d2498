import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';

export type Role = 'member' | 'moderator' | 'admin';

/**
 * Every route and socket event declares exactly one access policy; the global guard enforces it and a test
 * walks the route table so that nothing is public by accident.
 * - public: anyone; a valid token still identifies the caller (for unread counts, notice state).
 * - authenticated: any signed-in user whose account is not suspended.
 * - roles: a signed-in user holding one of the roles (admin implies moderator implies member).
 */
export type AccessPolicy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

export const ACCESS_POLICY = 'parley:access-policy';

export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
export const Authenticated = () =>
  SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy);

/** The caller as guards and services see it: no mongoose document, no secrets. */
export interface AuthUser {
  id: string;
  username: string;
  roles: Role[];
  moderatedForumIds: string[];
  status: 'active' | 'silenced' | 'suspended';
  noticeVersionAcknowledged?: number;
  /** When this copy was read from the database (ms since the epoch); a socket keeps its handshake's copy. */
  loadedAt?: number;
}

/** The signed-in user, or undefined on a public route called anonymously. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  if (context.getType() === 'ws')
    return context.switchToWs().getClient<{ data?: { user?: AuthUser } }>().data?.user;
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
