import { Link } from '../../app/router';
import { useSession } from '../../app/session-context';
import { useNotice } from './notice-context';

/** The unobtrusive reminder on every public page, linking to the full text. */
export function NoticeBanner() {
  const { notice } = useNotice();
  const { account } = useSession();
  const unacknowledged = !!account && notice && !notice.acknowledged;
  return (
    <aside className="notice-banner" aria-label="Public area notice">
      <span>
        This is a public area: anyone can read what is posted here.{' '}
        {unacknowledged && <strong>You will be asked to acknowledge the notice before you post. </strong>}
      </span>
      <Link href="/notice">Read the notice</Link>
    </aside>
  );
}
