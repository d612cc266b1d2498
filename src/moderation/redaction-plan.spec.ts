import { replaceValues } from '../content/content-lifecycle';
import { applySpans, planSpans, SpanOutOfRange } from './redaction-plan';

const text = 'Mail ann@example.com or call 020 7946 0958, I live at 12 Elm Road';
const email = { start: 5, end: 20, type: 'email' as const };
const phone = { start: 29, end: 42, type: 'phone' as const };

describe('redaction plan', () => {
  it('removes every detected span when the moderator chose none', () => {
    const applied = applySpans(text, planSpans(text, [email, phone]));
    expect(applied.text).toBe('Mail [email removed] or call [phone removed], I live at 12 Elm Road');
    expect(applied.counts).toEqual({ email: 1, phone: 1 });
    expect(applied.replacements).toEqual([
      { value: 'ann@example.com', label: '[email removed]' },
      { value: '020 7946 0958', label: '[phone removed]' },
    ]);
  });

  it('removes only the chosen span, typed by the finding it covers', () => {
    const applied = applySpans(text, planSpans(text, [email, phone], [{ start: 29, end: 42 }]));
    expect(applied.text).toContain('ann@example.com');
    expect(applied.text).toContain('[phone removed]');
    expect(applied.counts).toEqual({ phone: 1 });
  });

  it('removes a span the detector missed as other personal info', () => {
    const start = text.indexOf('12 Elm Road');
    const applied = applySpans(text, planSpans(text, [email, phone], [{ start, end: text.length }]));
    expect(applied.text.endsWith('I live at [personal info removed]')).toBe(true);
    expect(applied.counts).toEqual({ other: 1 });
  });

  it('merges overlapping chosen spans so a value is removed once', () => {
    const spans = planSpans(
      text,
      [email],
      [
        { start: 5, end: 12 },
        { start: 10, end: 20 },
      ],
    );
    expect(spans).toEqual([{ start: 5, end: 20, type: 'email' }]);
  });

  it('refuses a span outside the text', () => {
    expect(() => planSpans(text, [], [{ start: 3, end: 999 }])).toThrow(SpanOutOfRange);
    expect(() => planSpans(text, [], [{ start: 7, end: 7 }])).toThrow(SpanOutOfRange);
  });

  it('replaces every occurrence of a removed value in another text', () => {
    const revision = 'old: ann@example.com, again ann@example.com';
    expect(replaceValues(revision, [{ value: 'ann@example.com', label: '[email removed]' }])).toBe(
      'old: [email removed], again [email removed]',
    );
  });
});
