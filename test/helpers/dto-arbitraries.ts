import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';

// class-transformer keeps @Type() metadata in a storage its package index does not export.
type TransformerStorage = typeof import('class-transformer/types/storage');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = require('class-transformer/cjs/storage') as TransformerStorage;
const { defaultMetadataStorage } = transformerStorage;

/**
 * fast-check arbitraries derived from class-validator metadata, so that a new DTO (or a new rule on an old one)
 * is fuzzed without writing a generator for it. A rule this file does not know makes the generator throw: teach
 * it the rule instead of letting the DTO go unfuzzed.
 */

export type DtoClass = new () => object;
export type Where = 'body' | 'query' | 'params' | 'socket';

interface Rule {
  name: string;
  constraints: unknown[];
  each: boolean;
}

export interface PropertyRules {
  name: string;
  optional: boolean;
  rules: Rule[];
  /** `@ValidateNested` with `@Type(() => X)`: the nested DTO. */
  nested?: DtoClass;
  nestedEach?: boolean;
}

interface RawMetadata {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

const storage = getMetadataStorage() as unknown as {
  getTargetValidationMetadatas(
    target: DtoClass,
    schema: string,
    always: boolean,
    strict: boolean,
  ): RawMetadata[];
};

/** The class-validator rules of a DTO, grouped by property (inherited and mapped-type rules included). */
export function rulesOf(dto: DtoClass): PropertyRules[] {
  const byName = new Map<string, PropertyRules>();
  for (const meta of storage.getTargetValidationMetadatas(dto, '', true, false)) {
    const property = byName.get(meta.propertyName) ?? { name: meta.propertyName, optional: false, rules: [] };
    byName.set(meta.propertyName, property);
    if (meta.type === 'conditionalValidation') {
      // @IsOmittable, @IsOptional or a @ValidateIf: the property may be left out (the pipe decides the rest).
      property.optional = true;
    } else if (meta.type === 'nestedValidation') {
      const type = defaultMetadataStorage.findTypeMetadata(dto, meta.propertyName);
      if (!type) throw new Error(`${dto.name}.${meta.propertyName}: @ValidateNested without @Type`);
      property.nested = type.typeFunction() as DtoClass;
      property.nestedEach = meta.each === true;
    } else if (meta.type === 'customValidation' && meta.name) {
      property.rules.push({ name: meta.name, constraints: meta.constraints ?? [], each: meta.each === true });
    } else {
      throw new Error(`${dto.name}.${meta.propertyName}: unknown validation metadata ${meta.type}`);
    }
  }
  return [...byName.values()];
}

const rule = (property: PropertyRules, name: string) => property.rules.find((r) => r.name === name);
const num = (property: PropertyRules, name: string) =>
  rule(property, name)?.constraints[0] as number | undefined;

/** Length bounds: @Length(min, max), @MinLength, @MaxLength. */
function lengthOf(property: PropertyRules): { min: number; max: number | undefined } {
  const length = rule(property, 'isLength');
  return {
    min: (length?.constraints[0] as number | undefined) ?? num(property, 'minLength') ?? 0,
    max: (length?.constraints[1] as number | undefined) ?? num(property, 'maxLength'),
  };
}

/** Hex, not random bytes: the same arbitrary makes path ids and body ids. */
export const mongoId = () => fc.stringMatching(/^[0-9a-f]{24}$/);

/** A valid value for one element (the value itself, or one item of an `each` rule). */
function elementValue(dto: DtoClass, property: PropertyRules): fc.Arbitrary<unknown> {
  const names = new Set(property.rules.map((r) => r.name));
  const isIn = rule(property, 'isIn');
  if (isIn) return fc.constantFrom(...(isIn.constraints[0] as unknown[]));
  if (names.has('isBoolean')) return fc.boolean();
  if (names.has('isInt')) {
    return fc.integer({ min: num(property, 'min') ?? -1_000_000, max: num(property, 'max') ?? 1_000_000 });
  }
  if (names.has('isMongoId')) return mongoId();
  if (names.has('isUuid')) return fc.uuid({ version: 4 });
  if (names.has('isEmail')) return fc.stringMatching(/^[a-z][a-z0-9]{0,15}@[a-z]{1,12}\.(test|example)$/);
  if (names.has('isIso8601') || names.has('isDateString')) {
    // In the future: restrictions "until" a time must end after now.
    return fc
      .integer({ min: Date.now() + 86_400_000, max: Date.UTC(2100, 0, 1) })
      .map((time) => new Date(time).toISOString());
  }
  const matches = rule(property, 'matches');
  const { min, max } = lengthOf(property);
  if (matches) {
    const pattern = matches.constraints[0] as RegExp;
    return fc
      .stringMatching(pattern, { size: 'small' })
      .filter((s) => s.length >= min && (max === undefined || s.length <= max));
  }
  if (names.has('isString')) {
    const short = fc.string({ minLength: min, maxLength: Math.min(max ?? 60, min + 60), unit: 'grapheme' });
    // Non-blank: a whitespace-only body is a different (valid, but dull) case.
    return max !== undefined && max > min + 60
      ? fc.oneof({ arbitrary: short, weight: 4 }, { arbitrary: fc.constant('y'.repeat(max)), weight: 1 })
      : short;
  }
  throw new Error(
    `${dto.name}.${property.name}: no generator for rules ${[...names].join(', ') || '(none)'}`,
  );
}

function arrayBounds(property: PropertyRules) {
  return {
    minLength: num(property, 'arrayMinSize') ?? 0,
    maxLength: Math.min(num(property, 'arrayMaxSize') ?? 4, 4),
  };
}

function propertyValue(dto: DtoClass, property: PropertyRules, where: Where): fc.Arbitrary<unknown> {
  if (property.nested) {
    const inner = validDto(property.nested, where);
    if (!property.nestedEach) return inner;
    const bounds = arrayBounds(property);
    return fc.array(inner, {
      minLength: Math.max(1, bounds.minLength),
      maxLength: Math.max(1, bounds.maxLength),
    });
  }
  const each = property.rules.some((r) => r.each) || rule(property, 'isArray');
  const element = elementValue(dto, property);
  if (!each) return element;
  const bounds = arrayBounds(property);
  return rule(property, 'arrayUnique') ? fc.uniqueArray(element, bounds) : fc.array(element, bounds);
}

/** Values that pass the DTO's validation (the route may still refuse them: unknown ids, conflicts …). */
export function validDto(dto: DtoClass, where: Where = 'body'): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const property of rulesOf(dto)) {
    shape[property.name] = propertyValue(dto, property, where);
    if (!property.optional) required.push(property.name);
  }
  return fc.record(shape, { requiredKeys: required }).map((value) => asSent(value, where));
}

/** A query string or path carries text: numbers are sent as their decimal form. */
function asSent(value: Record<string, unknown>, where: Where): Record<string, unknown> {
  if (where !== 'query' && where !== 'params') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

export interface Mutation {
  /** What was broken, for the failure message. */
  why: string;
  value: Record<string, unknown>;
}

/** Values for one property that break exactly one of its rules. */
function violations(dto: DtoClass, property: PropertyRules, where: Where): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const names = new Set(property.rules.map((r) => r.name));
  const text = where === 'query' || where === 'params';
  const { min, max } = lengthOf(property);
  if (property.nested) {
    out.push(['a string instead of an object', 'not-an-object']);
    if (!text) out.push(['a number instead of an object', 7]);
    const inner = rulesOf(property.nested)[0];
    if (inner) {
      const bad = violations(property.nested, inner, where)[0];
      const item = { [inner.name]: bad[1] };
      out.push([`nested ${inner.name}: ${bad[0]}`, property.nestedEach ? [item] : item]);
    }
    if (property.nestedEach) out.push(['an object instead of a list', { start: 1, end: 2 }]);
    return out;
  }
  const each = property.rules.some((r) => r.each) || names.has('isArray');
  const wrap = (value: unknown) => (each ? [value] : value);
  if (names.has('isString') || names.has('matches') || names.has('isEmail')) {
    if (!text) out.push(['a number instead of text', wrap(12345)]);
    if (max !== undefined) out.push([`longer than ${max}`, wrap('z'.repeat(max + 1))]);
    if (min > 0) out.push([`shorter than ${min}`, wrap('z'.repeat(min - 1))]);
  }
  const matches = rule(property, 'matches');
  if (matches) {
    const pattern = matches.constraints[0] as RegExp;
    const bad = ['UPPER case!', 'line\nbreak', '../..', '$where', ' '].find((s) => !pattern.test(s));
    if (bad) out.push([`not matching ${pattern}`, wrap(bad)]);
  }
  if (names.has('isEmail')) out.push(['not an email', wrap('no-at-sign')]);
  if (names.has('isInt')) {
    out.push(['a fraction', wrap(text ? '1.5' : 1.5)]);
    out.push(['text instead of a number', wrap('seven')]);
    const low = num(property, 'min');
    const high = num(property, 'max');
    if (low !== undefined) out.push([`below ${low}`, wrap(text ? String(low - 1) : low - 1)]);
    if (high !== undefined) out.push([`above ${high}`, wrap(text ? String(high + 1) : high + 1)]);
    if (!text) out.push(['a numeric string', wrap('3')]);
  }
  if (names.has('isBoolean')) out.push(['a string instead of a boolean', wrap('true')]);
  if (names.has('isIn')) out.push(['not one of the choices', wrap('not-a-choice')]);
  if (names.has('isMongoId')) out.push(['not an object id', wrap('zzzzzzzzzzzzzzzzzzzzzzzz')]);
  if (names.has('isUuid')) out.push(['not a UUID', wrap('not-a-uuid')]);
  if (names.has('isIso8601') || names.has('isDateString')) out.push(['not a date', wrap('next tuesday')]);
  if (each && !text) {
    out.push(['one value instead of a list', 'single']);
    const high = num(property, 'arrayMaxSize');
    if (high !== undefined)
      out.push([`more than ${high} items`, Array.from({ length: high + 1 }, (_, i) => `v${i}`)]);
    const low = num(property, 'arrayMinSize');
    if (low !== undefined && low > 0) out.push([`fewer than ${low} items`, []]);
  }
  if (out.length === 0)
    throw new Error(`${dto.name}.${property.name}: no way to break rules ${[...names].join(', ')}`);
  return out;
}

/** A valid value with exactly one thing wrong: one broken rule, one missing required property, or one unknown property. */
export function nearValidDto(dto: DtoClass, where: Where = 'body'): fc.Arbitrary<Mutation> {
  const properties = rulesOf(dto);
  const options: Array<fc.Arbitrary<(value: Record<string, unknown>) => Mutation>> = [
    fc.constant((value: Record<string, unknown>) => ({
      why: 'an unknown property',
      value: { ...value, unexpectedField: 'x' },
    })),
  ];
  for (const property of properties) {
    const broken = violations(dto, property, where);
    options.push(
      fc.constantFrom(...broken).map(([why, bad]) => (value: Record<string, unknown>) => ({
        why: `${property.name}: ${why}`,
        value: { ...value, [property.name]: bad },
      })),
    );
    if (!property.optional) {
      options.push(
        fc.constant((value: Record<string, unknown>) => {
          const { [property.name]: _gone, ...rest } = value;
          return { why: `${property.name}: missing`, value: rest };
        }),
      );
    }
  }
  return fc.tuple(validDto(dto, where), fc.oneof(...options)).map(([value, mutate]) => mutate(value));
}

/** NoSQL operator objects: none may reach a query. */
export const OPERATOR_OBJECTS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*' },
  { $in: [] },
  { $expr: { $eq: [1, 1] } },
];

export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

/** Wrong-typed, oversized, deeply nested and operator values for one property of a JSON body or socket payload. */
export const HOSTILE_VALUES: Array<[string, unknown]> = [
  ['an empty object', {}],
  ['an empty list', []],
  ['a list of objects', [{ a: 1 }]],
  ['a boolean', true],
  ['a negative number', -1],
  ['a huge number', 1e308],
  ['a 100,000-character string', 'h'.repeat(100_000)],
  ['an object nested 64 deep', nested(64)],
  ['an object nested 2,000 deep', nested(2_000)],
  ['a list nested 2,500 deep', JSON.parse(`${'['.repeat(2_500)}${']'.repeat(2_500)}`)],
  ['null', null],
  ...OPERATOR_OBJECTS.map((op): [string, unknown] => [`operator ${JSON.stringify(op)}`, op]),
];

/**
 * Whole JSON bodies written as text, because a JS object literal cannot carry an own `__proto__` key:
 * prototype pollution attempts, bodies that are not objects, and deep nesting.
 */
export function hostileRawBodies(valid: Record<string, unknown>): Array<[string, string]> {
  const object = (value: Record<string, unknown>, extra: string) => {
    const fields = JSON.stringify(value).slice(1, -1);
    return `{${fields}${fields ? ',' : ''}${extra}}`;
  };
  const bodies: Array<[string, string]> = [
    ['__proto__ pollution', object(valid, '"__proto__":{"polluted":"yes","isAdmin":true}')],
    ['constructor.prototype pollution', object(valid, '"constructor":{"prototype":{"polluted":"yes"}}')],
    ['__proto__ alone', '{"__proto__":{"polluted":"yes","roles":["admin"]}}'],
    ['a JSON array body', `[${JSON.stringify(valid)}]`],
    ['a JSON string body', '"just a string"'],
    ['a JSON null body', 'null'],
    ['deep nesting (5,000 levels)', object(valid, `"deep":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`)],
    [
      'deep array nesting (20,000 levels)',
      object(valid, `"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    ],
  ];
  for (const key of Object.keys(valid)) {
    const { [key]: _replaced, ...rest } = valid;
    bodies.push([`__proto__ inside ${key}`, object(rest, `"${key}":{"__proto__":{"polluted":"yes"}}`)]);
  }
  return bodies;
}
