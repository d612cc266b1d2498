import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AppError } from './app-error';
import type { ErrorCode } from './error-code';

const DATABASE_DOWN = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/**
 * The one socket error the driver passes on unwrapped: writing a command to a connection the server has just
 * closed fails with a plain EPIPE ("This socket has been ended by the other party"), seen when the engine is
 * killed under load. Nothing else a request does writes to a socket that could fail this way (Redis has its
 * own error classes; the client's own socket never throws into a handler).
 */
const SOCKET_GONE = new Set(['EPIPE']);

const statusCodes: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'database_unavailable',
};

const CLIENT_BODY_ERRORS = new Set([
  'request.aborted',
  'request.size.invalid',
  'encoding.unsupported',
  'charset.unsupported',
  'parameters.too.many',
]);

/** Turns anything thrown (ours, Nest's, body-parser's, the driver's) into an AppError; unknown ones become 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ThrottlerException)
    return new AppError('rate_limited', 'Too many requests, slow down');
  if (isDatabaseDown(error))
    return new AppError('database_unavailable', 'The database is unavailable, try again shortly');
  if (error instanceof HttpException) return fromHttpException(error);
  const parserError = error as { type?: string; status?: number; limit?: number };
  if (parserError?.type === 'entity.parse.failed')
    return new AppError('malformed_json', 'The request body is not valid JSON');
  if (parserError?.type === 'entity.too.large') {
    return new AppError('payload_too_large', `The request body is larger than ${parserError.limit} bytes`);
  }
  // The client's fault, not ours: an upload that stopped (or was cut off as too slow), a wrong length, an
  // encoding or charset the parsers do not read, too many form fields.
  if (parserError?.type && CLIENT_BODY_ERRORS.has(parserError.type))
    return new AppError('bad_request', 'The request body could not be read');
  return new AppError('internal_error', 'Something went wrong on our side');
}

function fromHttpException(error: HttpException): AppError {
  const status = error.getStatus();
  const cause = error.cause as { type?: string } | undefined;
  if (cause?.type === 'entity.parse.failed')
    return new AppError('malformed_json', 'The request body is not valid JSON');
  const code = statusCodes[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
  const response = error.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : String((response as { message?: unknown }).message ?? error.message);
  return new AppError(code, status >= 500 ? 'Something went wrong on our side' : message);
}

export function isDatabaseDown(error: unknown): boolean {
  let current = error as { name?: string; code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current.name && DATABASE_DOWN.has(current.name)) return true;
    if (typeof current.code === 'string' && SOCKET_GONE.has(current.code)) return true;
    if (current.name === 'MongooseServerSelectionError') return true;
    current = current.cause as typeof current;
  }
  return false;
}
