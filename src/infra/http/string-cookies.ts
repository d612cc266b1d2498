import { parse } from 'cookie';
import type { NextFunction, Request, Response } from 'express';

/**
 * Cookies as strings, never anything else. cookie-parser turns a value starting with `j:` into parsed JSON, so
 * `parley_rt=j:{"$ne":null}` reached the session code as an object and answered 500; the `cookie` package
 * (the parser Express itself uses) only ever yields strings, and a malformed percent-escape stays as sent.
 */
export function stringCookies(req: Request, _res: Response, next: NextFunction): void {
  const header = req.headers.cookie;
  req.cookies = typeof header === 'string' && header ? parse(header) : {};
  next();
}

/** One cookie, if it is a non-empty string (the only shape stringCookies stores). */
export function cookieOf(req: Request, name: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value ? value : undefined;
}
