import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import type { Duplex } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';

/**
 * Limits on the HTTP server itself, below Express: a client that sends its request line and headers a byte at a
 * time (slow loris) or trickles its body is answered 408 and disconnected once HTTP_HEADERS_TIMEOUT_MS /
 * HTTP_REQUEST_TIMEOUT_MS have passed, instead of holding a connection for Node's defaults (60 s, 5 min).
 * Call before listen: Node reads the checking interval when the server starts listening.
 */
export function applyServerLimits(server: Server, config: AppConfig): void {
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  limitOpenConnections(server, config);
  // How often Node looks for connections past those deadlines (default 30 s): a cut-off comes at most this late.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1000,
    Math.ceil(config.HTTP_HEADERS_TIMEOUT_MS / 2),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
    answerClientError(error, socket, config),
  );
}

/**
 * Node's headers timeout only starts at a request's first byte, so a connection that never sends one was held
 * for ever (an outside probe counted 300 s). Here every connection must complete its first request head within
 * HTTP_HEADERS_TIMEOUT_MS of opening, or is answered 408 and closed; later requests on a kept-alive connection
 * are bounded by HTTP_KEEP_ALIVE_TIMEOUT_MS (idle) and Node's own headers timeout. Past HTTP_MAX_CONNECTIONS
 * open connections a new one is answered 503 server_busy and closed, rather than silently dropped as Node's
 * maxConnections does.
 */
function limitOpenConnections(server: Server, config: AppConfig): void {
  const open = new Set<Socket>();
  const firstRequest = new WeakMap<Socket, NodeJS.Timeout>();
  const started = (socket: Socket) => {
    clearTimeout(firstRequest.get(socket));
    firstRequest.delete(socket);
  };
  server.on('connection', (socket: Socket) => {
    if (open.size >= config.HTTP_MAX_CONNECTIONS) {
      writeError(
        socket,
        new AppError('server_busy', 'The server has too many open connections, try again shortly'),
      );
      return;
    }
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      started(socket);
    });
    const timer = setTimeout(
      () =>
        answerClientError(
          Object.assign(new Error('no request'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
          socket,
          config,
        ),
      config.HTTP_HEADERS_TIMEOUT_MS,
    );
    timer.unref();
    firstRequest.set(socket, timer);
  });
  server.on('request', (req: { socket: Socket }) => started(req.socket));
  server.on('upgrade', (req: { socket: Socket }) => started(req.socket));
}

/**
 * What Node would answer to a request it could not read (timeout, oversized or malformed headers), but in the
 * API's error shape. Nothing is written when a response to this connection has already started.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, config: AppConfig): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const appError =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new AppError(
          'request_timeout',
          `The request did not arrive in time: headers within ${config.HTTP_HEADERS_TIMEOUT_MS} ms, ` +
            `the whole request within ${config.HTTP_REQUEST_TIMEOUT_MS} ms`,
        )
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new AppError('headers_too_large', 'The request headers are too large')
        : new AppError('bad_request', 'The request is not valid HTTP');
  writeError(socket, appError);
}

/** An answer in the API's error shape written straight to the connection, which is then closed. */
function writeError(socket: Duplex, appError: AppError): void {
  const body = JSON.stringify(appError.toBody());
  const reason = {
    400: 'Bad Request',
    408: 'Request Timeout',
    431: 'Request Header Fields Too Large',
    503: 'Service Unavailable',
  };
  socket.end(
    `HTTP/1.1 ${appError.status} ${reason[appError.status as keyof typeof reason]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** BODY_LIMIT ("256kb", "1mb", "512b", as the config validates it) in bytes, counted as body-parser counts. */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/.exec(limit);
  if (!match) throw new Error(`not a size: ${limit}`);
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2] as 'b' | 'kb' | 'mb'];
}

/**
 * A body announced larger than the limit (Content-Length) is refused before any of it is read, and the
 * connection is closed after the answer. Otherwise body-parser reads the whole body to throw it away before it
 * answers 413 (so the connection can serve another request): a client sending 1 MB bodies back to back made
 * the server read them all, and other readers got a third of their rate (bench:abuse). A chunked body, whose
 * size is not announced, is still counted by body-parser as it arrives.
 */
export function refuseAnnouncedOversize(limitBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const announced = Number(req.headers['content-length']);
    if (!(announced > limitBytes)) return next();
    res.setHeader('Connection', 'close');
    next(new AppError('payload_too_large', `The request body is larger than ${limitBytes} bytes`));
  };
}
