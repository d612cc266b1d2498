import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ReportReason, ReportStatus } from './report';
import type { ReviewTargetType } from './review-item';

@Schema({ collection: 'reports', versionKey: false })
export class ReportRecord {
  // `<targetType>:<targetId>:<reporterId>`: once per user per item by primary key, read by `_id` alone.
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) targetType!: ReviewTargetType;
  @Prop({ required: true }) targetId!: string;
  @Prop({ required: true }) forumId!: string;
  @Prop({ required: true }) reporterId!: string;
  @Prop({ type: String, required: true }) reason!: ReportReason;
  @Prop({ type: String, default: null }) note!: string | null;
  @Prop({ type: String, required: true }) status!: ReportStatus;
  @Prop({ required: true }) createdAt!: Date;
}

export const ReportSchema = SchemaFactory.createForClass(ReportRecord);
// Once per user per item: a repeated report is a duplicate key, answered 409.
ReportSchema.index({ targetType: 1, targetId: 1, reporterId: 1 }, { unique: true });
// The reporter's recent reports, for the per-user throttle and their export.
ReportSchema.index({ reporterId: 1, createdAt: -1 });
