import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { DraftAnswerResponse, DraftPlaceParam, SaveDraftDto } from './dto/drafts.dto';
import { DraftsService } from './drafts.service';

@ApiTags('drafts')
@ApiBearerAuth()
@Controller('drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get(':kind/:ref')
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s unsent text for a topic, a board or a new topic in a forum' })
  @ApiOkResponse({ type: DraftAnswerResponse })
  get(@CurrentUser() user: AuthUser, @Param() { kind, ref }: DraftPlaceParam) {
    return this.drafts.get(user, kind, ref);
  }

  @Put(':kind/:ref')
  @Authenticated()
  @ApiOperation({ summary: 'Save the caller’s unsent text there (an empty text discards it)' })
  @ApiOkResponse({ type: DraftAnswerResponse })
  save(@CurrentUser() user: AuthUser, @Param() { kind, ref }: DraftPlaceParam, @Body() dto: SaveDraftDto) {
    return this.drafts.save(user, kind, ref, dto);
  }

  @Delete(':kind/:ref')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Discard the caller’s unsent text there (after publishing it, or on purpose)' })
  @ApiNoContentResponse()
  discard(@CurrentUser() user: AuthUser, @Param() { kind, ref }: DraftPlaceParam) {
    return this.drafts.discard(user, kind, ref);
  }
}
