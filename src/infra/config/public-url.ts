import type { AppConfig } from './app-config';

/** Links in mail are absolute: PUBLIC_URL, or (set by main.ts and the test harness) the server's own address. */
export function publicBaseUrl(config: AppConfig): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
