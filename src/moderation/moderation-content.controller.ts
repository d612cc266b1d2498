import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { ContentModerationService } from './content-moderation.service';
import {
  ContentParams,
  EditContentDto,
  OptionalReasonDto,
  RemovePersonalInfoDto,
  RequiredReasonDto,
} from './dto/content-action.dto';
import { PersonalDataCopies } from './personal-data-copies.service';
import { RedactionService } from './redaction.service';
import type { ReviewTargetType } from './review-item';
import { CopiesResponse, ModeratedContentResponse, RedactionResponse } from './dto/moderation.responses';

const kindOf = (kind: ContentParams['kind']): ReviewTargetType => (kind === 'posts' ? 'post' : 'message');

/** One route per action, the same for forum posts (`posts`) and board messages (`messages`). */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/:kind/:id')
export class ModerationContentController {
  constructor(
    private readonly moderation: ContentModerationService,
    private readonly redaction: RedactionService,
    private readonly copies: PersonalDataCopies,
  ) {}

  @Post('approve')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Publish a held item (viewers receive it live)' })
  @ApiOkResponse({ type: ModeratedContentResponse })
  approve(
    @CurrentUser() user: AuthUser,
    @Param() { kind, id }: ContentParams,
    @Body() dto: OptionalReasonDto,
  ) {
    return this.moderation.approve(user, kindOf(kind), id, dto.reason);
  }

  @Post('reject')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Reject a held item (it is removed); the reason is required' })
  @ApiOkResponse({ type: ModeratedContentResponse })
  reject(
    @CurrentUser() user: AuthUser,
    @Param() { kind, id }: ContentParams,
    @Body() dto: RequiredReasonDto,
  ) {
    return this.moderation.reject(user, kindOf(kind), id, dto.reason);
  }

  @Post('remove-personal-info')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary:
      'Remove personal information: all detected spans, or the chosen ones, from the text and every revision',
  })
  @ApiOkResponse({ type: RedactionResponse })
  removePersonalInfo(
    @CurrentUser() user: AuthUser,
    @Param() { kind, id }: ContentParams,
    @Body() dto: RemovePersonalInfoDto,
  ) {
    return this.redaction.removePersonalInfo(user, kindOf(kind), id, dto.spans, dto.reason, dto.everywhere);
  }

  @Get('copies')
  @Authenticated()
  @ApiOperation({
    summary:
      'Where else the personal data of this item stands (same values, normalised): other posts, titles, board ' +
      'messages and their revisions',
  })
  @ApiOkResponse({ type: CopiesResponse })
  copiesOf(@CurrentUser() user: AuthUser, @Param() { kind, id }: ContentParams) {
    return this.copies.report(user, kindOf(kind), id);
  }

  @Post('hide')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Hide a visible item (readers see a placeholder)' })
  @ApiOkResponse({ type: ModeratedContentResponse })
  hide(@CurrentUser() user: AuthUser, @Param() { kind, id }: ContentParams, @Body() dto: OptionalReasonDto) {
    return this.moderation.hide(user, kindOf(kind), id, dto.reason);
  }

  @Post('unhide')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Show a hidden item again' })
  @ApiOkResponse({ type: ModeratedContentResponse })
  unhide(
    @CurrentUser() user: AuthUser,
    @Param() { kind, id }: ContentParams,
    @Body() dto: OptionalReasonDto,
  ) {
    return this.moderation.unhide(user, kindOf(kind), id, dto.reason);
  }

  @Post('edit')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Edit the text with a reason (the previous text is kept as a revision)' })
  @ApiOkResponse({ type: ModeratedContentResponse })
  edit(@CurrentUser() user: AuthUser, @Param() { kind, id }: ContentParams, @Body() dto: EditContentDto) {
    return this.moderation.edit(user, kindOf(kind), id, dto.source, dto.reason);
  }

  @Post('delete')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Remove an item (readers see a placeholder)' })
  @ApiOkResponse({ type: ModeratedContentResponse })
  delete(
    @CurrentUser() user: AuthUser,
    @Param() { kind, id }: ContentParams,
    @Body() dto: OptionalReasonDto,
  ) {
    return this.moderation.delete(user, kindOf(kind), id, dto.reason);
  }

  @Post('dismiss-reports')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Nothing to do: settle the item’s reports and close its queue entry' })
  @ApiOkResponse({ type: ModeratedContentResponse })
  dismiss(
    @CurrentUser() user: AuthUser,
    @Param() { kind, id }: ContentParams,
    @Body() dto: OptionalReasonDto,
  ) {
    return this.moderation.dismissReports(user, kindOf(kind), id, dto.reason);
  }
}
