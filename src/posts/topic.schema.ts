import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { TopicStatus } from './topic';

@Schema({ collection: 'topics', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class TopicRecord {
  @Prop({ required: true }) forumId!: string;
  @Prop({ required: true }) title!: string;
  @Prop({ type: String, default: null }) authorId!: string | null;
  @Prop({ required: true }) authorName!: string;
  @Prop({ type: [String], default: [] }) tags!: string[];
  @Prop({ default: false }) pinned!: boolean;
  @Prop({ default: false }) locked!: boolean;
  @Prop({ type: String, required: true }) status!: TopicStatus;
  @Prop({ default: 0 }) replyCount!: number;
  // The sequence counter: only ever moved with $inc in a single-document update.
  @Prop({ default: 0 }) lastSeq!: number;
  @Prop({ default: 0 }) lastVisibleSeq!: number;
  // The last replies counted into replyCount (bounded): follow-up work run twice counts a reply once.
  @Prop({ type: [Number], default: [] }) countedSeqs!: number[];
  @Prop({ required: true }) lastActivityAt!: Date;
  @Prop({ type: String, default: null }) firstPostId!: string | null;
  /** The reply marked as the answer (by the topic's author or a moderator); null: not solved. */
  @Prop({ type: String, default: null }) solvedPostId!: string | null;
  @Prop({ type: Number, default: null }) solvedSeq!: number | null;
  // Same idempotency key as the first post's, so a retried create-topic finds the topic it already made.
  @Prop({ required: true }) clientKey!: string;
  createdAt!: Date;
}

export const TopicSchema = SchemaFactory.createForClass(TopicRecord);
TopicSchema.index({ forumId: 1, pinned: 1, lastActivityAt: -1, _id: -1 });
TopicSchema.index({ clientKey: 1 }, { unique: true });
