import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PostLikeRecord } from './post-like.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

@Injectable()
export class PostLikeRepository {
  constructor(@InjectModel(PostLikeRecord.name) private readonly likes: Model<PostLikeRecord>) {}

  /** True when this call created the like (false: it existed already). */
  async add(postId: string, userId: string): Promise<boolean> {
    try {
      await this.likes.create({ postId, userId });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** True when this call removed the like. */
  async remove(postId: string, userId: string): Promise<boolean> {
    const result = await this.likes.deleteOne({ postId, userId }).exec();
    return result.deletedCount === 1;
  }

  async likedBy(userId: string, postIds: string[]): Promise<Set<string>> {
    if (postIds.length === 0) return new Set();
    const rows = await this.likes
      .find({ userId, postId: { $in: postIds } }, { postId: 1 })
      .lean<PostLikeRecord[]>()
      .exec();
    return new Set(rows.map((row) => row.postId));
  }

  async deleteAllBy(userId: string): Promise<string[]> {
    const rows = await this.likes.find({ userId }, { postId: 1 }).lean<PostLikeRecord[]>().exec();
    await this.likes.deleteMany({ userId }).exec();
    return rows.map((row) => row.postId);
  }
}
