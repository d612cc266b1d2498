import { Body, Controller, Delete, Get, Header, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser, Public, type AuthUser } from '../auth/access-policy';
import { AuthCookies } from '../auth/auth-cookies';
import { toAccountView } from '../users/user';
import { UserAccountsService } from '../users/user-accounts.service';
import { AccountDeletionService } from './account-deletion.service';
import { DataExportService } from './data-export.service';
import { DeleteAccountDto, UnsubscribeQuery, UpdatePreferencesDto } from './dto/privacy.dto';
import { UnsubscribeService } from './unsubscribe.service';
import { DATA_EXPORT_SCHEMA, ExportProfileResponse, UnsubscribedResponse } from './dto/privacy.responses';
import { NoticeAcknowledgementResponse, NotificationPreferencesResponse } from '../users/dto/user.responses';
import { PersonalData } from '../infra/http/personal-data.interceptor';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly exports: DataExportService,
    private readonly deletion: AccountDeletionService,
    private readonly accounts: UserAccountsService,
    private readonly unsubscribes: UnsubscribeService,
    private readonly cookies: AuthCookies,
  ) {}

  @Get('me/export')
  @Authenticated()
  @ApiBearerAuth()
  @Header('Content-Disposition', 'attachment; filename="parley-export.json"')
  @ApiOperation({ summary: 'Everything stored about you, as one JSON document' })
  @ApiExtraModels(ExportProfileResponse, NoticeAcknowledgementResponse)
  @ApiOkResponse({ schema: DATA_EXPORT_SCHEMA })
  export(@CurrentUser() user: AuthUser) {
    return this.exports.exportFor(user);
  }

  @Patch('me/preferences')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Turn notifications and mailings on or off, per kind and channel' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  async preferences(@CurrentUser() user: AuthUser, @Body() dto: UpdatePreferencesDto) {
    const updated = await this.accounts.updatePreferences(user.id, dto);
    return toAccountView(updated).notificationPreferences;
  }

  @Delete('me')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your account (password required); your sessions end' })
  @ApiNoContentResponse({ description: 'Deleted; the cookies are cleared' })
  async delete(
    @CurrentUser() user: AuthUser,
    @Body() dto: DeleteAccountDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.deletion.delete(user, dto.password, dto.deletePosts ?? false);
    this.cookies.clear(res);
  }

  @Get('unsubscribe')
  @Public()
  @PersonalData()
  @ApiOperation({ summary: 'One-click unsubscribe from an email link; works without signing in' })
  @ApiOkResponse({ type: UnsubscribedResponse })
  unsubscribe(@Query() query: UnsubscribeQuery) {
    return this.unsubscribes.unsubscribe(query.token);
  }

  @Post('unsubscribe')
  @Public()
  @PersonalData()
  @HttpCode(200)
  @ApiOperation({ summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post)' })
  @ApiOkResponse({ type: UnsubscribedResponse })
  unsubscribeOneClick(@Query() query: UnsubscribeQuery) {
    return this.unsubscribes.unsubscribe(query.token);
  }
}
