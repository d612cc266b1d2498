import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Every event sent to a room, kept so that a client that reconnects gets exactly what it missed. */
@Schema({ collection: 'room_events', versionKey: false })
export class RoomEventRecord {
  @Prop({ required: true }) room!: string;
  @Prop({ required: true }) eventSeq!: number;
  @Prop({ required: true }) event!: string;
  @Prop({ type: Object, required: true }) payload!: Record<string, unknown>;
  // The post, message or topic the event is about. The payload keeps a reference in its place, never its text
  // (room-event-content.ts): replay renders it as it is now, for the viewer who asks.
  @Prop({ type: String, default: null, index: true }) contentId!: string | null;
  @Prop({ required: true }) at!: Date;
}

export const RoomEventSchema = SchemaFactory.createForClass(RoomEventRecord);
RoomEventSchema.index({ room: 1, eventSeq: 1 }, { unique: true });
