import { ApiError, type ErrorBody } from './api-error';

const CSRF_COOKIE = 'parley_csrf';
const CSRF_HEADER = 'X-CSRF-Token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Set for the refresh call itself, so a failed refresh does not try to refresh again. */
  noRefresh?: boolean;
}

function readCookie(name: string): string | null {
  const match = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

/**
 * Whether this browser holds a session at all: the readable CSRF cookie lives exactly as long as the session's
 * refresh cookie, so without it there is nothing to ask `/api/me` about (and no 401 to log on every page).
 */
export function hasSessionCookie(): boolean {
  return readCookie(CSRF_COOKIE) !== null;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  // Double-submit CSRF: the cookie is readable by this page only, and the server compares it with the header.
  const csrf = readCookie(CSRF_COOKIE);
  if (!SAFE.has(method) && csrf) headers[CSRF_HEADER] = csrf;
  try {
    return await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server cannot be reached');
  }
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: parallel 401s wait for the same rotation instead of racing the refresh cookie. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= send('POST', '/api/auth/refresh', { noRefresh: true })
    .then((res) => res.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (res.ok) return body as T;
  const error = body as Partial<ErrorBody> | undefined;
  throw ApiError.fromBody({
    statusCode: res.status,
    code: error?.code ?? 'internal_error',
    message: error?.message ?? `The server answered ${res.status}`,
    details: error?.details,
  });
}

/** JSON over fetch with the session cookies; an expired access token is refreshed once, then the call repeats. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, options);
  if (res.status === 401 && !options.noRefresh && readCookie(CSRF_COOKIE) && (await refreshSession())) {
    res = await send(method, path, options);
  }
  return parse<T>(res);
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
};
