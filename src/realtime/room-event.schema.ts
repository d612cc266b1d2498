import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Every event sent to a room, kept so that a client that reconnects gets exactly what it missed. */
@Schema({ collection: 'room_events', versionKey: false })
export class RoomEventRecord {
  @Prop({ required: true }) room!: string;
  @Prop({ required: true }) eventSeq!: number;
  @Prop({ required: true }) event!: string;
  @Prop({ type: Object, required: true }) payload!: Record<string, unknown>;
  // The post or message the event shows and its author: redaction, removal and account deletion rewrite
  // stored payloads through these, so the replay log never keeps text that was taken down.
  @Prop({ type: String, default: null, index: true }) contentId!: string | null;
  @Prop({ type: String, default: null, index: true }) authorId!: string | null;
  @Prop({ required: true }) at!: Date;
}

export const RoomEventSchema = SchemaFactory.createForClass(RoomEventRecord);
RoomEventSchema.index({ room: 1, eventSeq: 1 }, { unique: true });
