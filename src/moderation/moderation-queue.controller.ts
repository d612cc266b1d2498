import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { ModerationAuditQuery } from './dto/moderation-audit.query';
import { QueueQuery } from './dto/queue.query';
import { ModerationAuditService } from './moderation-audit.service';
import { ReviewQueueService } from './review-queue.service';
import { QueuePageResponse } from './dto/moderation.responses';
import { AuditPageResponse } from '../audit/dto/audit.responses';

// Authenticated rather than a role: forum moderators hold the member role; the services scope by forum.
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation')
export class ModerationQueueController {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly auditLog: ModerationAuditService,
  ) {}

  @Get('queue')
  @Authenticated()
  @ApiOperation({
    summary: 'The review queue: held and reported items first, then acknowledged personal data; oldest first',
    description: 'Forum moderators see their forums only (403 for another forum). Cursor: nextCursor.',
  })
  @ApiOkResponse({ type: QueuePageResponse })
  page(@CurrentUser() user: AuthUser, @Query() query: QueueQuery) {
    return this.queue.page(user, query);
  }

  @Get('audit')
  @Authenticated()
  @ApiOperation({
    summary: 'The moderation audit log, newest first (read only)',
    description: 'Admins and global moderators see every entry, forum moderators their forums’ entries.',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  audit(@CurrentUser() user: AuthUser, @Query() query: ModerationAuditQuery) {
    return this.auditLog.list(user, query);
  }
}
