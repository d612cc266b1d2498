import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A user's read position in a topic: the highest sequence number they have seen. `_id` is `<userId>:<topicId>`
 * (readMarkId), so a mark is read and moved by `_id`: the one lookup FerretDB 1.24 serves from an index, and the
 * one its write locks keep per document. Marks written before that have an ObjectId `_id` and still work.
 */
@Schema({ collection: 'topic_reads', versionKey: false })
export class TopicReadRecord {
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true }) userId!: string;
  @Prop({ required: true }) topicId!: string;
  @Prop({ required: true }) forumId!: string;
  @Prop({ required: true }) lastReadSeq!: number;
}

export const TopicReadSchema = SchemaFactory.createForClass(TopicReadRecord);
TopicReadSchema.index({ userId: 1, topicId: 1 }, { unique: true });
