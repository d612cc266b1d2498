import { MetricsService } from '../infra/metrics/metrics.service';
import { GENERATORS } from '../pii/adversarial-inputs';
import { detect } from '../pii';
import { INLINE_SCAN_LENGTH, PiiScannerService } from './pii-scanner.service';

describe(PiiScannerService.name, () => {
  let scanner: PiiScannerService;

  beforeEach(() => {
    scanner = new PiiScannerService(new MetricsService());
  });

  afterEach(async () => {
    await scanner.onModuleDestroy();
  });

  it('answers what the shared detector answers, for short texts and for long ones scanned in a worker', async () => {
    const short = 'Ring me on 020 7946 0958 or jo@example.com';
    const long = `${'Nothing to see here. '.repeat(200)}Call +44 20 7946 0958, card 4111 1111 1111 1111.`;
    expect(long.length).toBeGreaterThan(INLINE_SCAN_LENGTH);
    expect(await scanner.detect(short)).toEqual(detect(short));
    expect(await scanner.detect(long, { defaultRegion: 'GB' })).toEqual(
      detect(long, { defaultRegion: 'GB' }),
    );
  });

  it('keeps the event loop free while a long adversarial text is scanned', async () => {
    const text = GENERATORS['random-spaced-digits'](100_000);
    await scanner.detect(text); // the first long text starts the worker
    // Turns of the event loop while the scan runs: none if it ran on this thread. Counted, not ordered, so a
    // machine busy enough to pause this process while the worker finishes cannot make it fail.
    let turns = 0;
    let scanning = true;
    const spin = () => {
      turns += 1;
      if (scanning) setImmediate(spin);
    };
    setImmediate(spin);
    await scanner.detect(text);
    scanning = false;
    expect(turns).toBeGreaterThan(0);
  });

  it('scans texts queued together, each with its own answer', async () => {
    const texts = [0, 1, 2, 3].map((n) => `${'filler text '.repeat(300)} call 020 7946 095${n}`);
    const answers = await Promise.all(texts.map((text) => scanner.detect(text, { defaultRegion: 'GB' })));
    expect(answers.map((findings) => findings.map((f) => f.normalized))).toEqual(
      [0, 1, 2, 3].map((n) => [`+44207946095${n}`]),
    );
  });
});
