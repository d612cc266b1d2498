import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** How many moderation actions name a user as subject: the queue's "author history" (`_id` is the user id). */
@Schema({ collection: 'moderation_history', versionKey: false })
export class ModerationHistoryRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Number, default: 0 }) actions!: number;
}
export const ModerationHistorySchema = SchemaFactory.createForClass(ModerationHistoryRecord);
