import { SerialQueue } from './serial-queue';

describe('SerialQueue', () => {
  it('runs work for one key one at a time, in call order', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const step = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    const results = await Promise.all([queue.run('a', step('1', 20)), queue.run('a', step('2', 1))]);
    expect(results).toEqual(['1', '2']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('keeps going after a failure and lets other keys run alongside', async () => {
    const queue = new SerialQueue();
    const failed = queue.run('a', () => Promise.reject(new Error('boom')));
    const after = queue.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(after).resolves.toBe('ok');
    await expect(queue.run('b', async () => 'b')).resolves.toBe('b');
  });

  it('lets different keys run side by side', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const blocked = queue.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await queue.run('b', async () => {
      order.push('b ran while a waits');
    });
    release();
    await blocked;
    expect(order).toEqual(['b ran while a waits']);
  });
});
