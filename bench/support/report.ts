import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

/** docs/benchmarks.md: each bench owns one `## ` section and rewrites only that one. */
export const REPORT = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

/** Replaces the section that starts with `heading` (up to the next `## `), or appends it. */
export function writeReportSection(heading: string, section: string): void {
  const current = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(heading);
  if (start === -1) {
    writeFileSync(REPORT, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? current.length : next + 1;
  writeFileSync(
    REPORT,
    `${current.slice(0, start)}${section}${next === -1 ? '' : '\n'}${current.slice(end)}`,
  );
}

/** "nproc 2, CPU AMD EPYC …, Node v20…" for the report header. */
export function machine(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return `nproc ${cpus().length}, CPU ${model.trim()}, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages, "1.02 / 0.98 / 0.91". */
export function loadAverages(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
