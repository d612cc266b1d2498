import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '../auth/auth.module';
import { BoardsModule } from '../boards/boards.module';
import { ForumsModule } from '../forums/forums.module';
import { NoticesModule } from '../notices/notices.module';
import { PostsModule } from '../posts/posts.module';
import { RedisModule } from '../infra/redis/redis.module';
import { UsersModule } from '../users/users.module';
import { BroadcasterListener } from './broadcaster.listener';
import { ModeratorRoomsListener } from './moderator-rooms.listener';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccessService } from './room-access.service';
import { RoomEventRepository } from './room-event.repository';
import { RoomEventRecord, RoomEventSchema } from './room-event.schema';
import { RoomSubscriptionService } from './room-subscription.service';
import { SessionSocketsListener } from './session-sockets.listener';
import { SocketAuthenticator } from './socket-authenticator';
import { SocketConnectionsService } from './socket-connections.service';
import { SocketServerRef } from './socket-server.ref';
import { TypingService } from './typing.service';

/**
 * socket.io: the gateway, the broadcaster (the only code that emits to rooms), the replay log, presence
 * and typing. ParleyIoAdapter (set up by setUpRealtime in createApp) adds Redis when REDIS_URL is set.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: RoomEventRecord.name, schema: RoomEventSchema }]),
    // UsersModule and AuthModule: the gateway runs the same AccessGuard as the REST routes.
    AuthModule,
    UsersModule,
    ForumsModule,
    PostsModule,
    BoardsModule,
    NoticesModule,
    RedisModule,
  ],
  providers: [
    RealtimeGateway,
    SocketServerRef,
    SocketAuthenticator,
    SocketConnectionsService,
    RoomEventRepository,
    BroadcasterListener,
    PresenceService,
    TypingService,
    RoomAccessService,
    RoomSubscriptionService,
    ModeratorRoomsListener,
    SessionSocketsListener,
  ],
})
export class RealtimeModule {}
