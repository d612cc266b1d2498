import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, type AuthUser } from '../auth/access-policy';
import { BoardLikesService } from './board-likes.service';
import { BoardMessagingService } from './board-messaging.service';
import { BoardReadingService } from './board-reading.service';
import { BoardMessageParam, BoardSlugParam, MarkReadDto, MessagePageQueryDto } from './dto/board-params.dto';
import { EditMessageDto, SendMessageDto } from './dto/send-message.dto';
import {
  BoardMessageResponse,
  BoardReadMarkResponse,
  MessagePageResponse,
  SentMessageResponse,
} from './dto/board.responses';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('boards/:slug')
export class BoardMessagesController {
  constructor(
    private readonly reading: BoardReadingService,
    private readonly messaging: BoardMessagingService,
    private readonly likes: BoardLikesService,
  ) {}

  @Get('messages')
  @Public()
  @ApiOperation({ summary: 'Message history by seq cursor (before= older page, after= newer page)' })
  @ApiOkResponse({ type: MessagePageResponse })
  page(
    @CurrentUser() user: AuthUser | undefined,
    @Param() { slug }: BoardSlugParam,
    @Query() query: MessagePageQueryDto,
  ) {
    return this.reading.page(user, slug, query);
  }

  @Post('messages')
  @Authenticated()
  @ApiOperation({ summary: 'Post a message (422 personal_data_detected, 428 notice, 429 slow mode)' })
  @ApiCreatedResponse({ type: SentMessageResponse })
  send(@CurrentUser() user: AuthUser, @Param() { slug }: BoardSlugParam, @Body() dto: SendMessageDto) {
    return this.messaging.send(user, slug, dto);
  }

  @Patch('messages/:id')
  @Authenticated()
  @ApiOperation({ summary: 'Edit your message; the earlier text is kept as a revision' })
  @ApiOkResponse({ type: SentMessageResponse })
  edit(@CurrentUser() user: AuthUser, @Param() { slug, id }: BoardMessageParam, @Body() dto: EditMessageDto) {
    return this.messaging.edit(user, slug, id, dto);
  }

  @Delete('messages/:id')
  @Authenticated()
  @ApiOperation({
    summary: 'Delete your message; moderators remove others’ with POST /api/moderation/messages/:id/delete',
  })
  @ApiOkResponse({ type: BoardMessageResponse, description: 'The message as it reads now (a placeholder)' })
  remove(@CurrentUser() user: AuthUser, @Param() { slug, id }: BoardMessageParam) {
    return this.messaging.remove(user, slug, id);
  }

  @Put('messages/:id/like')
  @Authenticated()
  @ApiOperation({ summary: 'Like a message (repeating is harmless)' })
  @ApiOkResponse({ type: BoardMessageResponse })
  like(@CurrentUser() user: AuthUser, @Param() { slug, id }: BoardMessageParam) {
    return this.likes.like(user, slug, id);
  }

  @Delete('messages/:id/like')
  @Authenticated()
  @ApiOperation({ summary: 'Take a like back' })
  @ApiOkResponse({ type: BoardMessageResponse })
  unlike(@CurrentUser() user: AuthUser, @Param() { slug, id }: BoardMessageParam) {
    return this.likes.unlike(user, slug, id);
  }

  @Post('read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Record the newest message seq read (also the socket `read` command)' })
  @ApiOkResponse({ type: BoardReadMarkResponse })
  markRead(@CurrentUser() user: AuthUser, @Param() { slug }: BoardSlugParam, @Body() dto: MarkReadDto) {
    return this.reading.markRead(user, slug, dto.seq);
  }
}
