/**
 * Loaded into the server by bench:http when BENCH_DB_TRACE=<file> (`node --import tsx --import <this file>`):
 * turns on the MongoDB driver's command monitoring and, when the process exits, writes per command shape
 * (command, collection, filter keys) the count and the summed and mean round-trip time to <file> as JSON.
 * SIGUSR2 starts the tally afresh. Diagnostic only: where the database time of a request goes, next to the CPU
 * profile of the Node side.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface CommandEvent {
  requestId: number;
  commandName: string;
  command?: Record<string, unknown>;
}
interface Client {
  monitorCommands: boolean;
  on(event: string, listener: (event: CommandEvent) => void): void;
}

const load = createRequire(__filename);
const driver = load(load.resolve('mongodb', { paths: [load.resolve('mongoose')] })) as {
  MongoClient: { prototype: { connect(...args: unknown[]): unknown } };
  Collection: { prototype: Record<string, unknown> };
};
const out = process.env.BENCH_DB_TRACE ?? 'db-trace.json';
const shapes = new Map<string, { count: number; ms: number }>();
const started = new Map<number, { at: bigint; shape: string }>();
// BENCH_DB_TRACE_STACKS=1: also tally, per shape, the application frames that sent it (async stack traces).
if (process.env.BENCH_DB_TRACE_STACKS === '1') Error.stackTraceLimit = 40;
const stacks = process.env.BENCH_DB_TRACE_STACKS === '1' ? new Map<string, Map<string, number>>() : null;

function callerOf(): string {
  const frames = (new Error().stack ?? '').split('\n').filter((line) => /\/(dist|src)\//.test(line));
  return frames
    .slice(0, 4)
    .map((line) =>
      line
        .trim()
        .replace(/^at (async )?/, '')
        .replace(/\(.*\/(dist|src)\//, '('),
    )
    .join(' < ');
}

function shapeOf(event: CommandEvent): string {
  const cmd = (event.command ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const collection = cmd[event.commandName];
  const filter = cmd.filter ?? cmd.query ?? cmd.updates?.[0]?.q ?? cmd.deletes?.[0]?.q ?? {};
  const keys = typeof filter === 'object' && filter ? Object.keys(filter).sort().join(',') : '';
  const upsert = event.commandName === 'update' && cmd.updates?.[0]?.upsert ? ' upsert' : '';
  return `${event.commandName} ${typeof collection === 'string' ? collection : ''} {${keys}}${upsert}`;
}

if (stacks) {
  // Callers are tallied where the application calls the driver (commandStarted fires after the connection
  // checkout, where the stack is the driver's own), keyed "<method> <collection>".
  const methods = [
    'find',
    'findOne',
    'findOneAndUpdate',
    'updateOne',
    'updateMany',
    'insertOne',
    'insertMany',
  ];
  for (const method of methods) {
    const original = driver.Collection.prototype[method] as (...args: unknown[]) => unknown;
    driver.Collection.prototype[method] = function traced(
      this: { collectionName: string },
      ...args: unknown[]
    ) {
      const key = `${method} ${this.collectionName}`;
      const callers = stacks.get(key) ?? new Map<string, number>();
      const caller = callerOf();
      callers.set(caller, (callers.get(caller) ?? 0) + 1);
      stacks.set(key, callers);
      return original.apply(this, args);
    };
  }
}

const connect = driver.MongoClient.prototype.connect;
driver.MongoClient.prototype.connect = function tracedConnect(this: Client, ...args: unknown[]) {
  this.monitorCommands = true;
  this.on('commandStarted', (event) => {
    const shape = shapeOf(event);
    started.set(event.requestId, { at: process.hrtime.bigint(), shape });
  });
  const finish = (event: CommandEvent) => {
    const start = started.get(event.requestId);
    if (!start) return;
    started.delete(event.requestId);
    const shape = shapes.get(start.shape) ?? { count: 0, ms: 0 };
    shape.count += 1;
    shape.ms += Number(process.hrtime.bigint() - start.at) / 1e6;
    shapes.set(start.shape, shape);
  };
  this.on('commandSucceeded', finish);
  this.on('commandFailed', finish);
  return connect.apply(this, args);
};

// bench:http signals the end of seeding and warm-up: the trace covers the measured runs only.
process.on('SIGUSR2', () => {
  shapes.clear();
  stacks?.clear();
});

process.on('exit', () => {
  const rows = [...shapes].map(([shape, { count, ms }]) => ({
    shape,
    count,
    totalMs: Math.round(ms),
    meanMs: Number((ms / count).toFixed(2)),
  }));
  if (stacks) {
    for (const [key, callers] of stacks) {
      rows.push({
        shape: `callers of ${key}`,
        count: 0,
        totalMs: 0,
        meanMs: 0,
        ...Object.fromEntries(callers),
      });
    }
  }
  rows.sort((a, b) => b.totalMs - a.totalMs);
  writeFileSync(out, JSON.stringify(rows, null, 2));
});
