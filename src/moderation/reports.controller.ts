import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { FileReportDto } from './dto/file-report.dto';
import { ReportingService } from './reporting.service';
import { ReportResponse } from './dto/moderation.responses';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reporting: ReportingService) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    summary: 'Report a post or board message to its moderators (once per item; at most 10 per 10 minutes)',
    description: '409 when already reported by the caller; 429 when reporting too fast.',
  })
  @ApiCreatedResponse({ type: ReportResponse })
  file(@CurrentUser() user: AuthUser, @Body() dto: FileReportDto) {
    return this.reporting.file(user, dto);
  }
}
