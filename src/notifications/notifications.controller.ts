import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { NotificationIdParam, NotificationPageQuery } from './dto/notification-params.dto';
import { NotificationInboxService } from './notification-inbox.service';
import {
  MarkedReadResponse,
  NotificationPageResponse,
  NotificationResponse,
  UnreadCountResponse,
} from './dto/notification.responses';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s inbox, newest first (cursor: nextCursor of the previous page)' })
  @ApiOkResponse({ type: NotificationPageResponse })
  page(@CurrentUser() user: AuthUser, @Query() { cursor, limit }: NotificationPageQuery) {
    return this.inbox.page(user, cursor, limit);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread' })
  @ApiOkResponse({ type: UnreadCountResponse })
  unreadCount(@CurrentUser() user: AuthUser) {
    return this.inbox.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Mark every notification of the caller read' })
  @ApiOkResponse({ type: MarkedReadResponse })
  markAllRead(@CurrentUser() user: AuthUser) {
    return this.inbox.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read (404 for anyone else’s)' })
  @ApiOkResponse({ type: NotificationResponse })
  markRead(@CurrentUser() user: AuthUser, @Param() { id }: NotificationIdParam) {
    return this.inbox.markRead(user, id);
  }
}
