import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { WatchLevel, WatchScope } from './watch';

/** One user's level for one topic or forum; `_id` is `<userId>:<scope>:<targetId>`, so each is set in place. */
@Schema({ collection: 'watches', versionKey: false })
export class WatchRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) userId!: string;
  @Prop({ type: String, required: true }) scope!: WatchScope;
  @Prop({ type: String, required: true }) targetId!: string;
  @Prop({ type: String, required: true }) level!: WatchLevel;
  /** False for the default set by posting: a user's own choice is never overwritten by it. */
  @Prop({ type: Boolean, default: true }) chosen!: boolean;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const WatchSchema = SchemaFactory.createForClass(WatchRecord);
// Who watches (or muted) this topic or forum.
WatchSchema.index({ scope: 1, targetId: 1, level: 1 });
WatchSchema.index({ userId: 1 });
