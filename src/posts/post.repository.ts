import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type FilterQuery, type Model } from 'mongoose';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { NewPost, PendingEdit, Post, PostContentChange, PostStatus } from './post';
import { IdDirectory } from '../infra/database/id-directory';
import { PostPageCache } from './post-page-cache';
import { PostRecord } from './post.schema';

type PostRow = PostRecord & { _id: { toString(): string } };

const seqKey = (post: Pick<Post, 'topicId' | 'seq'>) => `${post.topicId}:${post.seq}`;

export function toPost(row: PostRow): Post {
  return {
    id: row._id.toString(),
    topicId: row.topicId,
    forumId: row.forumId,
    seq: row.seq,
    authorId: row.authorId ?? null,
    authorName: row.authorName,
    source: row.source,
    html: row.html,
    replyTo: row.replyTo ?? null,
    quotedPostIds: row.quotedPostIds ?? [],
    mentionedUserIds: row.mentionedUserIds ?? [],
    likeCount: row.likeCount ?? 0,
    status: row.status,
    findings: row.findings ?? null,
    revisionCount: row.revisionCount ?? 0,
    createdAt: (row.createdAt ?? new Date(0)).toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    pendingEdit: row.pendingEdit ?? null,
  };
}

/**
 * Posts of topics. Moderation uses findById, updateContent, setStatus; redaction also PostRevisionRepository.
 * Every write ends the cached pages of its topic (PostPageCache): a new write method must do so too.
 */
@Injectable()
export class PostRepository {
  /** Post ids by `<topicId>:<seq>` (see IdDirectory): quotes and replies name posts by number. */
  private readonly seqIds = new IdDirectory();

  constructor(
    @InjectModel(PostRecord.name) private readonly posts: Model<PostRecord>,
    private readonly pages: PostPageCache,
  ) {}

  async findById(id: string): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.posts.findById(id).lean<PostRow>().exec();
    return row ? toPost(row) : null;
  }

  async findByClientKey(clientKey: string): Promise<Post | null> {
    const row = await this.posts.findOne({ clientKey }).lean<PostRow>().exec();
    return row ? toPost(row) : null;
  }

  /** The post numbered `seq` in the topic: by _id when its number was seen before (see IdDirectory). */
  async findBySeq(topicId: string, seq: number): Promise<Post | null> {
    return (await this.findBySeqs(topicId, [seq]))[0] ?? null;
  }

  async findBySeqs(topicId: string, seqs: number[]): Promise<Post[]> {
    if (seqs.length === 0) return [];
    return this.seqIds.find<Post>(
      [...new Set(seqs)].map((seq) => `${topicId}:${seq}`),
      seqKey,
      (id) => this.findById(id),
      async (missing) => {
        const rows = await this.posts
          .find({ topicId, seq: { $in: missing.map((key) => Number(key.slice(topicId.length + 1))) } })
          .lean<PostRow[]>()
          .exec();
        return rows.map(toPost);
      },
    );
  }

  async highestSeq(topicId: string): Promise<number> {
    const row = await this.posts.findOne({ topicId }).sort({ seq: -1 }).lean<PostRow>().exec();
    return row?.seq ?? 0;
  }

  /** Throws the driver's duplicate-key error on a repeated clientKey; callers turn it into "the same post". */
  async insert(post: NewPost): Promise<Post> {
    const created = await this.posts.create(post);
    this.pages.forget(post.topicId);
    return this.seen([toPost(created.toObject() as PostRow)])[0];
  }

  /** A page of a topic by sequence number: `after` ascending, or `before` descending (returned ascending). */
  page(topicId: string, cursor: { after?: number; before?: number }, limit: number): Promise<Post[]> {
    const key = `${cursor.after ?? ''}|${cursor.before ?? ''}|${limit}`;
    return this.pages.read(topicId, key, () => this.readPage(topicId, cursor, limit));
  }

  private async readPage(topicId: string, cursor: { after?: number; before?: number }, limit: number) {
    if (cursor.before !== undefined) {
      const rows = await this.posts
        .find({ topicId, seq: { $lt: cursor.before } })
        .sort({ seq: -1 })
        .limit(limit)
        .lean<PostRow[]>()
        .exec();
      return this.seen(rows.map(toPost)).reverse();
    }
    const rows = await this.posts
      .find({ topicId, seq: { $gt: cursor.after ?? 0 } })
      .sort({ seq: 1 })
      .limit(limit)
      .lean<PostRow[]>()
      .exec();
    return this.seen(rows.map(toPost));
  }

  /** Remembers where these posts are, for findBySeq(s). */
  private seen(posts: Post[]): Post[] {
    for (const post of posts) this.seqIds.remember(seqKey(post), post.id);
    return posts;
  }

  /** Rewrites the text after an edit or a redaction (html already rendered and sanitized by the caller). */
  async updateContent(id: string, change: PostContentChange, edited: boolean): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const update: Record<string, unknown> = {
      $set: { ...change, ...(edited ? { editedAt: new Date() } : {}) },
    };
    if (edited) update.$inc = { revisionCount: 1 };
    const row = await this.posts.findByIdAndUpdate(id, update, { new: true }).lean<PostRow>().exec();
    return this.changed(row);
  }

  /** Stores (or, with null, drops) an edit waiting for a moderator; the published text is untouched. */
  async setPendingEdit(id: string, pendingEdit: PendingEdit | null): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.posts
      .findByIdAndUpdate(id, { $set: { pendingEdit } }, { new: true })
      .lean<PostRow>()
      .exec();
    return this.changed(row);
  }

  /** For redaction: new text and the findings summary without re-running the write path. */
  async updateText(
    id: string,
    text: { source: string; html: string; searchText: string; findings?: FindingsSummary | null },
  ): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.posts.findByIdAndUpdate(id, { $set: text }, { new: true }).lean<PostRow>().exec();
    return this.changed(row);
  }

  /** `from` limits the change to posts still in one of these statuses (so two moderators cannot race). */
  async setStatus(id: string, status: PostStatus, from?: PostStatus[]): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const filter: FilterQuery<PostRecord> = { _id: id };
    if (from) filter.status = { $in: from };
    const set: Record<string, unknown> = { status };
    if (status === 'deleted') set.deletedAt = new Date();
    const row = await this.posts
      .findOneAndUpdate(filter, { $set: set }, { new: true })
      .lean<PostRow>()
      .exec();
    return this.changed(row);
  }

  async addLikes(id: string, delta: number): Promise<number> {
    const row = await this.posts
      .findByIdAndUpdate(id, { $inc: { likeCount: delta } }, { new: true })
      .lean<PostRow>()
      .exec();
    return this.changed(row)?.likeCount ?? 0;
  }

  /** Newest first, by _id cursor; the regex is built from escaped terms by the search service only. */
  async search(filter: { pattern: string; forumIds: string[]; beforeId?: string }, limit: number) {
    const query: FilterQuery<PostRecord> = {
      searchText: { $regex: filter.pattern },
      status: 'visible',
      forumId: { $in: filter.forumIds },
    };
    if (filter.beforeId) query._id = { $lt: filter.beforeId };
    const rows = await this.posts.find(query).sort({ _id: -1 }).limit(limit).lean<PostRow[]>().exec();
    return rows.map(toPost);
  }

  async listByAuthor(authorId: string): Promise<Post[]> {
    const rows = await this.posts.find({ authorId }).sort({ _id: 1 }).lean<PostRow[]>().exec();
    return rows.map(toPost);
  }

  /** Account deletion: the posts stay, attributed to nobody. */
  async anonymiseAuthor(authorId: string, placeholderName: string): Promise<number> {
    const result = await this.posts
      .updateMany(
        { authorId },
        { $set: { authorId: null, authorName: placeholderName, mentionedUserIds: [] } },
      )
      .exec();
    this.pages.forget();
    return result.modifiedCount;
  }

  async deleteAllByAuthor(authorId: string): Promise<string[]> {
    const rows = await this.posts.find({ authorId }, { _id: 1 }).lean<PostRow[]>().exec();
    await this.posts.updateMany({ authorId }, { $set: { status: 'deleted', deletedAt: new Date() } }).exec();
    this.pages.forget();
    return rows.map((row) => row._id.toString());
  }

  /** Moderation moved the topic: its posts follow. Returns how many visible posts moved (forum counters). */
  async moveTopicToForum(topicId: string, forumId: string): Promise<number> {
    await this.posts.updateMany({ topicId }, { $set: { forumId } }).exec();
    this.pages.forget(topicId);
    return this.posts.countDocuments({ topicId, status: 'visible' }).exec();
  }

  async setSearchTextOfFirstPost(topicId: string, searchText: string): Promise<void> {
    await this.posts.updateOne({ topicId, seq: 1 }, { $set: { searchText } }).exec();
    this.pages.forget(topicId);
  }

  /** The post a write changed, if any, after ending the cached pages of its topic. */
  private changed(row: PostRow | null): Post | null {
    if (!row) return null;
    this.pages.forget(row.topicId);
    return toPost(row);
  }
}
