import { ModulesContainer } from '@nestjs/core';
import { GATEWAY_METADATA, MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';
import type { TestApp } from './start-app';

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every HTTP route the running application answers, as `METHOD path` with the router's own parameter
 * syntax (`GET /api/topics/:id`): Nest's controllers and whatever else is mounted on Express (the OpenAPI
 * UI). Middleware that Nest mounts as an all-methods route (the request logger) is left out.
 */
export function httpRoutesOf(api: TestApp): string[] {
  const express = api.app.getHttpAdapter().getInstance() as {
    router?: { stack: RouterLayer[] };
    _router?: { stack: RouterLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = new Set<string>();
  for (const { route } of stack) {
    if (!route) continue;
    const methods = Object.keys(route.methods).filter((method) => route.methods[method]);
    // A real route answers one method (two with HEAD); `app.all` and middleware mounts list them all.
    if (methods.length > 2) continue;
    for (const method of methods) {
      if (method !== 'head') routes.add(`${method.toUpperCase()} ${route.path}`);
    }
  }
  return [...routes].sort();
}

/** Every socket command a gateway of the running application subscribes to. */
export function socketCommandsOf(api: TestApp): string[] {
  const commands = new Set<string>();
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype;
      if (typeof type !== 'function' || Reflect.getMetadata(GATEWAY_METADATA, type) !== true) continue;
      const prototype = type.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (
          typeof handler !== 'function' ||
          Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler) !== true
        ) {
          continue;
        }
        commands.add(String(Reflect.getMetadata(MESSAGE_METADATA, handler)));
      }
    }
  }
  return [...commands].sort();
}
