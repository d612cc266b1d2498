import { AppError } from '../infra/errors/app-error';
import type { Notice } from './notice';

/** The `details` of a 428 notice_not_acknowledged answer (docs/api-publishing.md documents the body). */
export interface NoticeRequiredDetails {
  notice: Pick<Notice, 'version' | 'text' | 'publishedAt'>;
  acknowledgedVersion: number | null;
  acknowledgeWith: {
    method: 'POST';
    path: '/api/notices/public-area/acknowledgements';
    body: { version: number };
  };
}

export class NoticeNotAcknowledged extends AppError {
  constructor(notice: Notice, acknowledgedVersion: number | null) {
    const details: NoticeRequiredDetails = {
      notice: { version: notice.version, text: notice.text, publishedAt: notice.publishedAt },
      acknowledgedVersion,
      acknowledgeWith: {
        method: 'POST',
        path: '/api/notices/public-area/acknowledgements',
        body: { version: notice.version },
      },
    };
    super(
      'notice_not_acknowledged',
      'Acknowledge the public-area notice before posting: what you post can be read by anyone',
      details,
    );
  }
}
