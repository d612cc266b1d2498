import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Authenticated, CurrentUser, type AuthUser } from '../auth/access-policy';
import { CheckTextDto } from './dto/check-text.dto';
import { PiiCheckService } from './pii-check.service';

/** Enough for a client that checks on every pause in typing (about one request a second), not for bulk scans. */
export const PII_CHECK_LIMIT_PER_MINUTE = 60;

@ApiTags('personal data')
@Controller('pii')
export class PiiCheckController {
  constructor(private readonly checker: PiiCheckService) {}

  @Post('check')
  @Authenticated()
  @HttpCode(200)
  @Throttle({ default: { limit: PII_CHECK_LIMIT_PER_MINUTE, ttl: 60_000 } })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Find emails and phone numbers in a text, as publishing in that forum would' })
  check(@CurrentUser() user: AuthUser, @Body() dto: CheckTextDto) {
    return this.checker.check(user, dto.text, dto.forum);
  }
}
