import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PiiPolicy } from '../publishing/publish-decision';

@Schema({ collection: 'boards', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class BoardRecord {
  // Slugs are lower-case by validation, so a plain unique index is case-insensitive uniqueness (no collations).
  @Prop({ required: true, unique: true }) slug!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ default: '' }) description!: string;
  @Prop({ required: true, index: true }) forumId!: string;
  @Prop({ type: String, default: null }) piiPolicy!: PiiPolicy | null;
  @Prop({ default: 0 }) slowModeSeconds!: number;
  // Only ever moved with $inc, so two concurrent messages never share a number.
  @Prop({ default: 0 }) lastSeq!: number;
  @Prop({ default: false }) archived!: boolean;
  createdAt!: Date;
}

export const BoardSchema = SchemaFactory.createForClass(BoardRecord);
