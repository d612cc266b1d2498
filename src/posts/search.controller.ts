import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '../auth/access-policy';
import { SearchQueryDto } from './dto/search-query.dto';
import { PostSearchService } from './post-search.service';
import { SearchPageResponse } from './dto/post.responses';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: PostSearchService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Search titles and post text by words, ranked or newest first',
    description:
      'Every word is required (case, diacritics and English endings ignored). Members forums are searched only ' +
      'for signed-in readers. Page on with ?offset=<nextOffset> (relevance) or ?before=<nextBefore> (newest).',
  })
  @ApiOkResponse({ type: SearchPageResponse })
  find(@CurrentUser() user: AuthUser | undefined, @Query() query: SearchQueryDto) {
    return this.search.search(user, { ...query, limit: query.limit ?? 20 });
  }
}
