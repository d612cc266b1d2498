import type { Forum } from './forum';

/** What readers see of a forum: moderator ids and the policy stay (the policy explains 422 answers). */
export type ForumView = Omit<Forum, 'createdAt'>;

export function toForumView(forum: Forum): ForumView {
  const { createdAt: _createdAt, ...view } = forum;
  return view;
}
