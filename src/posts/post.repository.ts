import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Types, type FilterQuery, type Model } from 'mongoose';
import { renderPostHtml } from '../infra/rendering/render-post';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { NewPost, PendingEdit, Post, PostContentChange, PostStatus } from './post';
import { eraseName } from './post-references';
import { PostRecord } from './post.schema';
import { escapeRegExp, searchFieldsOf, searchTermsOf } from './search-text';
import { uniqueWrite } from '../infra/database/duplicate-key';

type PostRow = PostRecord & { _id: { toString(): string } };

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
    eventSeq: row.eventSeq ?? null,
    pendingEdit: row.pendingEdit ?? null,
  };
}

/** Posts of topics. Moderation uses findById, updateContent, setStatus; redaction also PostRevisionRepository. */
@Injectable()
export class PostRepository {
  constructor(@InjectModel(PostRecord.name) private readonly posts: Model<PostRecord>) {}

  async findById(id: string): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.posts.findById(id).lean<PostRow>().exec();
    return row ? toPost(row) : null;
  }

  async findByIds(ids: string[]): Promise<Post[]> {
    const rows = await this.posts
      .find({ _id: { $in: ids.filter((id) => isValidObjectId(id)) } })
      .lean<PostRow[]>()
      .exec();
    return rows.map(toPost);
  }

  async findByClientKey(clientKey: string): Promise<Post | null> {
    const row = await this.posts.findOne({ clientKey }).lean<PostRow>().exec();
    return row ? toPost(row) : null;
  }

  /** The post numbered `seq` in the topic (the unique {topicId, seq} index). */
  async findBySeq(topicId: string, seq: number): Promise<Post | null> {
    const row = await this.posts.findOne({ topicId, seq }).lean<PostRow>().exec();
    return row ? toPost(row) : null;
  }

  /** A post with follow-up work pending, and that work (the outbox's one read per run). */
  async findWithFollowUp(id: string): Promise<{ item: Post; followUp: FollowUpState } | null> {
    const row = await this.posts.findById(id).lean<PostRow>().exec();
    return row?.followUp ? { item: toPost(row), followUp: row.followUp } : null;
  }

  /** Posts whose announcement in the topic room carries these numbers (a replay asking for pending events). */
  async findByEventSeqs(topicId: string, eventSeqs: number[]): Promise<Post[]> {
    const rows = await this.posts
      .find({ topicId, eventSeq: { $in: eventSeqs } })
      .lean<PostRow[]>()
      .exec();
    return rows.map(toPost);
  }

  /** Sets the announcement's number once; a second caller gets the number the first one stored. */
  async claimEventSeq(id: string, eventSeq: number): Promise<number> {
    const row = await this.posts
      .findOneAndUpdate({ _id: id, eventSeq: null }, { $set: { eventSeq } }, { new: true })
      .lean<PostRow>()
      .exec();
    if (row) return eventSeq;
    const stored = await this.posts.findById(id, { eventSeq: 1 }).lean<PostRow>().exec();
    return stored?.eventSeq ?? eventSeq;
  }

  async findBySeqs(topicId: string, seqs: number[]): Promise<Post[]> {
    if (seqs.length === 0) return [];
    const rows = await this.posts
      .find({ topicId, seq: { $in: [...new Set(seqs)] } })
      .lean<PostRow[]>()
      .exec();
    return rows.map(toPost);
  }

  /**
   * Throws the driver's duplicate-key error: on clientKey the caller turns it into "the same post"; on
   * (topicId, seq) it is a fault, since every number comes from the topic's atomic $inc. On the driver: a
   * reply's insert is the hottest write, and mongoose's document (casting, validation, defaults, toObject)
   * showed in its profile. The schema's defaults are spelt out here instead.
   */
  async insert({ id, ...post }: NewPost): Promise<Post> {
    const row = {
      _id: id ? new Types.ObjectId(id) : new Types.ObjectId(),
      ...withTerms(post),
      eventSeq: post.eventSeq ?? null,
      likeCount: 0,
      revisionCount: 0,
      editedAt: null,
      deletedAt: null,
      pendingEdit: null,
      createdAt: new Date(),
    };
    // AlreadyStored: a clientKey used before (a retried publish).
    await uniqueWrite(this.posts.collection.insertOne(row));
    return toPost(row as unknown as PostRow);
  }

  /** A page of a topic by sequence number: `after` ascending, or `before` descending (returned ascending). */
  async page(topicId: string, cursor: { after?: number; before?: number }, limit: number): Promise<Post[]> {
    if (cursor.before !== undefined) {
      const rows = await this.posts
        .find({ topicId, seq: { $lt: cursor.before } })
        .sort({ seq: -1 })
        .limit(limit)
        .lean<PostRow[]>()
        .exec();
      return rows.map(toPost).reverse();
    }
    const rows = await this.posts
      .find({ topicId, seq: { $gt: cursor.after ?? 0 } })
      .sort({ seq: 1 })
      .limit(limit)
      .lean<PostRow[]>()
      .exec();
    return rows.map(toPost);
  }

  /** Rewrites the text after an edit or a redaction (html already rendered and sanitized by the caller). */
  async updateContent(id: string, change: PostContentChange, edited: boolean): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const update: Record<string, unknown> = {
      $set: { ...withTerms(change), ...(edited ? { editedAt: new Date() } : {}) },
    };
    if (edited) update.$inc = { revisionCount: 1 };
    const row = await this.posts.findByIdAndUpdate(id, update, { new: true }).lean<PostRow>().exec();
    return row ? toPost(row) : null;
  }

  /** Stores (or, with null, drops) an edit waiting for a moderator; the published text is untouched. */
  async setPendingEdit(id: string, pendingEdit: PendingEdit | null): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.posts
      .findByIdAndUpdate(id, { $set: { pendingEdit } }, { new: true })
      .lean<PostRow>()
      .exec();
    return row ? toPost(row) : null;
  }

  /** For redaction: new text and the findings summary without re-running the write path. */
  async updateText(
    id: string,
    text: { source: string; html: string; searchText: string; findings?: FindingsSummary | null },
  ): Promise<Post | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.posts
      .findByIdAndUpdate(id, { $set: withTerms(text) }, { new: true })
      .lean<PostRow>()
      .exec();
    return row ? toPost(row) : null;
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
    return row ? toPost(row) : null;
  }

  async addLikes(id: string, delta: number): Promise<number> {
    const row = await this.posts
      .findByIdAndUpdate(id, { $inc: { likeCount: delta } }, { new: true })
      .lean<PostRow>()
      .exec();
    return row?.likeCount ?? 0;
  }

  /**
   * Posts holding every term, newest first, from the `(searchTerms, _id)` index: the first term bounds the
   * scan, the others and the filters are checked on what it finds.
   */
  async search(filter: PostSearchFilter & { beforeId?: string }, limit: number): Promise<Post[]> {
    const query: FilterQuery<PostRecord> = {
      searchTerms: { $all: filter.terms },
      status: 'visible',
      forumId: { $in: filter.forumIds },
    };
    if (filter.authorId) query.authorId = filter.authorId;
    const id: Record<string, Types.ObjectId> = {};
    if (filter.beforeId) id.$lt = new Types.ObjectId(filter.beforeId);
    if (filter.toDate) id.$lt = minId(id.$lt, Types.ObjectId.createFromTime(filter.toDate.getTime() / 1000));
    if (filter.fromDate) id.$gte = Types.ObjectId.createFromTime(filter.fromDate.getTime() / 1000);
    if (Object.keys(id).length > 0) query._id = id;
    const rows = await this.posts.find(query).sort({ _id: -1 }).limit(limit).lean<PostRow[]>().exec();
    return rows.map(toPost);
  }

  /**
   * Posts stored before word search get their terms, a batch at a time (index-backed: a missing field is a
   * null key of the terms index). Returns how many it indexed; 0 when none was left.
   */
  async indexSearchTerms(batch: number): Promise<number> {
    const rows = await this.posts
      .find({ searchTerms: null }, { searchText: 1 })
      .limit(batch)
      .lean<Array<{ _id: Types.ObjectId; searchText: string }>>()
      .exec();
    if (rows.length === 0) return 0;
    await this.posts.bulkWrite(
      rows.map((row) => ({
        updateOne: {
          filter: { _id: row._id },
          update: { $set: { searchTerms: searchTermsOf(row.searchText ?? '') } },
        },
      })),
    );
    return rows.length;
  }

  /** A profile's recent posts: visible ones in the forums the viewer may read, newest first. */
  async recentVisibleByAuthor(authorId: string, forumIds: string[], limit: number): Promise<Post[]> {
    const rows = await this.posts
      .find({ authorId, status: 'visible', forumId: { $in: forumIds } })
      .sort({ _id: -1 })
      .limit(limit)
      .lean<PostRow[]>()
      .exec();
    return rows.map(toPost);
  }

  countVisibleByAuthor(authorId: string, forumIds: string[]): Promise<number> {
    return this.posts.countDocuments({ authorId, status: 'visible', forumId: { $in: forumIds } }).exec();
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
    return result.modifiedCount;
  }

  /** Moderation moved the topic: its posts follow. Returns how many visible posts moved (forum counters). */
  async moveTopicToForum(topicId: string, forumId: string): Promise<number> {
    await this.posts.updateMany({ topicId }, { $set: { forumId } }).exec();
    return this.posts.countDocuments({ topicId, status: 'visible' }).exec();
  }

  async setSearchTextOfFirstPost(topicId: string, searchText: string): Promise<void> {
    await this.posts.updateOne({ topicId, seq: 1 }, { $set: searchFieldsOf(searchText) }).exec();
  }

  /**
   * Account deletion with its posts: the text is purged, not just out of sight (moderators, exports and the
   * search copy included). Returns the posts as they were, for the live removal events.
   */
  async purgeAllByAuthor(authorId: string): Promise<Post[]> {
    const rows = await this.posts.find({ authorId }).lean<PostRow[]>().exec();
    const purged = { source: '', html: '', ...searchFieldsOf(''), findings: null, pendingEdit: null };
    const none = { mentionedUserIds: [], quotedPostIds: [], revisionCount: 0 };
    await this.posts
      .updateMany({ authorId }, { $set: { ...purged, ...none, status: 'deleted', deletedAt: new Date() } })
      .exec();
    return rows.map(toPost);
  }

  /**
   * Account deletion: other people's posts that name the account (quote headers, mentions) say "a deleted
   * user" instead, in the source, the HTML and the search copy, and stop listing it as mentioned. Candidates
   * come from the lower-cased search copy; read-modify-write per post (no update pipelines in the subset).
   */
  async eraseNameInPosts(userId: string, username: string): Promise<number> {
    await this.posts.updateMany({ mentionedUserIds: userId }, { $pull: { mentionedUserIds: userId } }).exec();
    const rows = await this.posts
      .find({ searchText: { $regex: escapeRegExp(`@${username.toLowerCase()}`) } })
      .lean<PostRow[]>()
      .exec();
    let changed = 0;
    for (const row of rows) {
      const source = eraseName(row.source, username);
      const searchText = eraseName(row.searchText, username);
      if (source === row.source && searchText === row.searchText) continue;
      const html = renderPostHtml(source);
      await this.posts
        .updateOne({ _id: row._id }, { $set: { source, html, ...searchFieldsOf(searchText) } })
        .exec();
      changed += 1;
    }
    return changed;
  }
}

export interface PostSearchFilter {
  /** Stemmed terms (searchTermsOf), every one required. */
  terms: string[];
  forumIds: string[];
  authorId?: string;
  fromDate?: Date;
  /** Exclusive. */
  toDate?: Date;
}

/** The search terms follow the search text wherever it is written, so no copy of a removed word is left. */
function withTerms<T extends { searchText?: string }>(fields: T): T & { searchTerms?: string[] } {
  return fields.searchText === undefined ? fields : { ...fields, ...searchFieldsOf(fields.searchText) };
}

function minId(a: Types.ObjectId | undefined, b: Types.ObjectId): Types.ObjectId {
  return a && a.toHexString() < b.toHexString() ? a : b;
}
