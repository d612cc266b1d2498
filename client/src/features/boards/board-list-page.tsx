import { useCallback, useEffect, useState } from 'react';
import { boardItems, boardsApi, type Board } from '../../api/boards-api';
import { Link, useTitle } from '../../app/router';
import { ErrorMessage, Loading } from '../../components/status';
import { NoticeBanner } from '../notices/notice-banner';

export function BoardListPage() {
  useTitle('Boards');
  const [boards, setBoards] = useState<Board[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    boardsApi.list().then((answer) => setBoards(boardItems(answer)), setError);
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <NoticeBanner />
      <h1>Live boards</h1>
      <ErrorMessage error={error} onRetry={load} />
      {!boards && !error && <Loading what="Loading boards" />}
      {boards?.length === 0 && <p className="muted">No boards yet.</p>}
      <ul className="forum-list">
        {boards?.map((board) => (
          <li key={board.id} className="card forum-item">
            <div>
              <h2>
                <Link href={`/b/${board.slug}`}>{board.name}</Link>
                {board.archived && <span className="badge">archived</span>}
              </h2>
              <p className="muted">{board.description}</p>
            </div>
            <p className="muted small">{board.lastSeq} messages</p>
          </li>
        ))}
      </ul>
    </>
  );
}
