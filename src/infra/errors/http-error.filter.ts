import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toAppError } from './to-app-error';

/** The single place where HTTP failures become `{ statusCode, code, message, details? }`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const error = toAppError(exception);
    if (error.status >= 500) {
      const err = exception as Error;
      this.logger.error(
        { requestId: request.id, err: { name: err?.name, message: err?.message, stack: err?.stack } },
        `unhandled ${error.code} on ${request.method} ${request.route?.path ?? 'unmatched'}`,
      );
    }
    if (response.headersSent) return;
    if (error.code === 'rate_limited') response.setHeader('Retry-After', retryAfter(error.details, response));
    response.status(error.status).json(error.toBody(request.id));
  }
}

/** Seconds to wait: what the limiter said in `details.retryAfterSeconds`, else the throttler's own header, else 60. */
function retryAfter(details: unknown, response: Response): string {
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof seconds === 'number' && seconds > 0) return String(Math.ceil(seconds));
  const set = response.getHeader('Retry-After');
  return set !== undefined ? String(set) : '60';
}
