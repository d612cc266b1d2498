import mongoose from 'mongoose';

/** Start-up retry with exponential backoff (0.5 s doubling to 10 s), one clear log line per failed try. */
export async function waitForDatabase(
  uri: string,
  log: (message: string) => void,
  options: { maxAttempts?: number; timeoutMs?: number } = {},
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  let delay = 500;
  for (let attempt = 1; ; attempt += 1) {
    const connection = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: options.timeoutMs ?? 3000,
    });
    try {
      await connection.asPromise();
      await connection.db?.admin().ping();
      return;
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
      log(
        `database: unreachable at ${redactUri(uri)} (${(error as Error).message}); retry ${attempt} in ${delay} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
}

export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
