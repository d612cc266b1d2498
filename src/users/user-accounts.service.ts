import { Injectable } from '@nestjs/common';
import { AppError, NotFound } from '../infra/errors/app-error';
import type { NotificationPreferences, User } from './user';
import { UserRepository, type NewUser, type ProfileChanges } from './user.repository';
import { AlreadyStored } from '../infra/database/duplicate-key';

export type PreferenceChanges = Partial<{
  [K in keyof NotificationPreferences]: Partial<NotificationPreferences[K]>;
}>;

const SEEN_RESOLUTION_MS = 5 * 60_000;

/** Account records for sign-in, profile edits and erasure. Hashing stays in auth; this stores the result. */
@Injectable()
export class UserAccountsService {
  constructor(private readonly users: UserRepository) {}

  /** Sign-in's one read: the account and whether the session is live. */
  findWithSession(userId: string, sessionId: string) {
    return this.users.findWithSession(userId, sessionId);
  }

  addLiveSession(userId: string, sessionId: string, expiresAt: Date): Promise<void> {
    return this.users.addLiveSession(userId, sessionId, expiresAt);
  }

  extendLiveSession(userId: string, sessionId: string, expiresAt: Date): Promise<void> {
    return this.users.extendLiveSession(userId, sessionId, expiresAt);
  }

  endLiveSessions(userId: string, only: { sessionId?: string; exceptId?: string }): Promise<void> {
    return this.users.endLiveSessions(userId, only);
  }

  async create(input: NewUser, options: { addressInUse?: 'refuse' | 'store-unclaimed' } = {}): Promise<User> {
    try {
      return await this.users.insert(input, options);
    } catch (error) {
      throw await this.duplicateToConflict(error, input);
    }
  }

  findById(userId: string): Promise<User | null> {
    return this.users.findById(userId);
  }

  /** Username or confirmed email, case-insensitively; deleted accounts are never found. */
  findByLogin(login: string): Promise<User | null> {
    return this.users.findByUsernameOrEmail(login);
  }

  /** The account holding this address, confirmed or not. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  findPasswordHash(userId: string): Promise<string | null> {
    return this.users.findPasswordHash(userId);
  }

  setPasswordHash(userId: string, hash: string): Promise<void> {
    return this.users.setPasswordHash(userId, hash);
  }

  async updateProfile(userId: string, changes: ProfileChanges): Promise<User> {
    let user: User | null;
    try {
      user = await this.users.updateProfile(userId, changes);
    } catch (error) {
      throw await this.duplicateToConflict(error, changes);
    }
    if (!user) throw new NotFound('User');
    return user;
  }

  /** Whether another account holds this address (confirmed or not). */
  async isEmailTaken(email: string): Promise<boolean> {
    return (await this.users.takenField(undefined, email)) === 'email';
  }

  /**
   * Holds a new address as pending; it is used only once confirmed (confirming checks uniqueness again). The
   * caller decides what to mail when another account holds it, so the answer does not tell.
   */
  async requestEmailChange(userId: string, email: string): Promise<User> {
    const user = await this.users.setPendingEmail(userId, email.trim());
    if (!user) throw new NotFound('User');
    return user;
  }

  cancelEmailChange(userId: string): Promise<User | null> {
    return this.users.setPendingEmail(userId, null);
  }

  findDigestRecipients(afterId: string | null, limit: number): Promise<User[]> {
    return this.users.findDigestRecipients(afterId, limit);
  }

  claimDigest(userId: string, cutoff: Date, now: Date): Promise<Date | null> {
    return this.users.claimDigest(userId, cutoff, now);
  }

  markEmailVerified(userId: string, email: string): Promise<boolean> {
    return this.users.markEmailVerified(userId, email);
  }

  async confirmNewEmail(userId: string, email: string): Promise<User> {
    let user: User | null;
    try {
      user = await this.users.confirmNewEmail(userId, email);
    } catch (error) {
      throw await this.duplicateToConflict(error, { email });
    }
    if (!user) throw new NotFound('User');
    return user;
  }

  async updatePreferences(userId: string, changes: PreferenceChanges): Promise<User> {
    const paths: Record<string, boolean> = {};
    for (const [kind, channels] of Object.entries(changes)) {
      for (const [channel, on] of Object.entries(channels ?? {})) {
        if (typeof on === 'boolean') paths[`${kind}.${channel}`] = on;
      }
    }
    const user = Object.keys(paths).length
      ? await this.users.setPreferences(userId, paths)
      : await this.users.findById(userId);
    if (!user || user.deleted) throw new NotFound('User');
    return user;
  }

  /** Recorded at most every few minutes per user, so reads do not turn into writes. */
  async markSeen(userId: string, lastSeenAt: string | null): Promise<void> {
    const now = Date.now();
    if (lastSeenAt && now - Date.parse(lastSeenAt) < SEEN_RESOLUTION_MS) return;
    await this.users.touchLastSeen(userId, new Date(now));
  }

  erase(userId: string): Promise<void> {
    return this.users.erase(userId, new Date());
  }

  /** Which field was taken: asked of the database, since not every server's duplicate-key error names it. */
  private async duplicateToConflict(error: unknown, input: { username?: string; email?: string }) {
    if (!(error instanceof AlreadyStored)) return error;
    const field = await this.users.takenField(input.username, input.email);
    if (field === 'username') return new AppError('username_taken', 'That username is taken', { field });
    return new AppError('email_taken', 'That email is already registered', { field: 'email' });
  }
}
