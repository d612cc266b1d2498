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
- **Your account**: your username, your email address, a hash of your password (never the password itself), your
  role, and when you signed up.
- **What you post**: topics, replies, board messages and their earlier versions when you edit them, with a summary
  of the personal data the checker found in them (types and counts, not the values).
- **Your acknowledgements** of the public-area notice: which version and when.
- **Moderation records**: actions moderators took on your posts or account. These record who acted, when, on
  which post and what kind of data was removed, never the removed values.
- **Notifications** we send you inside Parley.
- **Server logs**: time, request path, status and a request id, used to keep the service running and secure.
  Logs do not contain what you post.

### How we use it
To run the forums and boards, to show your posts under your username, to check posts for personal data before
they are published, to let moderators keep the forums safe, and to notify you about replies and moderator
actions. We do not sell your data or use it for advertising.

### Your rights
- **Access and export**: download everything we hold about you from your account settings (the export includes
  your profile, your posts and your notice acknowledgements).
- **Correct**: change your profile and edit your posts at any time.
- **Delete**: delete your account; you choose whether your posts are deleted too or kept without your name.
- **Object to mailings**: we send email only about your account (such as resetting your password) unless you
  opt in; you can turn off any optional email from your account settings at any time.

### Personal information in public posts
If you, or someone else, posted personal information in a forum or on a board, report the post. Moderators can
remove the personal information: it is replaced in the post and in every earlier version of it, and the author
is told. You can also edit or delete your own posts.

### Contact
Ask the site's administrators about anything in this statement.
`,
};
