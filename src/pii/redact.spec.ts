import { detect, redact } from './index';

describe('redaction', () => {
  const text = 'Mail ana@example.com or call +44 20 7946 0958, or (212) 555-0199 ext. 12.';

  it('replaces every finding with a label and reports where the labels are in the new text', () => {
    const result = redact(text, detect(text));
    expect(result.text).toBe('Mail [email removed] or call [phone removed], or [phone removed].');
    for (const span of result.replaced) {
      expect(result.text.slice(span.start, span.end)).toBe(
        span.type === 'email' ? '[email removed]' : '[phone removed]',
      );
    }
    expect(result.replaced.map((span) => span.type)).toEqual(['email', 'phone', 'phone']);
  });

  it('keeps the last two digits of each phone number, not of its extension', () => {
    const result = redact(text, detect(text), 'keep-last-two');
    expect(result.text).toBe('Mail [email removed] or call [phone removed ••58], or [phone removed ••99].');
    expect(result.text.slice(result.replaced[2].start, result.replaced[2].end)).toBe('[phone removed ••99]');
  });

  it('accepts findings in any order and skips overlapping or out-of-range ones', () => {
    const findings = [
      { type: 'phone' as const, start: 10, end: 14 },
      { type: 'email' as const, start: 0, end: 4 },
      { type: 'phone' as const, start: 12, end: 16 },
      { type: 'phone' as const, start: 40, end: 50 },
    ];
    const result = redact('abcd efgh 1234 5678', findings);
    expect(result.text).toBe('[email removed] efgh [phone removed] 5678');
    expect(result.replaced).toEqual([
      { type: 'email', start: 0, end: 15 },
      { type: 'phone', start: 21, end: 36 },
    ]);
  });

  it('leaves text without findings unchanged', () => {
    expect(redact('nothing here', [])).toEqual({ text: 'nothing here', replaced: [] });
  });
});
