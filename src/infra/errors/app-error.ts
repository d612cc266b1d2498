import { statusOf, type ErrorBody, type ErrorCode } from './error-code';

/** Domain code throws these; infra/errors maps them to HTTP and socket answers with one body shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusOf[this.code];
  }

  toBody(requestId?: string): ErrorBody {
    const body: ErrorBody = { statusCode: this.status, code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    if (requestId) body.requestId = requestId;
    return body;
  }
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

export class ValidationFailed extends AppError {
  constructor(fields: FieldProblem[]) {
    super('validation_failed', `Invalid ${fields.map((f) => f.field).join(', ') || 'input'}`, { fields });
  }
}

export class NotFound extends AppError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', message);
  }
}
