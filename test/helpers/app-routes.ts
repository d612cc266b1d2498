import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_POLICY, type AccessPolicy } from '../../src/auth/access-policy';

/*
 * Nest's declaration of each controller route (its DTO classes, success status and access policy). What the
 * Express router really serves is listed by route-table.ts (`httpRoutesOf`).
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface AppRoute {
  method: HttpMethod;
  /** Express-style path with the global prefix, e.g. `/api/topics/:id`. */
  path: string;
  /** `TopicsController.reply` */
  name: string;
  policy: AccessPolicy | undefined;
  /** The status Nest answers on success (`@HttpCode`, else 201 for POST and 200 otherwise). */
  successStatus: number;
  body?: new () => object;
  query?: new () => object;
  params?: new () => object;
}

const METHODS: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** Routes excluded from the `api` prefix in app.factory. */
const UNPREFIXED = new Set(['metrics', 'media']);

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');

const firstPath = (value: unknown): string => (Array.isArray(value) ? String(value[0]) : String(value ?? ''));

/** Every controller route of the running application, read from Nest's metadata. */
export function appRoutes(app: NestExpressApplication): AppRoute[] {
  const reflector = app.get(Reflector);
  const routes: AppRoute[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (typeof type !== 'function' || seen.has(type)) continue;
      seen.add(type);
      const base = firstPath(Reflect.getMetadata(PATH_METADATA, type));
      for (const key of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (requestMethod === undefined) continue;
        const method = METHODS[requestMethod];
        if (!method) throw new Error(`${type.name}.${key}: unexpected request method ${requestMethod}`);
        const relative = join(base, firstPath(Reflect.getMetadata(PATH_METADATA, handler)));
        const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        routes.push({
          method,
          path: UNPREFIXED.has(relative.split('/')[1]) ? relative : join('api', relative),
          name: `${type.name}.${key}`,
          policy: reflector.getAllAndOverride<AccessPolicy>(ACCESS_POLICY, [handler, type]),
          successStatus: code ?? (method === 'post' ? 201 : 200),
          ...argumentTypes(type, key),
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function argumentTypes(type: new (...args: never[]) => object, key: string) {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, key) ?? {}) as Record<
    string,
    { index: number }
  >;
  const paramTypes = (Reflect.getMetadata('design:paramtypes', type.prototype, key) ?? []) as unknown[];
  const found: Pick<AppRoute, 'body' | 'query' | 'params'> = {};
  const slots: Partial<Record<number, keyof typeof found>> = {
    [RouteParamtypes.BODY]: 'body',
    [RouteParamtypes.QUERY]: 'query',
    [RouteParamtypes.PARAM]: 'params',
  };
  for (const [slot, { index }] of Object.entries(args)) {
    const kind = slots[Number(slot.split(':')[0])];
    const dto = paramTypes[index];
    // Only validated classes count: `@Param('id') id: string` has no DTO.
    if (kind && typeof dto === 'function' && ![String, Number, Boolean, Object].includes(dto as never)) {
      found[kind] = dto as new () => object;
    }
  }
  return found;
}

/** `/api/topics/:id` → `/api/topics/{id}`, as OpenAPI writes it. */
export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
