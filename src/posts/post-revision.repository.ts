import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PostRevision } from './post';
import { PostRevisionRecord } from './post-revision.schema';

type RevisionRow = PostRevisionRecord & { _id: { toString(): string } };

function toRevision(row: RevisionRow): PostRevision {
  return {
    id: row._id.toString(),
    postId: row.postId,
    rev: row.rev,
    editorId: row.editorId ?? null,
    editedAt: row.editedAt.toISOString(),
    reason: row.reason ?? null,
    previousSource: row.previousSource,
    previousTitle: row.previousTitle ?? null,
  };
}

@Injectable()
export class PostRevisionRepository {
  constructor(@InjectModel(PostRevisionRecord.name) private readonly revisions: Model<PostRevisionRecord>) {}

  /** `rev` comes from the post's revisionCount; the unique (postId, rev) index stops two edits claiming one slot. */
  async insert(revision: Omit<PostRevision, 'id' | 'editedAt'>): Promise<void> {
    await this.revisions.create({ ...revision, editedAt: new Date() });
  }

  async listForPost(postId: string): Promise<PostRevision[]> {
    const rows = await this.revisions.find({ postId }).sort({ rev: 1 }).lean<RevisionRow[]>().exec();
    return rows.map(toRevision);
  }

  async listForPosts(postIds: string[]): Promise<PostRevision[]> {
    const rows = await this.revisions
      .find({ postId: { $in: postIds } })
      .sort({ postId: 1, rev: 1 })
      .lean<RevisionRow[]>()
      .exec();
    return rows.map(toRevision);
  }

  /**
   * Redaction: replaces every occurrence of `search` in every revision of the post (source and title).
   * Read-modify-write per revision because update pipelines ($replaceAll) are not in the portable subset;
   * returns how many revisions changed.
   */
  async replaceInAll(postId: string, search: string, replacement: string): Promise<number> {
    if (!search) return 0;
    const rows = await this.revisions.find({ postId }).lean<RevisionRow[]>().exec();
    let changed = 0;
    for (const row of rows) {
      const previousSource = row.previousSource.split(search).join(replacement);
      const previousTitle = row.previousTitle?.split(search).join(replacement) ?? null;
      if (previousSource === row.previousSource && previousTitle === (row.previousTitle ?? null)) continue;
      await this.revisions.updateOne({ _id: row._id }, { $set: { previousSource, previousTitle } }).exec();
      changed += 1;
    }
    return changed;
  }
}
