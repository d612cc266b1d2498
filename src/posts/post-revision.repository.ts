import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { renderPostHtml } from '../infra/rendering/render-post';
import type { PendingEdit, PostRevision } from './post';
import { eraseName } from './post-references';
import { PostRevisionRecord } from './post-revision.schema';
import { PostRecord } from './post.schema';
import { escapeRegExp, searchTextOf } from './search-text';

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
  constructor(
    @InjectModel(PostRevisionRecord.name) private readonly revisions: Model<PostRevisionRecord>,
    @InjectModel(PostRecord.name) private readonly posts: Model<PostRecord>,
  ) {}

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
    await this.replaceInPendingEdit(postId, search, replacement);
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

  /** An edit parked for review is another stored copy of the text: redaction rewrites it as well. */
  private async replaceInPendingEdit(postId: string, search: string, replacement: string): Promise<void> {
    const row = await this.posts
      .findById(postId, { pendingEdit: 1 })
      .lean<{ pendingEdit?: PendingEdit | null }>()
      .exec();
    const pending = row?.pendingEdit;
    if (!pending || (!pending.source.includes(search) && !pending.title?.includes(search))) return;
    const source = pending.source.split(search).join(replacement);
    const title = pending.title?.split(search).join(replacement) ?? null;
    const pendingEdit = {
      ...pending,
      source,
      title,
      html: renderPostHtml(source),
      searchText: searchTextOf(source, title),
    };
    await this.posts.updateOne({ _id: postId }, { $set: { pendingEdit } }).exec();
  }

  /** Account deletion with its posts: their earlier versions go as well. */
  async deleteAllOf(postIds: string[]): Promise<void> {
    if (postIds.length === 0) return;
    await this.revisions.deleteMany({ postId: { $in: postIds } }).exec();
  }

  /** Account deletion: earlier versions of other people's posts name the account no more (eraseName). */
  async eraseName(username: string): Promise<number> {
    const rows = await this.revisions
      .find({ previousSource: { $regex: escapeRegExp(`@${username}`), $options: 'i' } })
      .lean<RevisionRow[]>()
      .exec();
    let changed = 0;
    for (const row of rows) {
      const previousSource = eraseName(row.previousSource, username);
      if (previousSource === row.previousSource) continue;
      await this.revisions.updateOne({ _id: row._id }, { $set: { previousSource } }).exec();
      changed += 1;
    }
    return changed;
  }
}
