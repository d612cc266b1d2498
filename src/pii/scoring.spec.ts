import { figures, scoreCorpus, spansMatch, tallyLine } from './scoring';

describe('corpus scoring', () => {
  it('matches spans of the same type that overlap by at least half of the longer one', () => {
    expect(spansMatch({ type: 'phone', start: 0, end: 10 }, { type: 'phone', start: 5, end: 10 })).toBe(true);
    expect(spansMatch({ type: 'phone', start: 0, end: 10 }, { type: 'phone', start: 6, end: 10 })).toBe(
      false,
    );
    expect(spansMatch({ type: 'phone', start: 0, end: 10 }, { type: 'email', start: 0, end: 10 })).toBe(
      false,
    );
  });

  it('lets each expected span match only one finding', () => {
    const tally = tallyLine(
      [{ type: 'email', start: 0, end: 10 }],
      [
        { type: 'email', start: 0, end: 10 },
        { type: 'email', start: 1, end: 10 },
      ],
    ).get('email');
    expect(tally).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 0 });
  });

  it('computes precision, recall and F1, treating an empty denominator as perfect', () => {
    expect(figures({ truePositives: 3, falsePositives: 1, falseNegatives: 0 })).toMatchObject({
      precision: 0.75,
      recall: 1,
    });
    expect(figures({ truePositives: 0, falsePositives: 0, falseNegatives: 0 })).toMatchObject({
      precision: 1,
      recall: 1,
    });
  });

  it('scores a negative category by the share of texts without a false positive', () => {
    const report = scoreCorpus(
      [
        { id: 'a', category: 'negative_numbers', text: 'x', expected: [] },
        { id: 'b', category: 'negative_numbers', text: 'y', expected: [] },
      ],
      (text) => (text === 'x' ? [{ type: 'phone', start: 0, end: 1 }] : []),
    );
    expect(report.byCategory.get('negative_numbers')?.score).toBe(0.5);
  });
});
