import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access-policy';

/**
 * `GET /api/bench/hello`, mounted only with BENCH_ROUTES=true: the request pipeline every route shares (helmet,
 * metrics, request id, body parsers, request log, throttler and access guards, JSON reply) and nothing else.
 * `/api/health` cannot be that ceiling: it pings the database on every call.
 */
@ApiTags('bench')
@Controller('bench')
export class HelloController {
  @Get('hello')
  @Public()
  @ApiOperation({ summary: 'Benchmarks only (BENCH_ROUTES=true): a route that does no work' })
  @ApiOkResponse({ schema: { example: { hello: 'parley' } } })
  hello(): { hello: string } {
    return { hello: 'parley' };
  }
}
