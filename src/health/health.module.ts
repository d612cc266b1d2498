import { Global, Module } from '@nestjs/common';
import { RedisModule } from '../infra/redis/redis.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  imports: [RedisModule],
  controllers: [HealthController],
  providers: [HealthService, MetricsService],
  exports: [HealthService, MetricsService],
})
export class HealthModule {}
