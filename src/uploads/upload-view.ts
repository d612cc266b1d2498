import { mediaUrl } from '../infra/rendering/external-images';
import type { Upload } from './upload';

/** An upload as its author (and moderators) see it: where it is served and the Markdown that shows it. */
export interface UploadView {
  id: string;
  kind: Upload['kind'];
  mime: string;
  name: string;
  size: number;
  width: number | null;
  height: number | null;
  /** Path (or URL on MEDIA_ORIGIN) it is served from. */
  url: string;
  /** What the composer inserts: `![name](/media/…)` for an image, `[name](/media/…)` for an attachment. */
  markdown: string;
  removed: string[];
  findings: Upload['findings'];
  postId: string | null;
  createdAt: string;
}

export const mediaPathOf = (upload: Pick<Upload, 'id' | 'name'>) =>
  `/media/${upload.id}/${encodeURIComponent(upload.name)}`;

const escapeLabel = (text: string) => text.replace(/[[\]\\]/g, '\\$&');

export function toUploadView(upload: Upload): UploadView {
  const path = mediaPathOf(upload);
  const label = escapeLabel(upload.name);
  return {
    id: upload.id,
    kind: upload.kind,
    mime: upload.mime,
    name: upload.name,
    size: upload.size,
    width: upload.width,
    height: upload.height,
    url: mediaUrl(path),
    markdown: upload.kind === 'image' ? `![${label}](${path})` : `[${label}](${path})`,
    removed: upload.removed,
    findings: upload.findings,
    postId: upload.postId,
    createdAt: upload.createdAt,
  };
}
