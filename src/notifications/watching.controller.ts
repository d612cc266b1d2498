import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { ForumIdParam } from '../forums/dto/forum-id.param';
import { TopicIdParam } from '../posts/dto/params.dto';
import { SetWatchLevelDto } from './dto/watch.dto';
import { WatchLevelResponse } from './dto/watch.responses';
import { WatchingService } from './watching.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class WatchingController {
  constructor(private readonly watching: WatchingService) {}

  @Get('topics/:id/watch')
  @Authenticated()
  @ApiOperation({ summary: 'How closely you follow this topic (and its forum)' })
  @ApiOkResponse({ type: WatchLevelResponse })
  topic(@CurrentUser() user: AuthUser, @Param() { id }: TopicIdParam) {
    return this.watching.topicLevels(user, id);
  }

  @Put('topics/:id/watch')
  @Authenticated()
  @ApiOperation({ summary: 'Watch, track, or mute a topic' })
  @ApiOkResponse({ type: WatchLevelResponse })
  setTopic(@CurrentUser() user: AuthUser, @Param() { id }: TopicIdParam, @Body() dto: SetWatchLevelDto) {
    return this.watching.setTopicLevel(user, id, dto.level);
  }

  @Get('forums/:id/watch')
  @Authenticated()
  @ApiOperation({ summary: 'How closely you follow this forum' })
  @ApiOkResponse({ type: WatchLevelResponse })
  forum(@CurrentUser() user: AuthUser, @Param() { id }: ForumIdParam) {
    return this.watching.forumLevel(user, id);
  }

  @Put('forums/:id/watch')
  @Authenticated()
  @ApiOperation({ summary: 'Watch (every new post of every topic), track, or mute a forum' })
  @ApiOkResponse({ type: WatchLevelResponse })
  setForum(@CurrentUser() user: AuthUser, @Param() { id }: ForumIdParam, @Body() dto: SetWatchLevelDto) {
    return this.watching.setForumLevel(user, id, dto.level);
  }
}
