import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, type AuthUser } from '../auth/access-policy';
import { CreateTopicDto } from './dto/create-topic.dto';
import { TopicListQuery } from './dto/list-queries.dto';
import { ForumSlugParam } from './dto/params.dto';
import { ForumReadingService } from './forum-reading.service';
import { PostPublishingService } from './post-publishing.service';
import {
  ForumListResponse,
  ForumPageResponse,
  PublishedPostResponse,
  TopicPageResponse,
} from './dto/post.responses';

const DEFAULT_LIMIT = 20;

@ApiTags('forums')
@Controller('forums')
export class ForumPagesController {
  constructor(
    private readonly reading: ForumReadingService,
    private readonly publishing: PostPublishingService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Forums with counters (and unread topic counts when signed in)' })
  @ApiOkResponse({ type: ForumListResponse })
  list(@CurrentUser() user: AuthUser | undefined) {
    return this.reading.list(user);
  }

  @Get(':slug')
  @Public()
  @ApiOperation({ summary: 'One forum; members forums need a signed-in reader' })
  @ApiOkResponse({ type: ForumPageResponse })
  forum(@CurrentUser() user: AuthUser | undefined, @Param() { slug }: ForumSlugParam) {
    return this.reading.forum(user, slug);
  }

  @Get(':slug/topics')
  @Public()
  @ApiOperation({ summary: "A forum's topics: pinned first, then by last activity, cursor-paginated" })
  @ApiOkResponse({ type: TopicPageResponse })
  topics(
    @CurrentUser() user: AuthUser | undefined,
    @Param() { slug }: ForumSlugParam,
    @Query() query: TopicListQuery,
  ) {
    return this.reading.topicPage(user, slug, { cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT });
  }

  @Post(':slug/topics')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Start a topic; the body is its first post',
    description:
      'Answers 422 personal_data_detected (resubmit with acknowledgePersonalData) or 428 ' +
      'notice_not_acknowledged. Repeating a request with the same clientId returns the same topic.',
  })
  @ApiCreatedResponse({ type: PublishedPostResponse })
  create(@CurrentUser() user: AuthUser, @Param() { slug }: ForumSlugParam, @Body() dto: CreateTopicDto) {
    return this.publishing.createTopic(user, slug, dto);
  }
}
