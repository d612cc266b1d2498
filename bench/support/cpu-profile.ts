import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that a summary needs. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
  /** Monotonic clock, µs: the same clock as process.hrtime in any process on the machine. */
  startTime: number;
}

/** A span of the monotonic clock in µs; samples outside it are left out. */
export interface ProfileWindow {
  from: number;
  to: number;
}

/** Where a frame's code lives: an npm package, a file of ours under dist/, Node itself, or V8's pseudo-frames. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/dist\/(.+?)\.js$/.exec(url);
  if (ours) return `parley:${ours[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

interface Tally {
  self: Map<string, number>;
  total: Map<string, number>;
  all: number;
}

function tally(
  profile: CpuProfile,
  keyOf: (node: CpuProfile['nodes'][number]) => string,
  window?: ProfileWindow,
): Tally {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.from || at > window.to)) return;
    all += dt;
    const node = byId.get(id);
    if (!node) return;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    // Inclusive time: each key once per sample, however deep it recurs.
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const frame = byId.get(up);
      if (!frame) break;
      const k = keyOf(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  return { self, total, all };
}

function top(map: Map<string, number>, all: number, n: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([key, us]) =>
        `  ${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`,
    );
}

/**
 * Self time by function and by module, and inclusive time of our own functions, for each profile in `dir`,
 * counting only samples inside `window` (the measured runs: not start-up, seeding or warm-up).
 */
export function summariseCpuProfiles(dir: string, window?: ProfileWindow, rows = 25): string {
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  return files
    .map((file) => {
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
      const fn = (node: CpuProfile['nodes'][number]) => {
        const { functionName, url, lineNumber } = node.callFrame;
        return `${functionName || '(anonymous)'} ${moduleOf(url, functionName)}:${lineNumber + 1}`;
      };
      const byFunction = tally(profile, fn, window);
      const byModule = tally(
        profile,
        (node) => moduleOf(node.callFrame.url, node.callFrame.functionName),
        window,
      );
      const ours = new Map([...byFunction.total].filter(([key]) => key.includes(' parley:')));
      return [
        `CPU profile ${file}: ${(byFunction.all / 1e6).toFixed(1)} s sampled`,
        'self time by module:',
        ...top(byModule.self, byModule.all, 15),
        'inclusive time by module:',
        ...top(byModule.total, byModule.all, 15),
        'self time by function:',
        ...top(byFunction.self, byFunction.all, rows),
        'inclusive time of our functions (dist/):',
        ...top(ours, byFunction.all, rows),
      ].join('\n');
    })
    .join('\n\n');
}

/** The db-trace.cjs output: database time by command shape, per answered request of the run. */
export function summariseDbTrace(file: string, results: Array<{ ok: number }>): string {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    shape: string;
    count: number;
    totalMs: number;
    meanMs: number;
  }>;
  const requests = results.reduce((sum, r) => sum + r.ok, 0) || 1;
  const all = rows.reduce((sum, r) => sum + r.totalMs, 0) || 1;
  return [
    `database commands (${requests} answered requests; time is round trip, summed over concurrent commands):`,
    ...rows
      .slice(0, 25)
      .map(
        (r) =>
          `  ${((100 * r.totalMs) / all).toFixed(1).padStart(5)}%  ${(r.count / requests).toFixed(2).padStart(6)}/req  mean ${r.meanMs.toFixed(1).padStart(7)} ms  ${r.shape}`,
      ),
  ].join('\n');
}
