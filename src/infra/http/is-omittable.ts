import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The property may be left out of the request. Unlike class-validator's `IsOptional`, an explicit `null` is not
 * "left out": it is validated like any other value, so `{ "email": null }` answers 400 instead of reaching a
 * service typed `string | undefined` (PATCH /api/me answered 500 to it). Where null means something, the rules say
 * so (`@IsIn(['warn', 'review', 'mask', null])`: inherit the forum's policy).
 */
export const IsOmittable = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, options);
