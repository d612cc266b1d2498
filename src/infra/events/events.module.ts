import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventBus } from './event-bus';
import { PendingRoomEvents } from './pending-room-events';
import { ReplayContent } from './replay-content';
import { RoomCounterRecord, RoomCounterSchema, RoomSequence } from './room-sequence';

@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: RoomCounterRecord.name, schema: RoomCounterSchema }])],
  providers: [EventBus, RoomSequence, PendingRoomEvents, ReplayContent],
  exports: [EventBus, RoomSequence, PendingRoomEvents, ReplayContent],
})
export class EventsModule {}
