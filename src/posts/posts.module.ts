import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UploadsModule } from '../uploads/uploads.module';
import { ForumsModule } from '../forums/forums.module';
import { NoticesModule } from '../notices/notices.module';
import { PublishingModule } from '../publishing/publishing.module';
import { UsersModule } from '../users/users.module';
import { AccountDeletionListener } from './account-deletion.listener';
import { ForumPagesController } from './forum-pages.controller';
import { ForumReadingService } from './forum-reading.service';
import { MentionResolver } from './mention-resolver';
import { PostComposer } from './post-composer';
import { PostCounters } from './post-counters';
import { PostEditingService } from './post-editing.service';
import { PostLikeRepository } from './post-like.repository';
import { PostLikeRecord, PostLikeSchema } from './post-like.schema';
import { PostLikesService } from './post-likes.service';
import { PostFollowUps } from './post-follow-ups';
import { PostPublishingService } from './post-publishing.service';
import { PostRevisingService } from './post-revising.service';
import { PostRevisionRepository } from './post-revision.repository';
import { PostRevisionRecord, PostRevisionSchema } from './post-revision.schema';
import { PostSearchService } from './post-search.service';
import { SearchTermsBackfill } from './search-terms-backfill';
import { PostReplayViews } from './post-replay-views';
import { PostRepository } from './post.repository';
import { PostRecord, PostSchema } from './post.schema';
import { PostLifecycle } from './post-lifecycle.service';
import { TopicLifecycle } from './topic-lifecycle.service';
import { PostsController } from './posts.controller';
import { PostsPrivacySection } from './posts-privacy.section';
import { SearchController } from './search.controller';
import { TopicAccessService } from './topic-access.service';
import { TopicSolutionService } from './topic-solution.service';
import { TopicReadRepository } from './topic-read.repository';
import { TopicReadRecord, TopicReadSchema } from './topic-read.schema';
import { TopicReadingService } from './topic-reading.service';
import { TopicRepository } from './topic.repository';
import { TopicRecord, TopicSchema } from './topic.schema';
import { TopicsController } from './topics.controller';

/**
 * Topics, posts, revisions, likes, read marks and search. Exports the repositories moderation needs
 * (PostRepository: findById/updateText/setStatus; PostRevisionRepository: listForPost/replaceInAll;
 * TopicRepository: findById/update/setStatus), TopicAccessService, and the reading services (realtime catch-up).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: TopicRecord.name, schema: TopicSchema },
      { name: PostRecord.name, schema: PostSchema },
      { name: PostRevisionRecord.name, schema: PostRevisionSchema },
      { name: PostLikeRecord.name, schema: PostLikeSchema },
      { name: TopicReadRecord.name, schema: TopicReadSchema },
    ]),
    ForumsModule,
    NoticesModule,
    PublishingModule,
    UsersModule,
    UploadsModule,
  ],
  controllers: [ForumPagesController, TopicsController, PostsController, SearchController],
  providers: [
    TopicLifecycle,
    PostLifecycle,
    TopicRepository,
    PostRepository,
    PostRevisionRepository,
    PostLikeRepository,
    TopicReadRepository,
    TopicAccessService,
    MentionResolver,
    PostComposer,
    PostCounters,
    PostPublishingService,
    PostFollowUps,
    PostEditingService,
    PostRevisingService,
    PostLikesService,
    ForumReadingService,
    TopicReadingService,
    TopicSolutionService,
    PostSearchService,
    SearchTermsBackfill,
    PostReplayViews,
    AccountDeletionListener,
    PostsPrivacySection,
  ],
  exports: [
    // Moderation calls these once it has decided (it touches no posts storage itself).
    TopicLifecycle,
    PostLifecycle,
    // Profiles and notifications read posts and topics.
    PostRepository,
    TopicRepository,
    TopicAccessService,
    TopicReadingService,
  ],
})
export class PostsModule {}
