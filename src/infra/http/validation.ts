import { ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
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

export const createValidationPipe = () => new ValidationPipe(validationOptions);
