/**
 * `npm run bench:pii`: throughput of the personal-data detector on the dev corpus, against a naive
 * two-regex baseline, on one core. Posts of ~2 KB are built by concatenating corpus texts until
 * at least 10 MB; each corpus line is also timed on its own. Writes the figures to
 * docs/benchmarks.md under "## Personal-data detector (bench/pii.ts)", replacing only that section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect } from '../src/pii';
import { configureNumberingCache } from '../src/pii/rules/phone-numbering';
import { loadAverages, machine, writeReportSection } from './support/report';

const ROOT = join(__dirname, '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'pii', 'dev.jsonl');
const HEADING = '## Personal-data detector (bench/pii.ts)';
const TARGET_BYTES = 10 * 1024 * 1024;
const POST_SIZE = 2048;

type Scanner = (text: string) => unknown;

/** What a first attempt would do: one simple regex per type, no validation. */
const NAIVE_EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
const NAIVE_PHONE = /\+?\d[\d\s().-]{6,}\d/g;
function naiveBaseline(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of [NAIVE_EMAIL, NAIVE_PHONE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text))
      spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

interface Figures {
  mbPerSecond: number;
  /** Bytes per second of CPU time this process used (all its threads), less sensitive to load. */
  cpuMbPerSecond: number;
  itemsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function measure(name: string, scan: Scanner, items: readonly string[]): Figures {
  for (let i = 0; i < Math.min(items.length, 500); i++) scan(items[i]); // JIT warm-up
  const times = new Float64Array(items.length);
  let bytes = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let nextReport = started + 2000;
  for (let i = 0; i < items.length; i++) {
    const t0 = performance.now();
    scan(items[i]);
    const t1 = performance.now();
    times[i] = t1 - t0;
    bytes += Buffer.byteLength(items[i], 'utf8');
    if (t1 > nextReport) {
      process.stdout.write(`  ${name}: ${i + 1}/${items.length}\n`);
      nextReport = t1 + 2000;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    mbPerSecond: bytes / 1e6 / seconds,
    cpuMbPerSecond: bytes / 1e6 / cpuSeconds,
    itemsPerSecond: items.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: sorted[sorted.length - 1],
  };
}

/**
 * Each item timed `rounds` times (interleaved passes), keeping its fastest time: on a shared VM this
 * filters out the time slices other processes take (and GC pauses), so it shows what the code costs
 * rather than what the machine's load adds. Reported beside the single-pass figure, never instead.
 */
function measureBest(scan: Scanner, items: readonly string[], rounds: number): Figures {
  const best = new Float64Array(items.length).fill(Number.POSITIVE_INFINITY);
  let bytes = 0;
  for (const item of items) bytes += Buffer.byteLength(item, 'utf8');
  const cpuStarted = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < items.length; i++) {
      const t0 = performance.now();
      scan(items[i]);
      const elapsed = performance.now() - t0;
      if (elapsed < best[i]) best[i] = elapsed;
    }
  }
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = best.reduce((sum, t) => sum + t, 0) / 1000;
  const sorted = [...best].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    mbPerSecond: bytes / 1e6 / seconds,
    cpuMbPerSecond: (bytes * rounds) / 1e6 / ((cpu.user + cpu.system) / 1e6),
    itemsPerSecond: items.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: sorted[sorted.length - 1],
  };
}

/**
 * Figures of the detector before the speed work (commit 5055d90), from this bench on the same VM,
 * kept here because every run rewrites the section.
 */
const HISTORY = [
  'Before the speed work (commit 5055d90, same VM, same bench): verdict cache off 1.61 MB/s, 756 posts/s,',
  'p50 1.221 ms, p99 2.886 ms per 2 KB post; cache on 3.68 MB/s; baseline / detector 38.8x with the cache off.',
  'Old and new code interleaved post by post in one process (cache off, 4 MB of the same posts, so both',
  'see the same load): single pass 1.84 -> 3.78 MB/s (p50 0.985 -> 0.466 ms); best of 3 per post',
  '2.27 -> 4.92 MB/s, p50 0.895 -> 0.417 ms, p99 1.632 -> 0.681 ms: about 2.1-2.3x.',
  'Runs of this bench during the work, headline row (cache off, wall clock), by load: load 4.3:',
  '4.38 MB/s, 2064 posts/s, p50 0.416 ms, p99 2.397 ms; load 8-10: 0.9-1.6 MB/s with p50 0.44-0.80 ms',
  'and p99 11-24 ms, when other benches and browser tests held both cores.',
];

function buildPosts(texts: readonly string[]): string[] {
  const posts: string[] = [];
  let total = 0;
  let post = '';
  for (let i = 0; total < TARGET_BYTES; i++) {
    post += `${texts[i % texts.length]}\n\n`;
    if (post.length >= POST_SIZE) {
      posts.push(post);
      total += Buffer.byteLength(post, 'utf8');
      post = '';
    }
  }
  return posts;
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const row = (name: string, f: Figures, unit: string): string =>
  `| ${name} | ${fmt(f.mbPerSecond)} | ${fmt(f.cpuMbPerSecond)} | ${fmt(f.itemsPerSecond, 0)} ${unit}/s | ${fmt(f.p50Ms, 3)} | ${fmt(f.p99Ms, 3)} | ${fmt(f.maxMs, 2)} |`;
function main(): void {
  const texts = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const posts = buildPosts(texts);
  const lines = Array.from({ length: 20 }, () => texts).flat();
  const megabytes = posts.reduce((sum, post) => sum + Buffer.byteLength(post, 'utf8'), 0) / 1e6;
  console.log(
    `pii bench: ${posts.length} posts of ~${POST_SIZE} chars (${fmt(megabytes)} MB), ${lines.length} single lines`,
  );
  console.log(`machine: ${machine()}`);

  // Headline: verdict cache off, so every number costs a full check, as for a post never seen
  // before. With the cache on (4096 verdicts, what the composer gets while re-checking on each
  // keystroke), this corpus repeats the same few hundred texts, so after the first pass nearly
  // every lookup is a hit: that figure is a best case, not what a server sees on fresh posts.
  const loadBefore = loadAverages();
  console.log('detector, 2 KB posts, verdict cache off (headline)');
  configureNumberingCache(0);
  const cold = measure('detector posts, cache off', (text) => detect(text), posts);
  console.log('detector, single corpus lines, verdict cache off');
  const detectorLines = measure('detector lines', (text) => detect(text), lines);
  console.log('detector, 2 KB posts, verdict cache off, best of 3 per post');
  const coldBest = measureBest((text) => detect(text), posts, 3);
  configureNumberingCache(4096);
  console.log('detector, 2 KB posts, verdict cache on (best case)');
  const warm = measure('detector posts, cache on', (text) => detect(text), posts);
  console.log('baseline, 2 KB posts');
  const baseline = measure('baseline posts', naiveBaseline, posts);
  console.log('baseline, single corpus lines');
  const baselineLines = measure('baseline lines', naiveBaseline, lines);
  const loadAfter = loadAverages();

  const header =
    '| scanner | MB/s | MB/s of CPU time | throughput | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- | --- |';
  const target = cold.mbPerSecond >= 5 && cold.p99Ms < 2 ? 'met' : 'not met';
  const section = [
    HEADING,
    '',
    `Run with \`npm run bench:pii\` on ${new Date().toISOString().slice(0, 10)}; ${machine()}; one core (single thread).`,
    `Load average (1/5/15 min) ${loadBefore} before the run, ${loadAfter} after: the VM is shared, so wall-clock`,
    'figures move with what else runs; compare ratios within one run, and see the CPU-time column.',
    `Input: the dev corpus (test/fixtures/pii/dev.jsonl) concatenated into ${posts.length} posts of ~2 KB (${fmt(megabytes)} MB),`,
    `and its ${texts.length} lines scanned one by one (x20). The corpus is dense: about every second line holds an address or number.`,
    '',
    header,
    row('**detector, 2 KB posts, verdict cache off (headline)**', cold, 'posts'),
    row('detector, 2 KB posts, verdict cache off, best of 3 per post', coldBest, 'posts'),
    row('detector, single lines, verdict cache off', detectorLines, 'lines'),
    row('detector, 2 KB posts, verdict cache on (best case, see below)', warm, 'posts'),
    row('naive two-regex baseline, 2 KB posts', baseline, 'posts'),
    row('naive baseline, single lines', baselineLines, 'lines'),
    '',
    `Target (at least 5 MB/s and p99 under 2 ms per 2 KB post, cache off, wall clock): ${target} in this run.`,
    `Baseline / detector throughput on posts: ${fmt(baseline.mbPerSecond / cold.mbPerSecond, 1)}x with the cache off, ${fmt(baseline.mbPerSecond / warm.mbPerSecond, 1)}x with it on.`,
    'The cache-on row is a best case: the bench repeats the same 468 texts, so nearly every number is',
    'a cache hit after the first pass; fresh posts on a server see the cache-off figure. MB/s of CPU',
    'time divides by the CPU time of the whole process (JIT and GC threads included) instead of wall',
    'time. The naive baseline finds neither obfuscated data nor rejects any look-alike (dates, versions,',
    'order numbers, package names), so it is a floor, not a competitor. "Best of 3 per post" times',
    "each post three times and keeps its fastest run, which removes other processes' time slices (and",
    'GC pauses) from the figures: the code without the neighbours, not a replacement for the headline.',
    '',
    ...HISTORY,
    '',
  ].join('\n');
  writeReportSection(HEADING, section);
  console.log(`\n${section}`);
}

main();
