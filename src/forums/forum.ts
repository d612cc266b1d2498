import type { ExternalImages } from '../infra/rendering/external-images';
import type { PiiPolicy } from '../publishing/publish-decision';

export type ForumVisibility = 'public' | 'members';

/** A product forum as every other module sees it (plain object, ids as strings). */
export interface Forum {
  id: string;
  slug: string;
  name: string;
  productName: string;
  description: string;
  position: number;
  visibility: ForumVisibility;
  piiPolicy: PiiPolicy;
  /** ISO 3166 region used to read national phone numbers written without a country code. */
  phoneRegion: string;
  /** Other hosts' images in posts: through Parley's image proxy, or shown as links only. */
  externalImages: ExternalImages;
  moderatorIds: string[];
  topicCount: number;
  postCount: number;
  lastActivityAt: string | null;
  archived: boolean;
  createdAt: string;
}

export type NewForum = Pick<Forum, 'slug' | 'name' | 'productName' | 'description'> &
  Partial<
    Pick<Forum, 'position' | 'visibility' | 'piiPolicy' | 'phoneRegion' | 'externalImages' | 'moderatorIds'>
  >;

export type ForumChanges = Partial<
  Pick<
    Forum,
    | 'name'
    | 'productName'
    | 'description'
    | 'position'
    | 'visibility'
    | 'piiPolicy'
    | 'phoneRegion'
    | 'externalImages'
    | 'moderatorIds'
    | 'archived'
  >
>;
