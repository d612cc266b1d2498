import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Types, type Model } from 'mongoose';
import { AppConfig } from '../infra/config/app-config';
import { uniqueWrite } from '../infra/database/duplicate-key';
import { UniqueClaims, ValueTaken } from '../infra/database/unique-claims';
import type { Role } from '../auth/access-policy';
import { defaultPreferences, type NotificationPreferences, type User, type UserStatus } from './user';
import { UserRecord } from './user.schema';

type UserRow = UserRecord & { _id: { toString(): string } };

export interface NewUser {
  username: string;
  email: string;
  displayName: string;
  passwordHash: string;
  /** Opted in to the periodic summary at registration (off by default). */
  digest?: boolean;
}

export interface ProfileChanges {
  displayName?: string;
  email?: string;
}

export interface RestrictionFields {
  silencedUntil: Date | null;
  suspendedUntil: Date | null;
  restrictionReason: string | null;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

function statusOf(row: UserRow, now: Date): UserStatus {
  if (row.suspendedUntil && row.suspendedUntil > now) return 'suspended';
  if (row.silencedUntil && row.silencedUntil > now) return 'silenced';
  return 'active';
}

function mergePreferences(stored: Partial<NotificationPreferences> | null): NotificationPreferences {
  const merged = defaultPreferences();
  for (const kind of Object.keys(merged) as (keyof NotificationPreferences)[]) {
    Object.assign(merged[kind], stored?.[kind] ?? {});
  }
  return merged;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function toUser(row: UserRow, now = new Date()): User {
  return {
    id: row._id.toString(),
    username: row.username,
    email: row.email ?? null,
    emailVerifiedAt: iso(row.emailVerifiedAt),
    pendingEmail: row.pendingEmail ?? null,
    holdsEmail: !!row.email && row.emailNormalized === normalizeEmail(row.email),
    displayName: row.displayName,
    roles: row.roles ?? ['member'],
    moderatedForumIds: row.moderatedForumIds ?? [],
    status: statusOf(row, now),
    silencedUntil: row.silencedUntil && row.silencedUntil > now ? iso(row.silencedUntil) : null,
    suspendedUntil: row.suspendedUntil && row.suspendedUntil > now ? iso(row.suspendedUntil) : null,
    restrictionReason: row.restrictionReason ?? null,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: iso(row.lastSeenAt),
    notificationPreferences: mergePreferences(row.notificationPreferences),
    noticeAcknowledgements: (row.noticeAcknowledgements ?? []).map((ack) => ({
      version: ack.version,
      acknowledgedAt: ack.acknowledgedAt.toISOString(),
    })),
    deleted: !!row.deletedAt,
  };
}

/** Session ids are UUIDs (from the server or a verified token); '.' and '$' could not be field names. */
const sessionField = (sessionId: string) => sessionId.replace(/[.$]/g, '_');
const sessionKey = (sessionId: string) => `liveSessions.${sessionField(sessionId)}`;

const USERNAME = 'username';
const EMAIL = 'email';

/** The only code that touches the users collection. Returns plain Users; the password hash only on request. */
@Injectable()
export class UserRepository {
  constructor(
    @InjectModel(UserRecord.name) private readonly users: Model<UserRecord>,
    private readonly unique: UniqueClaims,
    private readonly config: AppConfig,
  ) {}

  /**
   * Claims the name and the address first (ValueTaken, a duplicate key, when either is held), then stores.
   * `addressInUse: 'store-unclaimed'` (registration): an address another account holds does not refuse the
   * account; it is stored without its claim (`holdsEmail` false, see User), under a sign-in key nobody types.
   */
  async insert(input: NewUser, options: { addressInUse?: 'refuse' | 'store-unclaimed' } = {}): Promise<User> {
    const _id = new Types.ObjectId();
    const id = _id.toHexString();
    const usernameLower = input.username.toLowerCase();
    let emailNormalized = normalizeEmail(input.email);
    await this.unique.claim(USERNAME, usernameLower, id, this.holdsUsername);
    try {
      try {
        await this.unique.claim(EMAIL, emailNormalized, id, this.holdsEmail);
      } catch (error) {
        if (!(error instanceof ValueTaken) || options.addressInUse !== 'store-unclaimed') throw error;
        emailNormalized = `unclaimed-${id}@unclaimed.invalid`;
      }
      const { digest, ...fields } = input;
      const preferences = defaultPreferences();
      if (digest) preferences.mailings.email = true;
      const [row] = await uniqueWrite(
        this.users.insertMany([
          {
            ...fields,
            _id,
            usernameLower,
            emailNormalized,
            email: input.email.trim(),
            notificationPreferences: preferences,
            createdAt: new Date(),
          },
        ]),
      );
      return toUser(row.toObject() as UserRow);
    } catch (error) {
      await this.unique.release(USERNAME, usernameLower, id);
      await this.unique.release(EMAIL, emailNormalized, id);
      throw error;
    }
  }

  /**
   * A deleted account keeps its name reserved, so nobody can appear to be the author of its posts: forever, or
   * for DELETED_USERNAME_RESERVED_DAYS after the deletion, when the claim becomes stale and may be taken over.
   */
  private readonly holdsUsername = async (ownerId: string, value: string) => {
    const days = this.config.DELETED_USERNAME_RESERVED_DAYS;
    const deleted = days > 0 ? { $gt: new Date(Date.now() - days * 86_400_000) } : { $ne: null };
    const holder = await this.users
      .exists({ _id: ownerId, $or: [{ usernameLower: value }, { deletedAt: deleted }] })
      .exec();
    return holder !== null;
  };

  private readonly holdsEmail = async (ownerId: string, value: string) =>
    (await this.users.exists({ _id: ownerId, emailNormalized: value, deletedAt: null }).exec()) !== null;

  async findById(id: string): Promise<User | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.users.findById(id).lean<UserRow>().exec();
    return row ? toUser(row) : null;
  }

  async findByIds(ids: string[]): Promise<User[]> {
    const valid = [...new Set(ids)].filter((id) => isValidObjectId(id));
    if (valid.length === 0) return [];
    const rows = await this.users
      .find({ _id: { $in: valid } })
      .lean<UserRow[]>()
      .exec();
    return rows.map((row) => toUser(row));
  }

  /** Mentions: live accounts by lower-cased name (the unique usernameLower index). */
  async findByUsernamesLower(names: string[]): Promise<User[]> {
    if (names.length === 0) return [];
    const rows = await this.users
      .find({ usernameLower: { $in: [...new Set(names)] }, deletedAt: null })
      .lean<UserRow[]>()
      .exec();
    return rows.map((row) => toUser(row));
  }

  async findByUsernameOrEmail(login: string): Promise<User | null> {
    const key = login.trim().toLowerCase();
    // An address signs in once confirmed: otherwise a registration with someone else's address could tell,
    // by signing in with it, whether it was free (see User.holdsEmail).
    const row = await this.users
      .findOne({
        $or: [
          { usernameLower: key },
          { emailNormalized: normalizeEmail(key), emailVerifiedAt: { $ne: null } },
        ],
        deletedAt: null,
      })
      .lean<UserRow>()
      .exec();
    return row ? toUser(row) : null;
  }

  /** The account holding this address, confirmed or not (a password reset proves the address itself). */
  async findByEmail(email: string): Promise<User | null> {
    const row = await this.users
      .findOne({ emailNormalized: normalizeEmail(email), deletedAt: null })
      .lean<UserRow>()
      .exec();
    return row ? toUser(row) : null;
  }

  async takenField(username?: string, email?: string): Promise<'username' | 'email' | null> {
    const name = username?.toLowerCase();
    if (name && (await this.unique.isHeld(USERNAME, name, this.holdsUsername))) return 'username';
    if (email && (await this.unique.isHeld(EMAIL, normalizeEmail(email), this.holdsEmail))) return 'email';
    return null;
  }

  /** The account and whether `sessionId` is one of its live sessions: one read signs a request in. */
  async findWithSession(id: string, sessionId: string): Promise<{ user: User; liveSession: boolean } | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.users.findById(id).lean<UserRow>().exec();
    if (!row) return null;
    const now = new Date();
    const ends = row.liveSessions?.[sessionField(sessionId)];
    return { user: toUser(row, now), liveSession: !!ends && new Date(ends) > now };
  }

  /** A new session; the ones that have ended by now leave the map. */
  async addLiveSession(id: string, sessionId: string, expiresAt: Date): Promise<void> {
    await this.users.updateOne({ _id: id }, { $set: { [sessionKey(sessionId)]: expiresAt } }).exec();
    const row = await this.users.findById(id, { liveSessions: 1 }).lean<UserRow>().exec();
    const now = Date.now();
    const ended = Object.entries(row?.liveSessions ?? {}).filter(
      ([, ends]) => new Date(ends).getTime() <= now,
    );
    if (ended.length === 0) return;
    const unset = Object.fromEntries(ended.map(([field]) => [`liveSessions.${field}`, 1]));
    await this.users.updateOne({ _id: id }, { $unset: unset }).exec();
  }

  /** A refreshed session lives longer; an ended one is not brought back. */
  async extendLiveSession(id: string, sessionId: string, expiresAt: Date): Promise<void> {
    const key = sessionKey(sessionId);
    await this.users.updateOne({ _id: id, [key]: { $exists: true } }, { $set: { [key]: expiresAt } }).exec();
  }

  /** Ends one live session, or (no `sessionId`) every one but `exceptId`. */
  async endLiveSessions(id: string, only: { sessionId?: string; exceptId?: string }): Promise<void> {
    if (only.sessionId) {
      await this.users.updateOne({ _id: id }, { $unset: { [sessionKey(only.sessionId)]: 1 } }).exec();
      return;
    }
    const row = await this.users.findById(id, { liveSessions: 1 }).lean<UserRow>().exec();
    const kept = only.exceptId ? sessionField(only.exceptId) : undefined;
    const ends = kept ? row?.liveSessions?.[kept] : undefined;
    const liveSessions = kept && ends ? { [kept]: ends } : {};
    await this.users.updateOne({ _id: id }, { $set: { liveSessions } }).exec();
  }

  async findPasswordHash(id: string): Promise<string | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.users.findById(id, { passwordHash: 1 }).lean<UserRow>().exec();
    return row?.passwordHash ?? null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.updateOne({ _id: id, deletedAt: null }, { $set: { passwordHash } }).exec();
  }

  async updateProfile(id: string, changes: ProfileChanges): Promise<User | null> {
    const set: Record<string, unknown> = {};
    if (changes.displayName !== undefined) set.displayName = changes.displayName;
    if (changes.email === undefined) return this.update(id, { $set: set });
    const before = await this.findById(id);
    if (!before || before.deleted) return null;
    const previous = normalizeEmail(before.email ?? '');
    const next = normalizeEmail(changes.email);
    if (next !== previous) await this.unique.claim(EMAIL, next, id, this.holdsEmail);
    set.email = changes.email.trim();
    set.emailNormalized = next;
    const updated = await this.update(id, { $set: set });
    // The old address is freed once the new one is stored; a failed update gives the new one back.
    if (next !== previous) await this.unique.release(EMAIL, updated ? previous : next, id);
    return updated;
  }

  /** Accounts that want the digest by mail, with a confirmed address, by _id from `afterId`. */
  async findDigestRecipients(afterId: string | null, limit: number): Promise<User[]> {
    const filter: Record<string, unknown> = {
      'notificationPreferences.mailings.email': true,
      deletedAt: null,
      emailVerifiedAt: { $ne: null },
    };
    if (afterId) filter._id = { $gt: new Types.ObjectId(afterId) };
    const rows = await this.users.find(filter).sort({ _id: 1 }).limit(limit).lean<UserRow[]>().exec();
    return rows.map((row) => toUser(row));
  }

  /**
   * Takes this period's digest for the account: true once per period (no digest since `cutoff`), so two
   * instances or a rerun never mail it twice. Returns the previous time, or the epoch when there was none.
   */
  async claimDigest(id: string, cutoff: Date, now: Date): Promise<Date | null> {
    const before = await this.users
      .findOneAndUpdate(
        { _id: id, $or: [{ digestSentAt: null }, { digestSentAt: { $lte: cutoff } }] },
        { $set: { digestSentAt: now } },
        { new: false, projection: { digestSentAt: 1 } },
      )
      .lean<{ digestSentAt: Date | null }>()
      .exec();
    if (!before) return null;
    return before.digestSentAt ?? new Date(0);
  }

  /** The address waiting for confirmation (null: none), once the caller checked nobody holds it. */
  setPendingEmail(id: string, email: string | null): Promise<User | null> {
    return this.update(id, { $set: { pendingEmail: email } });
  }

  /** Confirms the current address, if it is still the one the link was mailed to. */
  async markEmailVerified(id: string, email: string): Promise<boolean> {
    if (!isValidObjectId(id)) return false;
    const result = await this.users
      .updateOne(
        { _id: id, deletedAt: null, emailNormalized: normalizeEmail(email) },
        { $set: { emailVerifiedAt: new Date() } },
      )
      .exec();
    return result.matchedCount > 0;
  }

  /** A confirmed change: the new address is claimed and becomes the account's, verified, the old one is freed. */
  async confirmNewEmail(id: string, email: string): Promise<User | null> {
    const changed = await this.updateProfile(id, { email });
    if (!changed) return null;
    return this.update(id, { $set: { emailVerifiedAt: new Date(), pendingEmail: null } });
  }

  async setPreferences(id: string, changes: Record<string, boolean>): Promise<User | null> {
    if (!isValidObjectId(id)) return null;
    // A dotted $set cannot create fields inside null: give older or odd rows the defaults first.
    await this.users
      .updateOne(
        { _id: id, deletedAt: null, notificationPreferences: null },
        { $set: { notificationPreferences: defaultPreferences() } },
      )
      .exec();
    const set = Object.fromEntries(
      Object.entries(changes).map(([path, value]) => [`notificationPreferences.${path}`, value]),
    );
    return this.update(id, { $set: set });
  }

  /** Idempotent: acknowledging a version twice keeps the first time. */
  async pushAcknowledgement(id: string, version: number, at: Date): Promise<User | null> {
    if (!isValidObjectId(id)) return null;
    await this.users
      .updateOne(
        { _id: id, deletedAt: null, 'noticeAcknowledgements.version': { $ne: version } },
        { $push: { noticeAcknowledgements: { version, acknowledgedAt: at } } },
      )
      .exec();
    return this.findById(id);
  }

  setRoles(id: string, roles: Role[]): Promise<User | null> {
    return this.update(id, { $set: { roles } });
  }

  setModeratedForums(id: string, forumIds: string[]): Promise<User | null> {
    return this.update(id, { $set: { moderatedForumIds: forumIds } });
  }

  addModeratedForum(id: string, forumId: string): Promise<User | null> {
    return this.update(id, { $addToSet: { moderatedForumIds: forumId } });
  }

  removeModeratedForum(id: string, forumId: string): Promise<User | null> {
    return this.update(id, { $pull: { moderatedForumIds: forumId } });
  }

  setRestriction(id: string, fields: RestrictionFields): Promise<User | null> {
    return this.update(id, { $set: fields });
  }

  async touchLastSeen(id: string, at: Date): Promise<void> {
    await this.users.updateOne({ _id: id }, { $set: { lastSeenAt: at } }).exec();
  }

  /** Erases every personal field; the placeholders cannot collide with real usernames or addresses. */
  async erase(id: string, at: Date): Promise<void> {
    const before = await this.findById(id);
    const placeholder = `deleted-${id}`;
    await this.users
      .updateOne(
        { _id: id },
        {
          $set: {
            username: placeholder,
            usernameLower: placeholder,
            email: null,
            emailNormalized: `${placeholder}@deleted.invalid`,
            displayName: '',
            passwordHash: null,
            roles: [],
            moderatedForumIds: [],
            notificationPreferences: null,
            noticeAcknowledgements: [],
            restrictionReason: null,
            lastSeenAt: null,
            deletedAt: at,
          },
        },
      )
      .exec();
    // The address can register again; the name stays reserved (holdsUsername).
    if (before?.email) await this.unique.release(EMAIL, normalizeEmail(before.email), id);
  }

  /** Accounts whose username starts with `prefix`, alphabetically: the index on usernameLower serves it. */
  async byUsernamePrefix(prefix: string, limit: number): Promise<User[]> {
    const rows = await this.users
      .find({ usernameLower: new RegExp(`^${escapeRegExp(prefix.toLowerCase())}`), deletedAt: null })
      .sort({ usernameLower: 1 })
      .limit(limit)
      .lean<UserRow[]>()
      .exec();
    return rows.map((row) => toUser(row));
  }

  /** Admin listing, newest first, cursor by _id; `prefix` matches the start of the username or email. */
  async search(prefix: string | undefined, before: string | undefined, limit: number): Promise<User[]> {
    const filter: Record<string, unknown> = { deletedAt: null };
    if (prefix) {
      const pattern = new RegExp(`^${escapeRegExp(prefix.toLowerCase())}`);
      filter.$or = [{ usernameLower: pattern }, { emailNormalized: pattern }];
    }
    if (before && isValidObjectId(before)) filter._id = { $lt: before };
    const rows = await this.users.find(filter).sort({ _id: -1 }).limit(limit).lean<UserRow[]>().exec();
    return rows.map((row) => toUser(row));
  }

  private async update(id: string, update: Record<string, unknown>): Promise<User | null> {
    if (!isValidObjectId(id)) return null;
    const row = await uniqueWrite(
      this.users.findOneAndUpdate({ _id: id, deletedAt: null }, update, { new: true }).lean<UserRow>().exec(),
    );
    return row ? toUser(row) : null;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
