import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Acknowledgement } from './notice';
import { AcknowledgementRecord } from './acknowledgement.schema';

type AcknowledgementRow = AcknowledgementRecord & { _id: unknown };

const toAcknowledgement = (row: AcknowledgementRow): Acknowledgement => ({
  version: row.version,
  acknowledgedAt: row.acknowledgedAt.toISOString(),
});

@Injectable()
export class AcknowledgementRepository {
  constructor(
    @InjectModel(AcknowledgementRecord.name) private readonly acknowledgements: Model<AcknowledgementRecord>,
  ) {}

  /** Idempotent: a repeated acknowledgement keeps the time of the first one and returns it. */
  async record(userId: string, version: number, at: Date): Promise<Acknowledgement> {
    const row = await this.acknowledgements
      .findOneAndUpdate(
        { userId, version },
        { $setOnInsert: { userId, version, acknowledgedAt: at } },
        { upsert: true, new: true },
      )
      .lean<AcknowledgementRow>()
      .exec();
    return row ? toAcknowledgement(row) : { version, acknowledgedAt: at.toISOString() };
  }

  async latestVersion(userId: string): Promise<number | null> {
    const row = await this.acknowledgements
      .findOne({ userId })
      .sort({ version: -1 })
      .lean<AcknowledgementRow>()
      .exec();
    return row ? row.version : null;
  }

  /** Every acknowledgement of a user, oldest first (a handful per user: one per notice version). */
  async listFor(userId: string): Promise<Acknowledgement[]> {
    const rows = await this.acknowledgements
      .find({ userId })
      .sort({ version: 1 })
      .lean<AcknowledgementRow[]>()
      .exec();
    return rows.map(toAcknowledgement);
  }

  async deleteFor(userId: string): Promise<number> {
    const result = await this.acknowledgements.deleteMany({ userId }).exec();
    return result.deletedCount;
  }
}
