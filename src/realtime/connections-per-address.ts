import type { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import type { ParleySocket } from './socket-data';

/**
 * At most SOCKETS_PER_ADDRESS open socket.io connections per client address on this instance. A socket.io
 * middleware: the refused client gets `connect_error` with `data` = the REST error body (429
 * `too_many_connections`), and, since the server refused it, socket.io-client does not retry by itself.
 *
 * Counted per transport connection and released when that connection closes, whatever closed it (a later
 * middleware refusing the handshake included), so the count cannot leak.
 */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();
  private readonly counted = new WeakSet<object>();

  constructor(private readonly config: Pick<AppConfig, 'SOCKETS_PER_ADDRESS' | 'TRUST_PROXY'>) {}

  readonly middleware = (socket: ParleySocket, next: (error?: Error) => void): void => {
    const connection = socket.conn;
    if (this.counted.has(connection)) return next();
    const address = clientAddress(socket, this.config.TRUST_PROXY);
    const count = this.open.get(address) ?? 0;
    if (count >= this.config.SOCKETS_PER_ADDRESS) {
      const error = new AppError(
        'too_many_connections',
        `Too many live connections from your address (at most ${this.config.SOCKETS_PER_ADDRESS}): close a tab`,
      );
      return next(Object.assign(new Error(error.message), { data: error.toBody() }));
    }
    this.open.set(address, count + 1);
    this.counted.add(connection);
    connection.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
    next();
  };

  /** Open connections from an address; for tests and metrics. */
  countOf(address: string): number {
    return this.open.get(address) ?? 0;
  }
}

/** Behind the TLS proxy (TRUST_PROXY), the address the proxy appended, as Express's `trust proxy 1` reads it. */
export function clientAddress(socket: ParleySocket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) {
    const hops = forwarded.split(',');
    return hops[hops.length - 1].trim();
  }
  return socket.handshake.address;
}
