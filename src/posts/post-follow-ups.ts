import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ForumsService } from '../forums/forums.service';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { PendingRoomEvents, type PendingRoomEvent } from '../infra/events/pending-room-events';
import { RoomSequence } from '../infra/events/room-sequence';
import {
  FollowUpWorker,
  type FollowUpContext,
  type FollowUpFields,
  type FollowUpState,
} from '../infra/outbox/follow-up-worker';
import { roomName, ServerEvent } from '../realtime/socket-protocol';
import { needsReview } from '../publishing/publish-decision';
import type { Post } from './post';
import { PostComposer } from './post-composer';
import { PostCounters } from './post-counters';
import { toPublicView } from './post-view';
import { PostRepository } from './post.repository';
import { PostRecord } from './post.schema';
import { TopicReadRepository } from './topic-read.repository';
import { TopicRepository } from './topic.repository';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { UploadLifecycleService } from '../uploads/upload-lifecycle.service';

/** The follow-up steps a new post stores with itself, in the order they run (each idempotent). */
export const FollowUpStep = {
  /** Mentions and quotes: usernames and post numbers in the text become ids. */
  References: 'references',
  /** Topic reply count, forum topic and post counts, last activity. */
  Counters: 'counters',
  /** The author has read their own post. */
  ReadMark: 'read-mark',
  /** A first post takes its topic room number here (a reply took it with the post, to go out live). */
  Number: 'number',
  /** The domain events: room logs and the forum room, notifications, the review queue. */
  Announce: 'announce',
} as const;

export function followUpStepsOf(post: { seq: number; status: string }): string[] {
  if (post.status !== 'visible') return [FollowUpStep.References, FollowUpStep.Announce];
  const steps: string[] = [FollowUpStep.References, FollowUpStep.Counters, FollowUpStep.ReadMark];
  if (post.seq === 1) steps.push(FollowUpStep.Number);
  steps.push(FollowUpStep.Announce);
  return steps;
}

/**
 * What a new topic or reply leaves for after the answer (the outbox, src/infra/outbox/follow-up-worker.ts):
 * the steps are stored with the post in the insert that the author waits for, and run from it.
 */
@Injectable()
export class PostFollowUps implements OnModuleInit {
  constructor(
    @InjectModel(PostRecord.name) private readonly model: Model<PostRecord>,
    private readonly worker: FollowUpWorker,
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly forums: ForumsService,
    private readonly composer: PostComposer,
    private readonly counters: PostCounters,
    private readonly reads: TopicReadRepository,
    private readonly sequence: RoomSequence,
    private readonly replayGaps: PendingRoomEvents,
    private readonly events: EventBus,
    private readonly uploads: UploadLifecycleService,
  ) {}

  onModuleInit(): void {
    this.worker.register<Post>({
      name: 'post',
      model: this.model,
      load: (id) => this.posts.findWithFollowUp(id),
      steps: {
        [FollowUpStep.References]: (post) => this.resolveReferences(post),
        [FollowUpStep.Counters]: (post) => this.counters.shown(post, new Date(post.createdAt)),
        [FollowUpStep.ReadMark]: (post) =>
          this.reads.advance(post.authorId ?? '', post.topicId, post.forumId, post.seq),
        [FollowUpStep.Number]: (post) => this.number(post),
        [FollowUpStep.Announce]: (post, context) => this.announce(post, context),
      },
    });
    this.replayGaps.register('topic', (topicId, eventSeqs) => this.pendingEvents(topicId, eventSeqs));
  }

  /** The follow-up work a new post stores with itself. */
  pending(post: { seq: number; status: string }): FollowUpState {
    return this.worker.pending(followUpStepsOf(post));
  }

  /** After the answer: this process runs the steps now; a sweep takes over if it dies first. */
  start(post: Post): void {
    this.worker.start('post', post.id);
  }

  /** The resolved ids are stored with the write that ends the follow-up (FollowUpSource.steps). */
  private async resolveReferences(post: Post): Promise<FollowUpFields> {
    const refs = await this.composer.resolveReferences(
      post.source,
      post.authorId ?? '',
      post.seq === 1 ? null : post.topicId,
    );
    // The uploads the post shows are its own from now on (no longer orphans).
    await this.uploads.attach(post.id, post.authorId ?? '', post.source);
    Object.assign(post, refs); // the later steps announce the resolved post
    return refs;
  }

  private async number(post: Post): Promise<void> {
    if (post.eventSeq !== null) return;
    const eventSeq = await this.sequence.next(roomName('topic', post.topicId));
    post.eventSeq = await this.posts.claimEventSeq(post.id, eventSeq);
  }

  private async announce(post: Post, { firstTry }: FollowUpContext): Promise<void> {
    const fact = { forumId: post.forumId, topicId: post.topicId, seq: post.seq };
    if (post.status === 'held') {
      // redelivery: the moderators' room logs it once, however often this runs.
      await this.events.deliver(ForumEvent.PostHeld, {
        ...fact,
        post: toPublicView(post),
        reason: 'personal data',
        redelivery: true,
      });
      return;
    }
    if (post.status !== 'visible') return; // removed or hidden before its follow-up ran: nothing to announce
    if (post.seq === 1) {
      const [topic, forum] = await Promise.all([
        this.topics.findById(post.topicId),
        this.forums.findById(post.forumId),
      ]);
      if (topic && forum) {
        const created = { forumId: forum.id, forumSlug: forum.slug, topicId: topic.id, title: topic.title };
        await this.events.deliver(ForumEvent.TopicCreated, created);
      }
    }
    await this.events.deliver(ForumEvent.PostCreated, {
      ...fact,
      post: toPublicView(post),
      eventSeq: post.eventSeq ?? undefined,
      references: { mentionedUserIds: post.mentionedUserIds, quotedPostIds: post.quotedPostIds },
      // A reply went out live from the request; a sweep cannot know whether its process got that far.
      live: firstTry && post.seq !== 1,
      // A sweep or a retry may follow an attempt that logged some of it already.
      redelivery: !firstTry,
      reviewable: needsReview(post.findings),
    });
  }

  /** Replay asked for numbers the topic room's log lacks: announcements whose follow-up has not logged them. */
  private async pendingEvents(topicId: string, eventSeqs: number[]): Promise<PendingRoomEvent[]> {
    const posts = await this.posts.findByEventSeqs(topicId, eventSeqs);
    return posts
      .filter((post) => post.status === 'visible' && post.eventSeq !== null)
      .map((post) => ({
        eventSeq: post.eventSeq as number,
        event: ServerEvent.PostCreated,
        payload: { forumId: post.forumId, topicId: post.topicId, seq: post.seq, post: toPublicView(post) },
      }));
  }
}
