import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One unsent text per user and place: `_id` is `<userId>:<kind>:<ref>`, so saving again replaces it. */
@Schema({ collection: 'drafts', versionKey: false })
export class DraftRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) userId!: string;
  @Prop({ type: String, required: true }) kind!: string;
  @Prop({ required: true }) ref!: string;
  @Prop({ type: String, default: '' }) body!: string;
  @Prop({ type: String, default: '' }) title!: string;
  @Prop({ type: Number, default: null }) replyTo!: number | null;
  @Prop({ required: true }) updatedAt!: Date;
}

export const DraftSchema = SchemaFactory.createForClass(DraftRecord);
// A user's drafts (the cap on their number, the data export, erasure with the account).
DraftSchema.index({ userId: 1, updatedAt: -1 });
