import { ClientCommand, type JoinReply } from '../../src/realtime/socket-protocol';
import { startRedis, type RedisServer } from './redis-server';
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
