import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Revisions live in their own collection (not embedded), so a post document stays small however often it is
 * edited. Redaction must rewrite every revision of a post: PostRevisionRepository.replaceInAll does that.
 */
@Schema({ collection: 'post_revisions', versionKey: false })
export class PostRevisionRecord {
  @Prop({ required: true }) postId!: string;
  @Prop({ required: true }) rev!: number;
  @Prop({ type: String, default: null }) editorId!: string | null;
  @Prop({ required: true }) editedAt!: Date;
  @Prop({ type: String, default: null }) reason!: string | null;
  @Prop({ required: true }) previousSource!: string;
  @Prop({ type: String, default: null }) previousTitle!: string | null;
}

export const PostRevisionSchema = SchemaFactory.createForClass(PostRevisionRecord);
PostRevisionSchema.index({ postId: 1, rev: 1 }, { unique: true });
