import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access-policy';
import { HealthService } from './health.service';
import { MetricsTokenGuard } from './metrics-token.guard';
import { MetricsService } from '../infra/metrics/metrics.service';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('health')
  @Public()
  @ApiOkResponse({
    description:
      'The database is reachable. `status` is `ok`, or `degraded` when REDIS_URL is set and Redis is not ' +
      'reachable (this instance then serves its own sockets and keeps its own rate limits)',
    schema: {
      type: 'object',
      required: ['status', 'checks'],
      properties: {
        status: { type: 'string', enum: ['ok', 'degraded'] },
        checks: { type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] } },
      },
      example: { status: 'degraded', checks: { database: 'up', redis: 'down' } },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'The database is down: the report, in the error shape (`database_unavailable`)',
    schema: {
      type: 'object',
      required: ['status', 'checks', 'statusCode', 'code', 'message'],
      properties: {
        status: { type: 'string', enum: ['error'] },
        checks: { type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] } },
        statusCode: { type: 'integer', enum: [503] },
        code: { type: 'string', enum: ['database_unavailable'] },
        message: { type: 'string' },
      },
    },
  })
  async check(@Res({ passthrough: true }) res: Response) {
    const report = await this.health.report();
    if (report.status !== 'error') return report;
    res.status(503);
    return {
      ...report,
      statusCode: 503,
      code: 'database_unavailable',
      message: 'Unavailable: database',
    };
  }

  @Get('metrics')
  @Public()
  @UseGuards(MetricsTokenGuard)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format (request durations by route and status, open sockets, …)',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async prometheus(@Res() res: Response) {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
