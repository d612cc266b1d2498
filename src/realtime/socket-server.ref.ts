import { Injectable } from '@nestjs/common';
import type { ParleyServer } from './socket-data';

/** Hands the socket.io server (created by the gateway) to the broadcaster and presence without a cycle. */
@Injectable()
export class SocketServerRef {
  private server?: ParleyServer;

  set(server: ParleyServer): void {
    this.server = server;
  }

  /** Undefined until the gateway is initialised (e.g. in a standalone context without sockets). */
  get(): ParleyServer | undefined {
    return this.server;
  }
}
