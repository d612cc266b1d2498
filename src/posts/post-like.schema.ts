import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One document per (post, user): the unique index is what makes "one like per user" hold under races. */
@Schema({ collection: 'post_likes', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class PostLikeRecord {
  @Prop({ required: true }) postId!: string;
  @Prop({ required: true }) userId!: string;
}

export const PostLikeSchema = SchemaFactory.createForClass(PostLikeRecord);
PostLikeSchema.index({ postId: 1, userId: 1 }, { unique: true });
PostLikeSchema.index({ userId: 1 });
