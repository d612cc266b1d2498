import type { PiiPolicy } from '../publishing/publish-decision';

export type UploadKind = 'image' | 'attachment';

/** What an upload's check found (types and counts, never the values) and what the forum's policy did with it. */
export interface UploadFindings {
  total: number;
  byType: Record<string, number>;
  policy: PiiPolicy;
  /** The review policy: a post carrying this upload waits for a moderator. */
  held: boolean;
}

/** An uploaded file as every module sees it (plain object, ids as strings). */
export interface Upload {
  id: string;
  ownerId: string;
  forumId: string;
  /** The post that carries it; null until a published post references it (an orphan until then). */
  postId: string | null;
  kind: UploadKind;
  mime: string;
  /** The file name shown and offered on download (cleaned; personal data masked under the mask policy). */
  name: string;
  size: number;
  width: number | null;
  height: number | null;
  /** Content address of the stored bytes: `sha256/<hex>`. */
  storageKey: string;
  findings: UploadFindings | null;
  /** What was taken out on the way in, in the author's words ("location data removed from photo.jpg"). */
  removed: string[];
  createdAt: string;
}

export type NewUpload = Omit<Upload, 'id' | 'postId' | 'createdAt'>;
