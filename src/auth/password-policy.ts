import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { ValidationFailed } from '../infra/errors/app-error';

/**
 * Refuses guessable passwords with zxcvbn (its common-password, name and word lists ship in the npm packages:
 * offline). Score 0-4; below MIN_SCORE the answer names the reason zxcvbn gives, for the form to show.
 */
export const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

/** Null when acceptable, otherwise one sentence saying why not. `related`: the username and address. */
export function passwordWeakness(password: string, related: string[] = []): string | null {
  const result = zxcvbn().check(password, related.filter(Boolean));
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning;
  const suggestion = result.feedback.suggestions[0];
  return [warning ?? 'This password is too easy to guess.', suggestion].filter(Boolean).join(' ');
}

/** Throws the usual validation error (field `field`) for a weak password. */
export function assertStrongPassword(password: string, related: string[] = [], field = 'password'): void {
  const weakness = passwordWeakness(password, related);
  if (weakness) throw new ValidationFailed([{ field, messages: [weakness] }]);
}
