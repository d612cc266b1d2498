import { UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { SkipThrottle } from '@nestjs/throttler';
import { Authenticated, Public } from '../auth/access-policy';
import { AccessGuard } from '../auth/guards/access.guard';
import { BoardMessagingService } from '../boards/board-messaging.service';
import { AppConfig } from '../infra/config/app-config';
import { createValidationPipe } from '../infra/http/validation';
import { ConnectionsPerAddress } from './connections-per-address';
import { JoinRoomDto, ReadDto, RoomDto, SocketSendMessageDto } from './dto/socket-commands.dto';
import { RoomSubscriptionService } from './room-subscription.service';
import { SocketAuthenticator } from './socket-authenticator';
import { SocketConnectionsService } from './socket-connections.service';
import type { CommandReply, ParleyServer, ParleySocket } from './socket-data';
import { ClientCommand, roomName } from './socket-protocol';
import { SocketServerRef } from './socket-server.ref';
import { TypingService } from './typing.service';
import { WsErrorFilter } from './ws-error.filter';

/**
 * The socket.io gateway: as thin as a controller. Global guards and pipes do not reach gateways in Nest,
 * so the access guard, the validation pipe and the error filter are declared here; the HTTP throttler is
 * skipped (sockets have their own per-socket limits).
 */
@WebSocketGateway()
@SkipThrottle()
@UseGuards(AccessGuard)
@UsePipes(createValidationPipe())
@UseFilters(WsErrorFilter)
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly serverRef: SocketServerRef,
    private readonly authenticator: SocketAuthenticator,
    private readonly connections: SocketConnectionsService,
    private readonly rooms: RoomSubscriptionService,
    private readonly typingService: TypingService,
    private readonly messaging: BoardMessagingService,
    config: AppConfig,
  ) {
    this.perAddress = new ConnectionsPerAddress(config);
  }

  private readonly perAddress: ConnectionsPerAddress;

  afterInit(server: ParleyServer): void {
    this.serverRef.set(server);
    // Too many from one address is refused before the token check costs anything. The flood cool-off comes
    // after it: it is keyed on the verified user, or the address when the token does not verify, so a flooder
    // cannot come straight back with an unsigned token naming someone else.
    server.use(this.perAddress.middleware);
    server.use(this.authenticator.middleware);
    server.use(this.connections.coolOffMiddleware);
  }

  handleConnection(socket: ParleySocket): void {
    this.connections.opened(socket);
  }

  handleDisconnect(): void {
    this.connections.closed();
  }

  @SubscribeMessage(ClientCommand.Join)
  @Public()
  async join(
    @ConnectedSocket() socket: ParleySocket,
    @MessageBody() dto: JoinRoomDto,
  ): Promise<CommandReply<'join'> | null> {
    await this.authenticator.reloaded(socket);
    const reply = await this.rooms.join(socket, dto.room, dto.lastEventSeq);
    return reply && { ok: true, ...reply };
  }

  @SubscribeMessage(ClientCommand.Leave)
  @Public()
  async leave(
    @ConnectedSocket() socket: ParleySocket,
    @MessageBody() dto: RoomDto,
  ): Promise<CommandReply<'leave'>> {
    return { ok: true, ...(await this.rooms.leave(socket, dto.room)) };
  }

  /** The same service as POST /api/boards/:slug/messages, so both produce the same event. */
  @SubscribeMessage(ClientCommand.MessageSend)
  @Authenticated()
  async send(
    @ConnectedSocket() socket: ParleySocket,
    @MessageBody() dto: SocketSendMessageDto,
  ): Promise<CommandReply<'message.send'>> {
    const { board, ...input } = dto;
    const user = await this.authenticator.current(socket);
    const sent = await this.messaging.send(user, board, input);
    this.typingService.sent(socket, roomName('board', board));
    return { ok: true, ...sent };
  }

  /** Typing and read marks act as the user, like a send: the token is verified again each time. */
  @SubscribeMessage(ClientCommand.Typing)
  @Authenticated()
  async typing(
    @ConnectedSocket() socket: ParleySocket,
    @MessageBody() dto: RoomDto,
  ): Promise<CommandReply<'typing'>> {
    const user = await this.authenticator.current(socket);
    return { ok: true, ...this.typingService.typed(socket, user, dto.room) };
  }

  @SubscribeMessage(ClientCommand.Read)
  @Authenticated()
  async read(
    @ConnectedSocket() socket: ParleySocket,
    @MessageBody() dto: ReadDto,
  ): Promise<CommandReply<'read'>> {
    const user = await this.authenticator.current(socket);
    return { ok: true, ...(await this.rooms.read(user, dto.room, dto.seq)) };
  }
}
