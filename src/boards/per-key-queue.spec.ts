import { PerKeyQueue } from './per-key-queue';

describe(PerKeyQueue.name, () => {
  it('runs tasks of one key one after another, in order, even when one fails', async () => {
    const queue = new PerKeyQueue();
    const order: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        order.push(`start ${name}`);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('a', task('1')),
      queue.run('a', task('2', true)),
      queue.run('a', task('3')),
    ]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets different keys run side by side', async () => {
    const queue = new PerKeyQueue();
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
