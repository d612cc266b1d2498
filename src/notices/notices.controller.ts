import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, Roles, type AuthUser } from '../auth/access-policy';
import { AcknowledgeNoticeDto } from './dto/acknowledge-notice.dto';
import {
  AcknowledgementResponse,
  AcknowledgementsResponse,
  CurrentNoticeResponse,
  NoticeResponse,
  NoticeVersionsPageResponse,
} from './dto/notice.responses';
import { NoticeVersionsQuery } from './dto/notice-versions.query';
import { PublishNoticeDto } from './dto/publish-notice.dto';
import { NoticesService } from './notices.service';

@ApiTags('notices')
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('public-area')
  @Public()
  @ApiOperation({ summary: 'The current public-area notice, and whether the caller acknowledged it' })
  @ApiOkResponse({ type: CurrentNoticeResponse })
  publicArea(@CurrentUser() user: AuthUser | undefined) {
    return this.notices.currentForCaller(user);
  }

  @Put('public-area')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Publish a new version; everyone must acknowledge it before posting again' })
  @ApiOkResponse({ type: NoticeResponse })
  publishPublicArea(@CurrentUser() admin: AuthUser, @Body() dto: PublishNoticeDto) {
    return this.notices.publish('public-area', dto.text, admin);
  }

  @Get('public-area/versions')
  @Public()
  @ApiOperation({ summary: 'Every version of the public-area notice, newest first' })
  @ApiOkResponse({ type: NoticeVersionsPageResponse })
  publicAreaVersions(@Query() query: NoticeVersionsQuery) {
    return this.notices.versions('public-area', query.before, query.limit);
  }

  @Post('public-area/acknowledgements')
  @Authenticated()
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record that the caller read the current version (idempotent)' })
  @ApiCreatedResponse({ type: AcknowledgementResponse })
  acknowledge(@CurrentUser() user: AuthUser, @Body() dto: AcknowledgeNoticeDto) {
    return this.notices.acknowledge(user, dto.version);
  }

  @Get('public-area/acknowledgements')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's own acknowledgements, oldest first" })
  @ApiOkResponse({ type: AcknowledgementsResponse })
  async myAcknowledgements(@CurrentUser() user: AuthUser) {
    return { items: await this.notices.acknowledgementsOf(user.id) };
  }

  @Get('privacy')
  @Public()
  @ApiOperation({ summary: "The site's privacy statement (Markdown)" })
  @ApiOkResponse({ type: NoticeResponse })
  privacy() {
    return this.notices.current('privacy');
  }

  @Put('privacy')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Publish a new version of the privacy statement' })
  @ApiOkResponse({ type: NoticeResponse })
  publishPrivacy(@CurrentUser() admin: AuthUser, @Body() dto: PublishNoticeDto) {
    return this.notices.publish('privacy', dto.text, admin);
  }

  @Get('privacy/versions')
  @Public()
  @ApiOperation({ summary: 'Every version of the privacy statement, newest first' })
  @ApiOkResponse({ type: NoticeVersionsPageResponse })
  privacyVersions(@Query() query: NoticeVersionsQuery) {
    return this.notices.versions('privacy', query.before, query.limit);
  }
}
