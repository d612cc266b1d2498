import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Where a personal-data value stands: one row per (value, post or board message). The value itself is never
 * stored, only its keyed hash (`valueKey`, copy-keys.ts), so the index can answer "where else is this address?"
 * for someone who holds the address, and nothing to anyone who reads the collection.
 */
@Schema({ collection: 'pii_copies', versionKey: false })
export class CopyIndexRecord {
  /** `<valueKey>:<kind>:<contentId>`: indexing a text twice adds nothing. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) valueKey!: string;
  @Prop({ required: true }) kind!: 'post' | 'message';
  @Prop({ required: true, index: true }) contentId!: string;
  @Prop({ required: true }) forumId!: string;
}

export const CopyIndexSchema = SchemaFactory.createForClass(CopyIndexRecord);
