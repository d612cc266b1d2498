import { Global, Module } from '@nestjs/common';
import { FollowUpWorker } from './follow-up-worker';

@Global()
@Module({ providers: [FollowUpWorker], exports: [FollowUpWorker] })
export class OutboxModule {}
