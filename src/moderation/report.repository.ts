import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { NewReport, Report, ReportStatus } from './report';
import { ReportRecord } from './report.schema';
import type { ReviewTargetType } from './review-item';
import { uniqueWrite } from '../infra/database/duplicate-key';

type ReportRow = ReportRecord;

const reportId = (targetType: ReviewTargetType, targetId: string, reporterId: string) =>
  `${targetType}:${targetId}:${reporterId}`;

function toReport(row: ReportRow): Report {
  return {
    id: row._id.toString(),
    targetType: row.targetType,
    targetId: row.targetId,
    forumId: row.forumId,
    reporterId: row.reporterId,
    reason: row.reason,
    note: row.note ?? null,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The only code that touches the reports collection. */
@Injectable()
export class ReportRepository {
  constructor(@InjectModel(ReportRecord.name) private readonly reports: Model<ReportRecord>) {}

  /** Throws the driver's duplicate-key error when this user already reported this item. */
  async insert(report: NewReport, at: Date): Promise<Report> {
    const _id = reportId(report.targetType, report.targetId, report.reporterId);
    // AlreadyStored: this reporter reported this item already (the id is theirs and the item's).
    const [row] = await uniqueWrite(
      this.reports.insertMany([{ ...report, _id, status: 'open', createdAt: at }]),
    );
    return toReport(row.toObject() as ReportRow);
  }

  countSince(reporterId: string, since: Date): Promise<number> {
    return this.reports.countDocuments({ reporterId, createdAt: { $gte: since } }).exec();
  }

  async hasReported(targetType: ReviewTargetType, targetId: string, reporterId: string): Promise<boolean> {
    return !!(await this.reports.exists({ _id: reportId(targetType, targetId, reporterId) }).exec());
  }

  /** Settles every open report on an item at once (dismissed, or actioned by a moderator's change). */
  async settle(targetType: ReviewTargetType, targetId: string, status: ReportStatus): Promise<number> {
    const result = await this.reports
      .updateMany({ targetType, targetId, status: 'open' }, { $set: { status } })
      .exec();
    return result.modifiedCount;
  }

  /** Account deletion: the reports a user filed (their reasons and notes) go with the account. */
  async deleteByReporter(reporterId: string): Promise<void> {
    await this.reports.deleteMany({ reporterId }).exec();
  }

  async listByReporter(reporterId: string): Promise<Report[]> {
    const rows = await this.reports.find({ reporterId }).sort({ createdAt: 1 }).lean<ReportRow[]>().exec();
    return rows.map(toReport);
  }

  /**
   * Redaction: a reporter may have quoted the value in a note (on this item or another). Read-modify-write,
   * since update pipelines are not in the portable subset.
   */
  async replaceInNotes(value: string, label: string): Promise<number> {
    if (!value) return 0;
    const rows = await this.reports
      .find({ note: { $regex: escapeRegExp(value) } })
      .lean<ReportRow[]>()
      .exec();
    for (const row of rows) {
      const note = (row.note ?? '').split(value).join(label);
      await this.reports.updateOne({ _id: row._id }, { $set: { note } }).exec();
    }
    return rows.length;
  }
}
