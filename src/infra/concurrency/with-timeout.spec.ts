import { withTimeout } from './with-timeout';

describe(withTimeout.name, () => {
  it('passes on an answer that comes in time', async () => {
    await expect(withTimeout(Promise.resolve('PONG'), 1000)).resolves.toBe('PONG');
  });

  it('passes on a failure that comes in time', async () => {
    await expect(withTimeout(Promise.reject(new Error('offline')), 1000)).rejects.toThrow('offline');
  });

  it('rejects when no answer comes, and a late failure is not left unhandled', async () => {
    let fail!: (error: Error) => void;
    const hung = new Promise<string>((_, reject) => (fail = reject));
    await expect(withTimeout(hung, 10)).rejects.toThrow('no answer within 10 ms');
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    fail(new Error('connection reset'));
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', record);
    expect(unhandled).toEqual([]);
  });
});
