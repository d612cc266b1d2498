import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access-policy';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';

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
    description: 'Database (and Redis when configured) reachable',
    schema: { example: { status: 'ok' } },
  })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  async check(@Res({ passthrough: true }) res: Response) {
    const report = await this.health.report();
    if (report.status === 'ok') return report;
    res.status(503);
    const down = Object.keys(report.checks).filter((name) => report.checks[name] === 'down');
    return {
      ...report,
      statusCode: 503,
      code: down.includes('database') ? 'database_unavailable' : 'dependency_unavailable',
      message: `Unavailable: ${down.join(', ')}`,
    };
  }

  @Get('metrics')
  @Public()
  @Header('Cache-Control', 'no-store')
  async prometheus(@Res() res: Response) {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
