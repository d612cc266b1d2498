/**
 * Group commit per key: one flush runs at a time for a key, and everything submitted for that key while it runs
 * is flushed together by the next one, in submission order. N writers racing for one hot record (a forum's
 * counters, a room's event log) then cost one write per flush instead of one write each, queued behind each
 * other. With one writer at a time nothing waits: a lone item is flushed at once, alone.
 *
 * Measured on FerretDB (bench:http, docs/benchmarks.md): every reply in a forum wrote the forum room's event
 * counter and log entry one after another, which capped publishing at about ten replies a second whatever the
 * concurrency. In-process only, like SerialQueue: it batches this instance's writers.
 */
export class GroupCommit<T, R> {
  private readonly queues = new Map<string, Waiting<T, R>[]>();

  /**
   * `flush(key, items)` stores the items in one go and answers one result per item, in order; when it throws,
   * every item of that flush fails with its error (the next flush still runs).
   */
  constructor(
    private readonly flush: (key: string, items: T[]) => Promise<R[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      try {
        const results = await this.flush(
          key,
          batch.map((waiting) => waiting.item),
        );
        batch.forEach((waiting, i) => waiting.resolve(results[i]));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.queues.delete(key);
  }
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}
