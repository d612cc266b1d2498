import type { FindingType } from './finding';

/** A labelled or detected span; only type and offsets matter for scoring. */
export interface ScoredSpan {
  type: FindingType;
  start: number;
  end: number;
}

export interface CorpusLine {
  id: string;
  category: string;
  text: string;
  expected: ScoredSpan[];
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Figures extends Tally {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The corpus rule (test/fixtures/pii): a finding matches an expected span when the types agree and
 * they overlap by at least half of the longer one; each expected span matches at most one finding.
 */
export function spansMatch(a: ScoredSpan, b: ScoredSpan): boolean {
  if (a.type !== b.type) return false;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap * 2 >= Math.max(a.end - a.start, b.end - b.start);
}

/** Greedy one-to-one matching of one text's findings against its expected spans. */
export function tallyLine(
  expected: readonly ScoredSpan[],
  found: readonly ScoredSpan[],
): Map<FindingType, Tally> {
  const tallies = new Map<FindingType, Tally>();
  const tally = (type: FindingType): Tally => {
    let t = tallies.get(type);
    if (t === undefined) tallies.set(type, (t = { truePositives: 0, falsePositives: 0, falseNegatives: 0 }));
    return t;
  };
  const used = new Set<number>();
  for (const finding of found) {
    const match = expected.findIndex((span, i) => !used.has(i) && spansMatch(span, finding));
    if (match === -1) tally(finding.type).falsePositives++;
    else {
      used.add(match);
      tally(finding.type).truePositives++;
    }
  }
  expected.forEach((span, i) => {
    if (!used.has(i)) tally(span.type).falseNegatives++;
  });
  return tallies;
}

export function figures(t: Tally): Figures {
  const precision =
    t.truePositives + t.falsePositives === 0 ? 1 : t.truePositives / (t.truePositives + t.falsePositives);
  const recall =
    t.truePositives + t.falseNegatives === 0 ? 1 : t.truePositives / (t.truePositives + t.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...t, precision, recall, f1 };
}

export interface CorpusReport {
  byType: Map<FindingType, Figures>;
  /** Positive categories: F1 over their spans. Negative ones: share of texts with no finding. */
  byCategory: Map<string, { score: number; texts: number; figures?: Figures }>;
  overall: Figures;
  /** Lines whose findings differ from the labels, for debugging. */
  misses: Array<{ id: string; category: string; expected: ScoredSpan[]; found: ScoredSpan[] }>;
}

export function scoreCorpus(
  lines: readonly CorpusLine[],
  run: (text: string) => readonly ScoredSpan[],
): CorpusReport {
  const byType = new Map<FindingType, Tally>();
  const byCategory = new Map<string, Tally & { texts: number; clean: number }>();
  const overall: Tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const misses: CorpusReport['misses'] = [];
  for (const line of lines) {
    const found = run(line.text).map(({ type, start, end }) => ({ type, start, end }));
    const tallies = tallyLine(line.expected, found);
    const category = byCategory.get(line.category) ?? {
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      texts: 0,
      clean: 0,
    };
    byCategory.set(line.category, category);
    category.texts++;
    let wrong = false;
    for (const [type, t] of tallies) {
      const sum = byType.get(type) ?? { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
      byType.set(type, sum);
      for (const target of [sum, category, overall]) {
        target.truePositives += t.truePositives;
        target.falsePositives += t.falsePositives;
        target.falseNegatives += t.falseNegatives;
      }
      wrong ||= t.falsePositives > 0 || t.falseNegatives > 0;
    }
    if (!wrong) category.clean++;
    if (wrong) misses.push({ id: line.id, category: line.category, expected: line.expected, found });
  }
  const categories: CorpusReport['byCategory'] = new Map();
  for (const [name, c] of byCategory) {
    const negative = c.truePositives + c.falseNegatives === 0;
    const f = figures(c);
    categories.set(name, {
      score: negative ? c.clean / c.texts : f.f1,
      texts: c.texts,
      figures: negative ? undefined : f,
    });
  }
  return {
    byType: new Map([...byType].map(([type, t]) => [type, figures(t)])),
    byCategory: categories,
    overall: figures(overall),
    misses,
  };
}

/** Fixed-width table for CI logs. */
export function formatReport(report: CorpusReport): string {
  const pct = (n: number): string => (100 * n).toFixed(1).padStart(6);
  const row = (name: string, f: Figures): string =>
    `${name.padEnd(22)}${pct(f.precision)}${pct(f.recall)}${pct(f.f1)}   tp=${f.truePositives} fp=${f.falsePositives} fn=${f.falseNegatives}`;
  const lines = [`${''.padEnd(22)}  prec   rec    F1`];
  for (const [type, f] of report.byType) lines.push(row(`type ${type}`, f));
  for (const [name, c] of report.byCategory) {
    lines.push(
      c.figures
        ? row(`cat ${name}`, c.figures)
        : `${`cat ${name}`.padEnd(22)}  clean ${pct(c.score)}  (${c.texts} texts)`,
    );
  }
  lines.push(row('overall', report.overall));
  return lines.join('\n');
}
