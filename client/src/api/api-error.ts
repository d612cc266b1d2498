/** The server's one error shape: `{ statusCode, code, message, details? }`. Branch on `code`, never on `message`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(body: ErrorBody): ApiError {
    return new ApiError(body.statusCode, body.code, body.message, body.details);
  }
}

/** Words a person understands for any failure, so nothing needs the console. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'validation_failed') return validationText(error) ?? error.message;
    // Slow mode says when to try again; the generic throttler does not.
    if (error.code === 'rate_limited')
      return error.details ? error.message : 'You are doing that too often. Wait a moment and try again.';
    if (error.code === 'unauthenticated') return 'Please sign in to do that.';
    if (error.code === 'network_error')
      return 'The server cannot be reached. Check your connection and retry.';
    if (error.status >= 500) return 'Something went wrong on the server. Please try again in a moment.';
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

function validationText(error: ApiError): string | null {
  const details = error.details as { fields?: { field: string; messages: string[] }[] } | undefined;
  const fields = Array.isArray(details) ? (details as { messages: string[] }[]) : details?.fields;
  if (!fields || fields.length === 0) return null;
  return fields.flatMap((field) => field.messages).join('; ');
}
