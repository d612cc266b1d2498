import { GENERATORS } from './adversarial-inputs';
import { detect } from './index';

/**
 * The detector's bound (docs/pii-detector.md, "Bound"): time grows linearly with the input. Each
 * shape is timed at 1k, 10k and 100k characters within this one run, and only the ratios are
 * compared, so the test holds on a slow or loaded machine: linear growth gives about 10 per step,
 * quadratic 100. The slack (40, still well under quadratic) absorbs timer noise, warm-up and the larger
 * working set at 100k (measured 26 on a loaded machine); the minimum of several repeats discards pauses
 * from garbage collection or another process.
 */
const SIZES = [1_000, 10_000, 100_000] as const;
const MAX_RATIO_PER_TENFOLD = 40;

function fastest(text: string, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    detect(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('detector time on adversarial input', () => {
  it.each(Object.keys(GENERATORS))('grows linearly with the length of %s', (name) => {
    const generate = GENERATORS[name];
    // Warm-up: the first calls compile patterns and fill caches.
    fastest(generate(SIZES[0]), 3);
    const times = SIZES.map((size) => fastest(generate(size), size >= 100_000 ? 5 : 7));
    // Below a tenth of a millisecond the timer measures itself, not the detector.
    const floor = (ms: number) => Math.max(ms, 0.1);
    const ratio = floor(times[2]) / floor(times[1]);
    expect({ name, times, linear: ratio < MAX_RATIO_PER_TENFOLD }).toEqual({ name, times, linear: true });
  });
});
