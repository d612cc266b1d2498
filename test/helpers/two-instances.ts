import { ClientCommand, type JoinReply } from '../../src/realtime/socket-protocol';
import { startRedis, type RedisServer } from './redis-server';
import { SocketServerRef } from '../../src/realtime/socket-server.ref';
import { connectSocket, type SocketOptions, type TestSocket } from './socket-client';
import { startApp, uniqueDbName, type TestApp } from './start-app';

export interface TwoInstances {
  redis: RedisServer;
  a: TestApp;
  b: TestApp;
  /** A socket on one instance, as `user` (token) or anonymous; closed by closeSockets() or close(). */
  connect(api: TestApp, user?: { token: string }, opts?: SocketOptions): Promise<TestSocket>;
  /** Joins a room and fails the test on a refused join. */
  join(socket: TestSocket, room: string, lastEventSeq?: number): Promise<JoinReply>;
  closeSockets(): void;
  close(): Promise<void>;
}

/**
 * Two application instances on one database and one real Redis (Debian's redis-server), as behind a load
 * balancer. `env` is added to both instances' configuration.
 */
export async function startTwoInstances(env: Record<string, string> = {}): Promise<TwoInstances> {
  const redis = await startRedis();
  const dbName = uniqueDbName('two');
  const options = { dbName, env: { REDIS_URL: redis.url, ...env } };
  const a = await startApp(options);
  const b = await startApp(options);
  await untilStreamsConnect(a, b);
  const sockets: TestSocket[] = [];
  const closeSockets = () => {
    for (const socket of sockets.splice(0)) socket.close();
  };
  return {
    redis,
    a,
    b,
    connect: async (api, user, opts = {}) => {
      const socket = await connectSocket(api.url, { token: user?.token, ...opts });
      sockets.push(socket);
      return socket;
    },
    join: async (socket, room, lastEventSeq) => {
      const reply = await socket.send<JoinReply>(ClientCommand.Join, { room, lastEventSeq });
      if (!reply.ok) throw new Error(`join ${room}: ${JSON.stringify(reply.error)}`);
      return reply;
    },
    closeSockets,
    close: async () => {
      closeSockets();
      await a.close();
      await b.close();
      await redis.stop();
    },
  };
}

/**
 * The Redis streams adapter reads from "$" until it has seen an entry: a broadcast published between two of
 * an idle instance's reads (they time out every few seconds) is not delivered to it. A running deployment
 * leaves that state with its first heartbeat; a test that starts two instances and broadcasts at once can
 * fall into it, so each instance's first broadcasts are sent until the other receives one.
 */
async function untilStreamsConnect(a: TestApp, b: TestApp): Promise<void> {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ]) {
    const listener = await connectSocket(to.url);
    try {
      const heard = new Promise<void>((resolve) => listener.socket.once('parley:warm-up', () => resolve()));
      const server = from.app.get(SocketServerRef).get();
      if (!server) throw new Error('no socket.io server on the instance');
      // An event outside the protocol's map, so no client code ever handles it.
      const emit = server.emit.bind(server) as (event: string) => boolean;
      const timer = setInterval(() => emit('parley:warm-up'), 100);
      await heard.finally(() => clearInterval(timer));
    } finally {
      listener.close();
    }
  }
}
