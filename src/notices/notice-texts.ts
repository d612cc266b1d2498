import type { NoticeKind } from './notice';

/**
 * First versions, seeded at start-up when a kind has none. Admins replace them with PUT; these texts are
 * never used again once version 1 exists. The privacy statement describes what the code does: change both
 * together.
 */
export const FIRST_VERSIONS: Record<NoticeKind, string> = {
  'public-area': `## Forums and boards are public

Everything you post in a forum or on a board can be seen by anyone, including people who are not signed in.
That includes any personal information you put in it: your own or someone else's email address, phone number,
name, or anything else.

Once it is posted, anyone can read it, copy it, keep it, use it and pass it on, and we cannot take back copies
that others made. Removing a post later does not undo that.

You are responsible for what you post. Before you publish, Parley checks your text for email addresses and phone
numbers and shows you what it found; depending on the forum, personal data is published as written, held for a
moderator, or masked.

Read our [privacy statement](/privacy) to see what we collect about you and what you can ask us to do with it.
`,
  privacy: `## Privacy statement

### What we collect
- **Your account**: username, email address, display name, a hash of your password (never the password itself),
  your roles and the forums you moderate, when you signed up and were last seen, and your notification preferences.
- **Your sessions**: sign-in tokens, stored only as hashes, so that you can stay signed in and sign out everywhere.
  We store no IP address with a session. The cookies we set are needed for signing in and for protecting forms;
  we use no tracking or advertising cookies.
- **Failed sign-ins**: a count per login name (stored as a hash), to slow down password guessing.
- **What you post**: topics, replies and board messages, their earlier versions when you edit them, your likes, and
  a summary of the personal data our checker found in them (kinds and counts, never the values).
- **Your acknowledgements** of the public-area notice: which version and when.
- **Reports you file**, and **moderation records** about your posts or account: who acted, when, on which post,
  why, and how many items of which kind were removed, never the removed values.
- **Notifications** we show you in Parley.
- **Server logs**: time, request path, status and a request id, to keep the service running and secure. Logs do
  not contain what you post, your password or your tokens.
- **Connection addresses**: your IP address is used while you are connected, to limit abuse, and is not stored.

### How long we keep it
- Failed sign-in counts: 30 days after the last failure.
- Sessions and their sign-in tokens: 30 days after they end (sign-out, password change, expiry).
- Moderation records: 2 years, then they are deleted.
- Server logs: Parley writes them to the server's output; the administrators keep them no longer than 14 days.
- Your account, posts and notifications: until you delete them or your account.
- A deleted account's username stays reserved, so nobody else can appear to be the author of its posts.

### How we use it
To run the forums and boards, to show your posts under your name, to check posts for email addresses and phone
numbers before they are published, to let moderators keep the forums safe, and to notify you about replies,
mentions and moderator actions. We do not sell your data or use it for advertising.

### Your rights
- **Access and export**: see your account data at any time, and download everything we hold about you as one
  file (your profile, posts and board messages with their earlier versions, reports, notice acknowledgements,
  notifications and moderation actions on your content).
- **Correct**: change your profile from your account settings, and edit your own posts.
- **Delete**: delete your account. Your personal details are erased and your sessions end; your posts stay,
  shown as written by a "deleted user", unless you ask for them to be deleted as well.
- **Opt out**: choose, for each kind (replies, mentions, moderation, mailings), whether you get notified in Parley
  and by email. Every email has a one-click unsubscribe link that works without signing in.

### Personal information in public posts
Forums and boards are public: see the notice shown before you post. If you find your own or someone else's
personal information in a post, report it. Moderators can remove it: it is replaced in the post and in every
earlier version of it, the author is told, and the record of that action keeps no copy of what was removed.
You can also edit or delete your own posts at any time.

### Contact
Ask the site's administrators about anything in this statement.
`,
};
