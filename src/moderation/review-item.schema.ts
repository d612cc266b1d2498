import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ReviewStatus, ReviewTargetType } from './review-item';

@Schema({ collection: 'review_items', versionKey: false })
export class ReviewItemRecord {
  // `<targetType>:<targetId>`: one entry per item, found by primary key.
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) targetType!: ReviewTargetType;
  @Prop({ required: true }) targetId!: string;
  @Prop({ required: true }) forumId!: string;
  @Prop({ type: String, default: null }) authorId!: string | null;
  @Prop({ type: [String], default: [] }) reasons!: string[];
  @Prop({ required: true }) priority!: number;
  @Prop({ type: String, required: true }) status!: ReviewStatus;
  @Prop({ default: 0 }) reportCount!: number;
  @Prop({ required: true }) queuedAt!: Date;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) updatedAt!: Date;
  @Prop({ type: String, default: null }) resolution!: string | null;
}

export const ReviewItemSchema = SchemaFactory.createForClass(ReviewItemRecord);
// One entry per item, whatever happens to it: reports and holds are merged into it.
ReviewItemSchema.index({ targetType: 1, targetId: 1 }, { unique: true });
// The queue as admins and global moderators read it: equality on status, then the sort order, so the
// first page is an index walk of `limit` entries however long the queue is.
ReviewItemSchema.index({ status: 1, priority: 1, queuedAt: 1, _id: 1 });
// The same for forum moderators (forumId equality, or $in merged per forum by MongoDB).
ReviewItemSchema.index({ status: 1, forumId: 1, priority: 1, queuedAt: 1, _id: 1 });
