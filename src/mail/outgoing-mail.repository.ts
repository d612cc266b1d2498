import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { isDuplicateKey } from '../infra/database/duplicate-key';
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
   * the quiet period. The open mail of a key is named by a slot document (`_id` = key, one conditional write
   * to take it), so two events gathered at the same moment land in one mail, not two. A mail already being sent
   * no longer takes items: a late item opens the next mail.
   */
  async gather(
    key: string,
    mail: NewMail,
    item: { listField: string; value: unknown; onceKey: string },
    followUp: FollowUpState,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const slot = await this.slots.findOne({ _id: key });
      if (slot && (await this.addTo(slot.mailId, item))) return;
      // No open mail for the key: store one holding this item, then take the slot for it.
      const id = new Types.ObjectId();
      const data = mail.data as unknown as Record<string, unknown>;
      const list = Array.isArray(data[item.listField]) ? (data[item.listField] as unknown[]) : [];
      await this.model.insertMany([
        {
          ...mail,
          _id: id,
          data: { ...data, [item.listField]: [...list, item.value] },
          coalesceKey: key,
          onceKeys: [item.onceKey],
          state: 'queued',
          attempts: 0,
          createdAt: new Date(),
          followUp,
        },
      ]);
      if (await this.takeSlot(key, slot?.mailId ?? null, id)) return;
      // Another event opened one meanwhile: ours goes (unless already being sent) and the item joins theirs.
      await this.model.deleteOne({ _id: id, state: 'queued' }).exec();
    }
    throw new Error(`mail for ${key} could not be gathered: too many concurrent writers`);
  }

  private get slots() {
    return this.model.db.collection<{ _id: string; mailId: Types.ObjectId }>('mail_gather_slots');
  }

  /** True when the mail is still gathering and now holds the item (added now, or by an earlier delivery). */
  private async addTo(
    mailId: Types.ObjectId,
    item: { listField: string; value: unknown; onceKey: string },
  ): Promise<boolean> {
    const filter = { _id: mailId, state: 'queued' };
    const added = await this.model
      .updateOne(
        { ...filter, onceKeys: { $ne: item.onceKey } },
        { $push: { [`data.${item.listField}`]: item.value, onceKeys: item.onceKey } },
      )
      .exec();
    return added.matchedCount > 0 || (await this.model.exists(filter).exec()) !== null;
  }

  private async takeSlot(key: string, from: Types.ObjectId | null, to: Types.ObjectId): Promise<boolean> {
    if (from) {
      const moved = await this.slots.updateOne({ _id: key, mailId: from }, { $set: { mailId: to } });
      return moved.modifiedCount > 0;
    }
    try {
      await this.slots.insertOne({ _id: key, mailId: to });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
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

  /**
   * Redaction reaches mail not sent yet (sent mail keeps no data): every removed value is replaced in the data
   * of queued mail. Returns how many mails changed.
   */
  async replaceInPending(removed: Array<{ value: string; label: string }>): Promise<number> {
    if (removed.length === 0) return 0;
    const rows = await this.model
      .find({ state: { $in: ['queued', 'sending'] } }, { data: 1 })
      .lean<Array<{ _id: Types.ObjectId; data: Record<string, unknown> }>>()
      .exec();
    let changed = 0;
    for (const row of rows) {
      const before = JSON.stringify(row.data ?? {});
      const after = removed.reduce((text, { value, label }) => {
        const [quotedValue, quotedLabel] = [
          JSON.stringify(value).slice(1, -1),
          JSON.stringify(label).slice(1, -1),
        ];
        return text.split(quotedValue).join(quotedLabel);
      }, before);
      if (after === before) continue;
      await this.model.updateOne({ _id: row._id }, { $set: { data: JSON.parse(after) } }).exec();
      changed += 1;
    }
    return changed;
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
