import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { describeError } from '../../api/api-error';
import type { NoticeState } from '../../api/forums-api';
import { noticesApi, type NoticeRequired } from '../../api/notices-api';
import { useSession } from '../../app/session-context';
import { NoticeDialog } from './notice-dialog';

interface CurrentNotice extends NoticeState {
  text: string | null;
}

interface NoticeApi {
  notice: CurrentNotice | null;
  /** Pages pass on the `notice` every public-area response carries. */
  observe(state: NoticeState): void;
  /**
   * Resolves true once the current notice is acknowledged (showing the blocking dialog if needed), false when
   * the author closes it. Given a 428's details, shows that version.
   */
  ensureAcknowledged(required?: NoticeRequired): Promise<boolean>;
}

const NoticeContext = createContext<NoticeApi | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { account } = useSession();
  const [notice, setNotice] = useState<CurrentNotice | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<((ok: boolean) => void) | null>(null);

  useEffect(() => {
    if (account === undefined) return;
    noticesApi
      .current('public-area')
      .then((n) => setNotice({ version: n.version, acknowledged: !!n.acknowledged, text: n.text }))
      .catch(() => undefined);
  }, [account]);

  const observe = useCallback((state: NoticeState) => {
    setNotice((current) => {
      if (current && current.version === state.version && current.acknowledged === state.acknowledged)
        return current;
      return { ...state, text: current?.version === state.version ? current.text : null };
    });
  }, []);

  const ensureAcknowledged = useCallback(
    async (required?: NoticeRequired) => {
      let current = notice;
      if (required)
        current = { version: required.notice.version, text: required.notice.text, acknowledged: false };
      if (!current || current.text === null) {
        const n = await noticesApi.current('public-area');
        current = { version: n.version, text: n.text, acknowledged: !required && !!n.acknowledged };
      }
      setNotice(current);
      if (current.acknowledged) return true;
      setError(null);
      setAsking(true);
      return new Promise<boolean>((resolve) => {
        pending.current = resolve;
      });
    },
    [notice],
  );

  const finish = (ok: boolean) => {
    setAsking(false);
    pending.current?.(ok);
    pending.current = null;
  };

  const acknowledge = async () => {
    if (!notice) return;
    try {
      await noticesApi.acknowledge(notice.version);
      setNotice({ ...notice, acknowledged: true });
      finish(true);
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  const value = useMemo(
    () => ({ notice, observe, ensureAcknowledged }),
    [notice, observe, ensureAcknowledged],
  );
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <NoticeDialog
        open={asking}
        text={notice?.text ?? ''}
        version={notice?.version ?? 0}
        error={error}
        onAcknowledge={acknowledge}
        onClose={() => finish(false)}
      />
    </NoticeContext.Provider>
  );
}

export function useNotice(): NoticeApi {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotice outside NoticeProvider');
  return value;
}
