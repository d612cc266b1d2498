import {
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { ValidationFailed, type FieldProblem } from '../errors/app-error';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return own.concat(flatten(error.children ?? [], field));
  });
}

/** Shared by the HTTP pipe and the socket gateway so both answer validation errors the same way. */
export const validationOptions: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  forbidUnknownValues: true,
  exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
};

/**
 * Deepest nesting a payload may have. Our DTOs nest three levels at most; class-transformer and class-validator
 * recurse once per level, and a few thousand levels (a 20 KB body) overflow the stack: that was a 500.
 */
export const MAX_PAYLOAD_DEPTH = 16;

/** Nesting depth of a parsed JSON value, counted without recursion (so it cannot overflow itself). */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The one validation pipe: the options above, and payloads nested deeper than MAX_PAYLOAD_DEPTH refused first. */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super(validationOptions);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom' && depthExceeds(value, MAX_PAYLOAD_DEPTH)) {
      throw new ValidationFailed([
        { field: metadata.type, messages: [`nested more than ${MAX_PAYLOAD_DEPTH} levels deep`] },
      ]);
    }
    return super.transform(value, metadata);
  }
}

export const createValidationPipe = () => new AppValidationPipe();
