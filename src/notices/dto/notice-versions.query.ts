import { PageLimit, SeqCursor } from '../../infra/http/page-query';

export class NoticeVersionsQuery {
  @SeqCursor(1, 'Cursor: list versions older than this one (from nextCursor)')
  before?: number;

  @PageLimit(20)
  limit?: number;
}
