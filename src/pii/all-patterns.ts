import { PATTERNS } from './patterns';
import { REGION_WORD_PATTERN, UPPERCASE_REGION_WORD_PATTERN } from './region-words';
import { NUMBER_WORD_PATTERN } from './rules/number-words';

/**
 * Every regular expression the detector runs, including those generated from word lists, so
 * redos.spec.ts can check each one. A new pattern that is not listed here fails that spec's
 * source scan.
 */
export const ALL_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  ...PATTERNS,
  { name: 'REGION_WORD_PATTERN', pattern: REGION_WORD_PATTERN },
  { name: 'UPPERCASE_REGION_WORD_PATTERN', pattern: UPPERCASE_REGION_WORD_PATTERN },
  { name: 'NUMBER_WORD_PATTERN', pattern: NUMBER_WORD_PATTERN },
];
