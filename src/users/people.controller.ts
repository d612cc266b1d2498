import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-policy';
import { MentionableQuery, PeopleResponse } from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('mentionable')
  @Authenticated()
  @ApiOperation({ summary: 'Up to 8 accounts whose username starts with q, for @mention completion' })
  @ApiOkResponse({ type: PeopleResponse })
  mentionable(@Query() { q }: MentionableQuery) {
    return this.people.mentionable(q);
  }
}
