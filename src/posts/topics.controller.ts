import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, type AuthUser } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import { PostPageQueryDto } from './dto/list-queries.dto';
import { MarkTopicReadDto } from './dto/mark-topic-read.dto';
import { TopicIdParam } from './dto/params.dto';
import { ReplyDto } from './dto/reply.dto';
import { MarkSolutionDto } from './dto/topic-solution.dto';
import { TopicSolutionService } from './topic-solution.service';
import { PostPublishingService } from './post-publishing.service';
import { TopicReadingService } from './topic-reading.service';
import {
  PostPageResponse,
  PublishedPostResponse,
  ReadMarkResponse,
  TopicResponse,
  TopicWithForumResponse,
} from './dto/post.responses';

const DEFAULT_LIMIT = 20;

@ApiTags('topics')
@Controller('topics')
export class TopicsController {
  constructor(
    private readonly reading: TopicReadingService,
    private readonly publishing: PostPublishingService,
    private readonly solution: TopicSolutionService,
  ) {}

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A topic, its forum, and the reader’s unread count when signed in' })
  @ApiOkResponse({ type: TopicWithForumResponse })
  topic(@CurrentUser() user: AuthUser | undefined, @Param() { id }: TopicIdParam) {
    return this.reading.topic(user, id);
  }

  @Get(':id/posts')
  @Public()
  @ApiOperation({
    summary: 'Posts by sequence number: ?after=<seq> going forward, or ?before=<seq> going back',
    description: 'Reading a page moves a signed-in reader’s last-read mark to its last post.',
  })
  @ApiOkResponse({ type: PostPageResponse })
  posts(
    @CurrentUser() user: AuthUser | undefined,
    @Param() { id }: TopicIdParam,
    @Query() query: PostPageQueryDto,
  ) {
    if (query.after !== undefined && query.before !== undefined) {
      throw new AppError('conflicting_parameters', 'Use either after or before, not both');
    }
    return this.reading.page(user, id, { ...query, limit: query.limit ?? DEFAULT_LIMIT });
  }

  @Post(':id/posts')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Reply to a topic',
    description: '409 topic_locked when the topic is locked; 422/428 from the personal-data check.',
  })
  @ApiCreatedResponse({ type: PublishedPostResponse })
  reply(@CurrentUser() user: AuthUser, @Param() { id }: TopicIdParam, @Body() dto: ReplyDto) {
    return this.publishing.reply(user, id, dto);
  }

  @Put(':id/read')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Move the caller’s last-read mark forward to seq (never backwards)' })
  @ApiOkResponse({ type: ReadMarkResponse })
  markRead(@CurrentUser() user: AuthUser, @Param() { id }: TopicIdParam, @Body() dto: MarkTopicReadDto) {
    return this.reading.markRead(user, id, dto.seq);
  }

  @Put(':id/solution')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Mark a reply as the answer (the topic’s author or a moderator of its forum)' })
  @ApiOkResponse({ type: TopicResponse })
  markSolution(@CurrentUser() user: AuthUser, @Param() { id }: TopicIdParam, @Body() dto: MarkSolutionDto) {
    return this.solution.mark(user, id, dto.postId);
  }

  @Delete(':id/solution')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Take the answer mark back (the topic’s author or a moderator of its forum)' })
  @ApiOkResponse({ type: TopicResponse })
  clearSolution(@CurrentUser() user: AuthUser, @Param() { id }: TopicIdParam) {
    return this.solution.clear(user, id);
  }
}
