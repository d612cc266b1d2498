import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** One registry per application, open to every module that counts something (requests, sockets, follow-ups). */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
