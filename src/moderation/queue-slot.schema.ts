import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The queue's order as point-addressable documents: slot `<scope>|<priority>|<n>` holds the n-th entry queued
 * in that lane (scope `all`, or a forum id). Reading the first page is a run of `_id` lookups from the lane's
 * low-water mark, which every engine answers from its primary key: FerretDB 1.24 on SQLite pushes nothing
 * else down to an index (no sort pushdown, and its field filters scan every row), see docs/moderation.md.
 */
@Schema({ collection: 'review_slots', versionKey: false })
export class ReviewSlotRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) itemId!: string;
}
export const ReviewSlotSchema = SchemaFactory.createForClass(ReviewSlotRecord);

/** Per lane (`<scope>|<priority>`): the next number to give out, and below which every slot is gone. */
@Schema({ collection: 'review_lanes', versionKey: false })
export class ReviewLaneRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Number, default: 0 }) next!: number;
  @Prop({ type: Number, default: 0 }) low!: number;
}
export const ReviewLaneSchema = SchemaFactory.createForClass(ReviewLaneRecord);

/** How many moderation actions name a user as subject: the queue's "author history", read by `_id`. */
@Schema({ collection: 'moderation_history', versionKey: false })
export class ModerationHistoryRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Number, default: 0 }) actions!: number;
}
export const ModerationHistorySchema = SchemaFactory.createForClass(ModerationHistoryRecord);
