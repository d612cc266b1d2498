import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A user's read position in a topic: the highest sequence number they have seen. */
@Schema({ collection: 'topic_reads', versionKey: false })
export class TopicReadRecord {
  @Prop({ required: true }) userId!: string;
  @Prop({ required: true }) topicId!: string;
  @Prop({ required: true }) forumId!: string;
  @Prop({ required: true }) lastReadSeq!: number;
}

export const TopicReadSchema = SchemaFactory.createForClass(TopicReadRecord);
// One mark per reader and topic; advance() and positions() are lookups on it.
TopicReadSchema.index({ userId: 1, topicId: 1 }, { unique: true });
