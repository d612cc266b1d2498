import type { MailContent } from './mail-layout';

/** Every mail Parley sends, and the data each one renders. Data holds no more than the mail says. */
export interface MailTemplateData {
  'verify-email': { username: string; url: string; hours: number; change: boolean };
  'email-change-notice': { username: string; newAddress: string };
  'address-in-use': Record<string, never>;
  'password-reset': { username: string; url: string; minutes: number };
  'password-changed': { username: string };
  activity: {
    username: string;
    forumName: string;
    topicTitle: string;
    topicUrl: string;
    items: Array<{ type: 'reply' | 'mention' | 'quote'; authorName: string; excerpt: string; url: string }>;
  };
  moderation: { username: string; summary: string; reason: string | null; url: string | null };
  digest: {
    username: string;
    days: number;
    topics: Array<{ title: string; forumName: string; replies: number; url: string }>;
  };
}

export type MailTemplate = keyof MailTemplateData;

const itemLabel = { reply: 'replied', mention: 'mentioned you', quote: 'quoted you' } as const;

/** The words of each template; the layout (src/mail/mail-layout.ts) adds the footer and the HTML. */
export const MAIL_TEMPLATES: {
  [T in MailTemplate]: (data: MailTemplateData[T], site: string) => MailContent;
} = {
  'verify-email': (data, site) => ({
    subject: data.change ? 'Confirm your new email address' : 'Confirm your email address',
    greeting: `Hello ${data.username},`,
    paragraphs: [
      data.change
        ? `You asked to use this address for your ${site} account. It is used only once you confirm it.`
        : `Welcome to ${site}. Confirm this address so that we can send you replies, mentions and password resets.`,
      `The link works once, for ${data.hours} hours. If you did not ask for this, ignore this mail.`,
    ],
    action: { label: 'Confirm this address', url: data.url },
    why: `You get this because this address was entered for a ${site} account.`,
  }),
  'address-in-use': (_data, site) => ({
    subject: 'Someone tried to use your address',
    greeting: 'Hello,',
    paragraphs: [
      `Someone asked to use this email address for another ${site} account (signing up, or changing an account's address). It already belongs to your account, so it was not given to the other one and nothing changed for you.`,
      'If this was you, sign in with this address instead, or reset your password if you have forgotten it; otherwise you can ignore this mail.',
    ],
    why: `You get this because this address belongs to a ${site} account.`,
  }),
  'email-change-notice': (data, site) => ({
    subject: 'Your email address is being changed',
    greeting: `Hello ${data.username},`,
    paragraphs: [
      `Someone signed in to your ${site} account asked to change its email address to ${data.newAddress}.`,
      'This address stays in use until the new one is confirmed. If this was not you, change your password now.',
    ],
    why: `You get this because this is the address of your ${site} account.`,
  }),
  'password-reset': (data, site) => ({
    subject: 'Reset your password',
    greeting: `Hello ${data.username},`,
    paragraphs: [
      `Someone asked to reset the password of your ${site} account.`,
      `The link works once, for ${data.minutes} minutes. If you did not ask, ignore this mail: your password stays as it is.`,
    ],
    action: { label: 'Choose a new password', url: data.url },
    why: `You get this because a password reset was asked for this address.`,
  }),
  'password-changed': (data, site) => ({
    subject: 'Your password was changed',
    greeting: `Hello ${data.username},`,
    paragraphs: [
      `The password of your ${site} account was just changed, and every other session was signed out.`,
      'If this was not you, reset your password now with "Forgot password" on the sign-in page.',
    ],
    why: `You get this because this is the address of your ${site} account.`,
  }),
  activity: (data) => {
    const count = data.items.length;
    return {
      subject:
        count === 1
          ? `${data.items[0].authorName} ${itemLabel[data.items[0].type]} in "${data.topicTitle}"`
          : `${count} new posts in "${data.topicTitle}"`,
      greeting: `Hello ${data.username},`,
      paragraphs: [`New in "${data.topicTitle}" (${data.forumName}):`],
      items: data.items.map((item) => ({
        title: `${item.authorName} ${itemLabel[item.type]}`,
        detail: item.excerpt,
        url: item.url,
      })),
      action: { label: 'Open the topic', url: data.topicUrl },
      why: 'You get this because you watch this topic or were mentioned or quoted in it.',
    };
  },
  moderation: (data) => ({
    subject: data.summary,
    greeting: `Hello ${data.username},`,
    paragraphs: [data.summary, ...(data.reason ? [`Reason: ${data.reason}`] : [])],
    ...(data.url ? { action: { label: 'See it', url: data.url } } : {}),
    why: 'You get this because a moderator acted on something of yours.',
  }),
  digest: (data, site) => ({
    subject: `What happened on ${site} in the last ${data.days} days`,
    greeting: `Hello ${data.username},`,
    paragraphs: [`The most active topics in the forums you can read:`],
    items: data.topics.map((topic) => ({
      title: topic.title,
      detail: `${topic.forumName}, ${topic.replies} ${topic.replies === 1 ? 'reply' : 'replies'}`,
      url: topic.url,
    })),
    why: 'You get this because you turned on the periodic summary.',
  }),
};
