import { findingsDigest } from '@digest';
import type { Finding } from '@pii';
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { NoticeRequired } from '../../api/notices-api';
import { useNotice } from '../notices/notice-context';
import type { Policy, ShownFinding } from './finding-reasons';
import type { PiiWarning } from './pii-warning-dialog';

/** One attempt to send: the acknowledgement digest is set when the author chose "Post anyway". */
export type Attempt<T> = (acknowledgePersonalData?: string) => Promise<T>;

interface PersonalDataDetails {
  findings: ShownFinding[];
  policy: Policy;
  explanation: string;
  findingsDigest: string;
  staleAcknowledgement?: boolean;
}

async function digestOf(findings: readonly Finding[]): Promise<string | undefined> {
  // Web Crypto exists only in secure contexts; without it the server's 422 supplies the digest instead.
  return findingsDigest(findings).catch(() => undefined);
}

/**
 * notice → local warning → send → (428: notice dialog, retry) → (422: the server's warning, "Post anyway"
 * resends with its digest). Nothing is published on a path the author did not confirm.
 */
export function usePublishFlow<T>(policy: Policy | undefined, onPublished: (result: T) => void) {
  const { ensureAcknowledged } = useNotice();
  const [warning, setWarning] = useState<PiiWarning | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<Attempt<T> | null>(null);

  const send = useCallback(
    async (attempt: Attempt<T>, ack: string | undefined, noticeRetried = false): Promise<void> => {
      try {
        const result = await attempt(ack);
        setWarning(null);
        onPublished(result);
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'personal_data_detected') {
          const details = failure.details as PersonalDataDetails;
          setWarning({
            findings: details.findings,
            policy: details.policy,
            explanation: details.explanation,
            digest: details.findingsDigest,
            fromServer: true,
            stale: details.staleAcknowledgement,
          });
          return;
        }
        if (failure instanceof ApiError && failure.code === 'notice_not_acknowledged' && !noticeRetried) {
          if (await ensureAcknowledged(failure.details as NoticeRequired)) return send(attempt, ack, true);
          return;
        }
        setWarning(null);
        setError(failure);
      }
    },
    [ensureAcknowledged, onPublished],
  );

  const run = useCallback(
    async (attempt: Attempt<T>, localFindings: readonly Finding[]) => {
      setError(null);
      pending.current = attempt;
      if (!(await ensureAcknowledged())) return;
      if (localFindings.length > 0) {
        setWarning({
          findings: [...localFindings],
          policy,
          digest: await digestOf(localFindings),
          fromServer: false,
        });
        return;
      }
      setBusy(true);
      await send(attempt, undefined).finally(() => setBusy(false));
    },
    [ensureAcknowledged, policy, send],
  );

  const postAnyway = useCallback(async () => {
    if (!pending.current || !warning) return;
    setBusy(true);
    await send(pending.current, warning.digest).finally(() => setBusy(false));
  }, [send, warning]);

  const edit = useCallback(() => setWarning(null), []);

  return { run, warning, postAnyway, edit, error, busy };
}
