import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsMongoId, Max, Min } from 'class-validator';
import { IsOmittable } from './is-omittable';

/**
 * The query fields every paginated list shares, written once: `limit` (1 to 100), a cursor that is an `_id`,
 * and cursors that are sequence numbers (`after` from 0, `before` from 1).
 */
export function PageLimit(fallback: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 100, default: fallback }),
    IsOmittable(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
  );
}

export function IdCursor(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'nextCursor of the previous page' }),
    IsOmittable(),
    IsMongoId(),
  );
}

export function SeqCursor(lowest: 0 | 1, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, minimum: lowest }),
    IsOmittable(),
    Type(() => Number),
    IsInt(),
    Min(lowest),
  );
}
