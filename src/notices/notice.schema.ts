import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { NoticeKind } from './notice';

/** One version of a notice. Versions are never updated or deleted: the history is what users acknowledged. */
@Schema({ collection: 'notices', versionKey: false })
export class NoticeRecord {
  @Prop({ required: true, type: String }) kind!: NoticeKind;
  @Prop({ required: true }) version!: number;
  @Prop({ required: true }) text!: string;
  @Prop({ required: true }) publishedAt!: Date;
  @Prop({ type: String, default: null }) publishedBy!: string | null;
}

export const NoticeSchema = SchemaFactory.createForClass(NoticeRecord);
// Two admins publishing at once cannot both create version N: the second insert fails and is answered 409.
NoticeSchema.index({ kind: 1, version: 1 }, { unique: true });
