import type { ExternalImages } from '../infra/rendering/external-images';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PiiPolicy } from '../publishing/publish-decision';
import type { ForumVisibility } from './forum';

@Schema({ collection: 'forums', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class ForumRecord {
  // Slugs are lower-case by validation, so a plain unique index is case-insensitive uniqueness (no collations).
  @Prop({ required: true, unique: true }) slug!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) productName!: string;
  @Prop({ default: '' }) description!: string;
  @Prop({ default: 0 }) position!: number;
  @Prop({ type: String, default: 'public' }) visibility!: ForumVisibility;
  @Prop({ type: String, default: 'warn' }) piiPolicy!: PiiPolicy;
  @Prop({ default: 'US' }) phoneRegion!: string;
  @Prop({ type: String, default: 'proxy' }) externalImages!: ExternalImages;
  @Prop({ type: [String], default: [] }) moderatorIds!: string[];
  // Counters are only ever changed with $inc, never read-modify-write.
  @Prop({ default: 0 }) topicCount!: number;
  @Prop({ default: 0 }) postCount!: number;
  // The last posts counted into the counts (bounded): follow-up work run twice counts a post once.
  @Prop({ type: [String], default: [] }) countedPostIds!: string[];
  @Prop({ type: Date, default: null }) lastActivityAt!: Date | null;
  @Prop({ default: false }) archived!: boolean;
  createdAt!: Date;
}

export const ForumSchema = SchemaFactory.createForClass(ForumRecord);
ForumSchema.index({ archived: 1, position: 1 });
