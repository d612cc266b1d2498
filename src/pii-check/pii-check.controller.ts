import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { ErrorBodyResponse } from '../infra/errors/error-body.response';
import { CheckTextDto } from './dto/check-text.dto';
import { PiiCheckRateLimitGuard } from './pii-check-rate-limit.guard';
import { PiiCheckService } from './pii-check.service';
import { CheckResultResponse } from './dto/check.responses';

@ApiTags('personal data')
@Controller('pii')
export class PiiCheckController {
  constructor(private readonly checker: PiiCheckService) {}

  @Post('check')
  @Authenticated()
  @HttpCode(200)
  @UseGuards(PiiCheckRateLimitGuard)
  @ApiTooManyRequestsResponse({
    description: 'More than PII_CHECK_LIMIT_PER_MINUTE checks by this user (`rate_limited`, Retry-After)',
    type: ErrorBodyResponse,
  })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Find emails and phone numbers in a text, as publishing in that forum would' })
  @ApiOkResponse({ type: CheckResultResponse })
  check(@CurrentUser() user: AuthUser, @Body() dto: CheckTextDto) {
    return this.checker.check(user, dto.text, dto.forum);
  }
}
