import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { MoveTopicDto, OptionalReasonDto, TopicParams } from './dto/content-action.dto';
import { TopicActionsService } from './topic-actions.service';
import { TopicResponse } from '../posts/dto/post.responses';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/topics/:id')
export class ModerationTopicsController {
  constructor(private readonly topics: TopicActionsService) {}

  @Post('lock')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Lock a topic: no new replies (moderators of its forum)' })
  @ApiOkResponse({ type: TopicResponse })
  lock(@CurrentUser() user: AuthUser, @Param() { id }: TopicParams, @Body() dto: OptionalReasonDto) {
    return this.topics.setFlag(user, id, 'lock', dto.reason);
  }

  @Post('unlock')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Unlock a topic' })
  @ApiOkResponse({ type: TopicResponse })
  unlock(@CurrentUser() user: AuthUser, @Param() { id }: TopicParams, @Body() dto: OptionalReasonDto) {
    return this.topics.setFlag(user, id, 'unlock', dto.reason);
  }

  @Post('pin')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Pin a topic to the top of its forum' })
  @ApiOkResponse({ type: TopicResponse })
  pin(@CurrentUser() user: AuthUser, @Param() { id }: TopicParams, @Body() dto: OptionalReasonDto) {
    return this.topics.setFlag(user, id, 'pin', dto.reason);
  }

  @Post('unpin')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Unpin a topic' })
  @ApiOkResponse({ type: TopicResponse })
  unpin(@CurrentUser() user: AuthUser, @Param() { id }: TopicParams, @Body() dto: OptionalReasonDto) {
    return this.topics.setFlag(user, id, 'unpin', dto.reason);
  }

  @Post('close')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Close a topic: the discussion is over (locked, the author is told why)' })
  @ApiOkResponse({ type: TopicResponse })
  close(@CurrentUser() user: AuthUser, @Param() { id }: TopicParams, @Body() dto: OptionalReasonDto) {
    return this.topics.setFlag(user, id, 'close', dto.reason);
  }

  @Post('reopen')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Reopen a closed topic' })
  @ApiOkResponse({ type: TopicResponse })
  reopen(@CurrentUser() user: AuthUser, @Param() { id }: TopicParams, @Body() dto: OptionalReasonDto) {
    return this.topics.setFlag(user, id, 'reopen', dto.reason);
  }

  @Post('move')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Move a topic and its posts to another forum (moderators of both forums)' })
  @ApiOkResponse({ type: TopicResponse })
  move(@CurrentUser() user: AuthUser, @Param() { id }: TopicParams, @Body() dto: MoveTopicDto) {
    return this.topics.move(user, id, dto.forumId, dto.reason);
  }
}
