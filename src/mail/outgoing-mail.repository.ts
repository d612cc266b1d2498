import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import type { MailTemplate } from './mail-templates';
import type { NewMail, OutgoingMail } from './outgoing-mail';
import { OutgoingMailRecord } from './outgoing-mail.schema';

type MailRow = OutgoingMailRecord & { _id: Types.ObjectId };

function toMail(row: MailRow): OutgoingMail {
  return {
    id: row._id.toHexString(),
    to: row.to,
    userId: row.userId ?? null,
    template: row.template as MailTemplate,
    category: row.category,
    data: row.data as never,
    state: row.state,
    attempts: row.attempts ?? 0,
    lastError: row.lastError ?? null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}

/** The only code that touches the outgoing_mail collection. */
@Injectable()
export class OutgoingMailRepository {
  constructor(@InjectModel(OutgoingMailRecord.name) readonly model: Model<OutgoingMailRecord>) {}

  async insert(mail: NewMail, followUp: FollowUpState): Promise<OutgoingMail> {
    const [row] = await this.model.insertMany([
      { ...mail, state: 'queued', attempts: 0, createdAt: new Date(), followUp },
    ]);
    return toMail(row.toObject() as MailRow);
  }

  /**
   * Adds an item to the pending mail under `key` (one per recipient and topic), or stores a new one due after
   * the quiet period. A mail already being sent no longer matches, so a late item starts the next mail.
   */
  async gather(
    key: string,
    mail: NewMail,
    item: { listField: string; value: unknown; onceKey: string },
    followUp: FollowUpState,
  ): Promise<void> {
    const filter = { coalesceKey: key, state: 'queued' };
    // Once per event: a redelivered event finds its key already there and adds nothing.
    const added = await this.model
      .updateOne(
        { ...filter, onceKeys: { $ne: item.onceKey } },
        { $push: { [`data.${item.listField}`]: item.value, onceKeys: item.onceKey } },
      )
      .exec();
    if (added.matchedCount > 0) return;
    if (await this.model.exists(filter).exec()) return; // already holds this event
    const data = mail.data as unknown as Record<string, unknown>;
    const list = Array.isArray(data[item.listField]) ? (data[item.listField] as unknown[]) : [];
    await this.model.insertMany([
      {
        ...mail,
        data: { ...data, [item.listField]: [...list, item.value] },
        coalesceKey: key,
        onceKeys: [item.onceKey],
        state: 'queued',
        attempts: 0,
        createdAt: new Date(),
        followUp,
      },
    ]);
  }

  async findWithFollowUp(id: string): Promise<{ item: OutgoingMail; followUp: FollowUpState } | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const row = await this.model
      .findOne({ _id: id, followUp: { $exists: true } })
      .lean<MailRow>()
      .exec();
    return row?.followUp ? { item: toMail(row), followUp: row.followUp } : null;
  }

  /** Before SMTP: a gathering mail stops taking items (they start the next one). */
  async markSending(id: string): Promise<void> {
    await this.model.updateOne({ _id: id, state: 'queued' }, { $set: { state: 'sending' } }).exec();
  }

  async findById(id: string): Promise<OutgoingMail | null> {
    const row = await this.model.findById(id).lean<MailRow>().exec();
    return row ? toMail(row) : null;
  }

  /** Sent (or given up): the data, which may hold a one-time link or an excerpt, is not kept. */
  async finish(id: string, state: 'sent' | 'dropped' | 'failed', reason: string | null): Promise<void> {
    await this.model
      .updateOne(
        { _id: id },
        {
          $set: { state, lastError: reason, ...(state === 'sent' ? { sentAt: new Date() } : {}), data: {} },
          $unset: { onceKeys: 1 },
        },
      )
      .exec();
  }

  async recordFailure(id: string, error: string): Promise<number> {
    const row = await this.model
      .findOneAndUpdate(
        { _id: id },
        // Back to queued: a gathering mail takes items again until the retry.
        { $inc: { attempts: 1 }, $set: { state: 'queued', lastError: error.slice(0, 500) } },
        { new: true, projection: { attempts: 1 } },
      )
      .lean<{ attempts: number }>()
      .exec();
    return row?.attempts ?? 0;
  }

  /** An account is deleted: its mail not yet sent goes, with whatever it quotes. */
  async dropPendingFor(userId: string): Promise<number> {
    const result = await this.model
      .updateMany(
        { userId, state: { $in: ['queued', 'sending'] } },
        { $set: { state: 'dropped', lastError: 'account deleted', data: {} }, $unset: { followUp: 1 } },
      )
      .exec();
    return result.modifiedCount;
  }
}
