import { Prop, Schema, SchemaFactory, raw } from '@nestjs/mongoose';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import type { PendingEdit, PostStatus } from './post';

@Schema({ collection: 'posts', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class PostRecord {
  @Prop({ required: true }) topicId!: string;
  @Prop({ required: true }) forumId!: string;
  @Prop({ required: true }) seq!: number;
  @Prop({ type: String, default: null }) authorId!: string | null;
  @Prop({ required: true }) authorName!: string;
  @Prop({ required: true }) source!: string;
  @Prop({ required: true }) html!: string;
  // Lower-cased, normalised title + text, and its words stemmed (search-text.ts): no $text in the portable subset.
  @Prop({ required: true }) searchText!: string;
  @Prop({ type: [String], default: [] }) searchTerms!: string[];
  @Prop({ type: Number, default: null }) replyTo!: number | null;
  @Prop({ type: [String], default: [] }) quotedPostIds!: string[];
  @Prop({ type: [String], default: [] }) mentionedUserIds!: string[];
  @Prop({ default: 0 }) likeCount!: number;
  @Prop({ type: String, required: true }) status!: PostStatus;
  @Prop(raw({ type: Object, default: null })) findings!: FindingsSummary | null;
  // `<authorId>:<clientId>`, or a random value when no clientId was sent; unique, so a retry never double-posts.
  @Prop({ required: true }) clientKey!: string;
  @Prop({ default: 0 }) revisionCount!: number;
  @Prop({ type: Date, default: null }) editedAt!: Date | null;
  @Prop({ type: Date, default: null }) deletedAt!: Date | null;
  @Prop(raw({ type: Object, default: null })) pendingEdit!: PendingEdit | null;
  // The topic room's event number for this post's announcement, taken with the post (RoomSequence).
  @Prop({ type: Number, default: null }) eventSeq!: number | null;
  // Work still to do after the author's answer (counters, read mark, references, announcements): the outbox.
  @Prop(raw({ type: Object })) followUp?: FollowUpState;
  createdAt!: Date;
}

export const PostSchema = SchemaFactory.createForClass(PostRecord);
PostSchema.index({ topicId: 1, seq: 1 }, { unique: true });
PostSchema.index({ clientKey: 1 }, { unique: true });
PostSchema.index({ forumId: 1, _id: -1 });
// Word search, newest first (a multikey index: one key per term).
PostSchema.index({ searchTerms: 1, _id: -1 });
// An author's posts, newest first (profiles, export, erasure).
PostSchema.index({ authorId: 1, _id: -1 });
PostSchema.index({ 'followUp.due': 1 });
PostSchema.index({ topicId: 1, eventSeq: 1 });
