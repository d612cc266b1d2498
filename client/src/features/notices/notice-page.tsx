import { useEffect, useState } from 'react';
import { noticesApi, type NoticeKind, type NoticeText } from '../../api/notices-api';
import { useTitle } from '../../app/router';
import { MarkdownView } from '../../components/markdown-view';
import { ErrorMessage, Loading, formatDate } from '../../components/status';

/** The full public-area notice or the privacy statement. */
export function NoticePage({ kind }: { kind: NoticeKind }) {
  useTitle(kind === 'privacy' ? 'Privacy statement' : 'Public area notice');
  const [notice, setNotice] = useState<NoticeText | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    noticesApi.current(kind).then(setNotice, setError);
  }, [kind]);
  if (error) return <ErrorMessage error={error} />;
  if (!notice) return <Loading />;
  return (
    <article className="card prose">
      <MarkdownView document source={notice.text} />
      <p className="muted">
        Version {notice.version}, published {formatDate(notice.publishedAt)}
      </p>
    </article>
  );
}
