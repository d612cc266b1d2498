import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { CheckTextDto } from './dto/check-text.dto';
import { PiiCheckRateLimitGuard } from './pii-check-rate-limit.guard';
import { PiiCheckService } from './pii-check.service';

@ApiTags('personal data')
@Controller('pii')
export class PiiCheckController {
  constructor(private readonly checker: PiiCheckService) {}

  @Post('check')
  @Authenticated()
  @HttpCode(200)
  @UseGuards(PiiCheckRateLimitGuard)
  @ApiTooManyRequestsResponse({ description: 'More than PII_CHECK_LIMIT_PER_MINUTE checks by this user' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Find emails and phone numbers in a text, as publishing in that forum would' })
  check(@CurrentUser() user: AuthUser, @Body() dto: CheckTextDto) {
    return this.checker.check(user, dto.text, dto.forum);
  }
}
