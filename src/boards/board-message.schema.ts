import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { BoardMessageStatus } from './board-message';

@Schema({ _id: false, versionKey: false })
export class MessageRevisionRecord {
  @Prop({ required: true }) source!: string;
  @Prop({ required: true }) html!: string;
  @Prop({ required: true }) editedAt!: Date;
}

@Schema({
  collection: 'board_messages',
  versionKey: false,
  timestamps: { createdAt: true, updatedAt: false },
})
export class BoardMessageRecord {
  @Prop({ required: true }) boardId!: string;
  @Prop({ required: true }) forumId!: string;
  @Prop({ required: true }) seq!: number;
  @Prop({ type: String, default: null, index: true }) authorId!: string | null;
  @Prop({ required: true }) authorName!: string;
  @Prop({ required: true }) source!: string;
  @Prop({ required: true }) html!: string;
  @Prop({ type: Number, default: null }) replyTo!: number | null;
  @Prop({ default: 0 }) replyCount!: number;
  @Prop({ default: 0 }) likeCount!: number;
  // Likes live on the message: one conditional update adds the user and moves the counter together.
  @Prop({ type: [String], default: [] }) likedBy!: string[];
  @Prop({ type: String, required: true }) status!: BoardMessageStatus;
  @Prop({ type: Object, default: null }) findings!: FindingsSummary | null;
  @Prop({ type: [MessageRevisionRecord], default: [] }) revisions!: MessageRevisionRecord[];
  @Prop({ type: Date, default: null }) editedAt!: Date | null;
  // `<userId>:<clientId>`: a retried send finds the first message instead of posting twice.
  @Prop({ required: true, unique: true }) clientKey!: string;
  // The board room's event number for this message's announcement, taken with the message (RoomSequence).
  @Prop({ type: Number, default: null }) eventSeq!: number | null;
  // Work still to do after the author's answer (reply count, announcements): the outbox.
  @Prop({ type: Object }) followUp?: FollowUpState;
  createdAt!: Date;
}

export const BoardMessageSchema = SchemaFactory.createForClass(BoardMessageRecord);
BoardMessageSchema.index({ boardId: 1, seq: 1 }, { unique: true });
BoardMessageSchema.index({ 'followUp.due': 1 });
BoardMessageSchema.index({ boardId: 1, eventSeq: 1 });
BoardMessageSchema.index({ boardId: 1, replyTo: 1 });
