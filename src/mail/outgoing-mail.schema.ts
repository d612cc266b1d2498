import { Prop, raw, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import type { MailCategory, MailState } from './outgoing-mail';

@Schema({ collection: 'outgoing_mail', versionKey: false })
export class OutgoingMailRecord {
  @Prop({ type: String, required: true }) to!: string;
  @Prop({ type: String, default: null }) userId!: string | null;
  @Prop({ type: String, required: true }) template!: string;
  @Prop({ type: String, required: true }) category!: MailCategory;
  @Prop({ type: Object, default: {} }) data!: Record<string, unknown>;
  @Prop({ type: String, required: true }) state!: MailState;
  @Prop({ type: Number, default: 0 }) attempts!: number;
  @Prop({ type: String, default: null }) lastError!: string | null;
  /** Mail that gathers several events (replies in one topic) until it goes: one pending mail per key. */
  @Prop({ type: String, default: null }) coalesceKey!: string | null;
  /** The events a gathering mail already holds (each added once however often it is delivered). */
  @Prop({ type: [String], default: undefined }) onceKeys?: string[];
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, default: null }) sentAt!: Date | null;
  /** The outbox's pending work (src/infra/outbox/follow-up-worker.ts): the send step, its due time and tries. */
  @Prop(raw({ type: Object })) followUp?: FollowUpState;
}

export const OutgoingMailSchema = SchemaFactory.createForClass(OutgoingMailRecord);
OutgoingMailSchema.index({ 'followUp.due': 1 });
OutgoingMailSchema.index({ coalesceKey: 1, state: 1 });
OutgoingMailSchema.index({ userId: 1 });
