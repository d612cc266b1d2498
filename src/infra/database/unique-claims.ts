import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AlreadyStored, isDuplicateKey } from './duplicate-key';

interface ClaimDocument {
  _id: string;
  ownerId: string;
  claimedAt: Date;
}

/** Refused because another owner holds the value. Reads as a duplicate key to callers that ask isDuplicateKey. */
export class ValueTaken extends AlreadyStored {
  constructor(readonly scope: string) {
    super(`duplicate key: ${scope} is taken`);
    this.name = 'ValueTaken';
  }
}

/**
 * Unique values whose owner can change them (a user's email and name), held as `_id` claims in a collection of
 * their own: a claim is only ever inserted and deleted, never updated, and every engine frees an `_id` on delete.
 * A unique index on a field that updates change is not enough: SecantusDB 0.5.3 keeps the old key of an updated
 * document in the index, so an address changed or erased could never register again
 * (docs/engine-deviations.md, "unique key kept after update"). Claims behave the same on MongoDB.
 *
 * A claim whose owner no longer holds the value (the process died between claiming and writing the owner, or
 * between writing and releasing) is stale: `stillHolds` tells, and a stale claim is taken over.
 */
@Injectable()
export class UniqueClaims {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get claims() {
    return this.connection.collection<ClaimDocument>('unique_claims');
  }

  async claim(
    scope: string,
    value: string,
    ownerId: string,
    stillHolds: (ownerId: string, value: string) => Promise<boolean>,
    attempt = 0,
  ): Promise<void> {
    const _id = keyOf(scope, value);
    try {
      await this.claims.insertOne({ _id, ownerId, claimedAt: new Date() });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const held = await this.claims.findOne({ _id });
    if (!held) {
      if (attempt >= 3) throw new ValueTaken(scope);
      return this.claim(scope, value, ownerId, stillHolds, attempt + 1); // released meanwhile
    }
    if (held.ownerId === ownerId) return;
    if (await stillHolds(held.ownerId, value)) throw new ValueTaken(scope);
    // Stale: take it over, unless someone else took it first.
    const taken = await this.claims.findOneAndUpdate(
      { _id, ownerId: held.ownerId },
      { $set: { ownerId, claimedAt: new Date() } },
    );
    if (!taken) throw new ValueTaken(scope);
  }

  async release(scope: string, value: string, ownerId: string): Promise<void> {
    await this.claims.deleteOne({ _id: keyOf(scope, value), ownerId });
  }

  /** Claimed by an owner that still holds it: a stale claim (see claim) does not count. */
  async isHeld(
    scope: string,
    value: string,
    stillHolds: (ownerId: string, value: string) => Promise<boolean>,
  ): Promise<boolean> {
    const held = await this.claims.findOne({ _id: keyOf(scope, value) });
    return !!held && (await stillHolds(held.ownerId, value));
  }
}

function keyOf(scope: string, value: string): string {
  return `${scope}|${value}`;
}
