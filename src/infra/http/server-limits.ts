import type { Server } from 'node:http';
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
  const body = JSON.stringify(appError.toBody());
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
  socket.end(
    `HTTP/1.1 ${appError.status} ${reason[appError.status as keyof typeof reason]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
