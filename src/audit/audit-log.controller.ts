import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-policy';
import { AuditLogService } from './audit-log.service';
import { AuditLogQuery } from './dto/audit-log.query';
import { AuditPageResponse } from './dto/audit.responses';

@ApiTags('audit log')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @Roles('moderator')
  @ApiOperation({
    summary: 'Moderation and administration actions, newest first (global moderators, admins)',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() { cursor, limit, ...filter }: AuditLogQuery) {
    return this.audit.list(filter, cursor, limit);
  }
}
