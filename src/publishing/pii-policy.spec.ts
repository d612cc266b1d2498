import type { Finding } from '../pii/finding';
import { actionFor, explainPolicy, PII_POLICIES, reportFindings, summarizeFindings } from './pii-policy';

const email: Finding = {
  type: 'email',
  start: 9,
  end: 26,
  text: 'ann at example.com',
  normalized: 'ann@example.com',
  confidence: 0.9,
  rule: 'email.spelled-at',
};
const phone: Finding = {
  type: 'phone',
  start: 40,
  end: 53,
  text: '020 7946 0958',
  normalized: '+442079460958',
  confidence: 0.95,
  rule: 'phone.libphonenumber',
};

describe('pii policy', () => {
  it('publishes as written under warn, for members and moderators alike', () => {
    expect(actionFor('warn', false)).toBe('publish');
    expect(actionFor('warn', true)).toBe('publish');
  });

  it('holds a member post for review, but not a post by a moderator of that forum', () => {
    expect(actionFor('review', false)).toBe('hold');
    expect(actionFor('review', true)).toBe('publish');
  });

  it('masks under mask whoever the author is', () => {
    expect(actionFor('mask', false)).toBe('mask');
    expect(actionFor('mask', true)).toBe('mask');
  });

  it('explains every policy differently and tells the author how to acknowledge', () => {
    const texts = PII_POLICIES.map((policy) => explainPolicy(policy));
    expect(new Set(texts).size).toBe(PII_POLICIES.length);
    for (const text of texts) expect(text).toContain('acknowledgePersonalData');
    expect(explainPolicy('review')).toMatch(/moderator/);
    expect(explainPolicy('mask')).toMatch(/mask/);
  });

  it('tells a moderator of a review forum that their own post is not held', () => {
    expect(explainPolicy('review', true)).toMatch(/published as written/);
    expect(explainPolicy('review', false)).not.toMatch(/published as written/);
    expect(explainPolicy('warn', true)).toBe(explainPolicy('warn', false));
  });

  it('summarises findings by type and rule without keeping any value', () => {
    const summary = summarizeFindings([email, phone, { ...phone, rule: 'phone.obfuscated' }], true, 'mask');
    expect(summary).toEqual({
      total: 3,
      byType: { email: 1, phone: 2 },
      rules: ['email.spelled-at', 'phone.libphonenumber', 'phone.obfuscated'],
      acknowledged: true,
      policy: 'mask',
    });
    const stored = JSON.stringify(summary);
    expect(stored).not.toContain('example.com');
    expect(stored).not.toContain('7946');
  });

  it('summarises a clean text as zero findings, not acknowledged', () => {
    expect(summarizeFindings([], false, 'warn')).toEqual({
      total: 0,
      byType: { email: 0, phone: 0 },
      rules: [],
      acknowledged: false,
      policy: 'warn',
    });
  });

  it('reports type, offsets, text and rule to the author, but not the normalised value or confidence', () => {
    expect(reportFindings([email])).toEqual([
      { type: 'email', start: 9, end: 26, text: 'ann at example.com', rule: 'email.spelled-at' },
    ]);
  });
});
