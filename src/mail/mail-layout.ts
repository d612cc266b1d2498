import escapeHtml from 'escape-html';

/** What a template says, before it becomes text and HTML: paragraphs, an optional list and one button. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Items such as replies or digest topics: a line each, with a link. */
  items?: Array<{ title: string; detail?: string; url?: string }>;
  action?: { label: string; url: string };
  /** Said under everything, before the footer ("You get this because you watch …"). */
  why: string;
}

export interface MailFooter {
  siteName: string;
  preferencesUrl: string;
  /** Null for administrative mail, which cannot be unsubscribed from. */
  unsubscribeUrl: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One layout for every mail, in plain text and in HTML with every value escaped. */
export function layOut(content: MailContent, footer: MailFooter): RenderedMail {
  const subject = `[${footer.siteName}] ${content.subject}`;
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.items ?? []).flatMap((item) => [
      `* ${item.title}${item.detail ? ` (${item.detail})` : ''}`,
      ...(item.url ? [`  ${item.url}`] : []),
    ]),
    ...(content.items?.length ? [''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '-- ',
    content.why,
    `Mail settings: ${footer.preferencesUrl}`,
    ...(footer.unsubscribeUrl ? [`Unsubscribe from these mails: ${footer.unsubscribeUrl}`] : []),
    `${footer.siteName}`,
  ].join('\n');
  const e = escapeHtml;
  const link = (url: string, label: string) => `<a href="${e(url)}">${e(label)}</a>`;
  const items = content.items?.length
    ? `<ul>${content.items
        .map(
          (item) =>
            `<li>${item.url ? link(item.url, item.title) : e(item.title)}${item.detail ? ` <span style="color:#555">(${e(item.detail)})</span>` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  const action = content.action
    ? `<p><a href="${e(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#2b59c3;color:#fff;text-decoration:none;border-radius:4px">${e(content.action.label)}</a></p><p style="color:#555;font-size:13px">Or open ${e(content.action.url)}</p>`
    : '';
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#222;max-width:600px">',
    `<p>${e(content.greeting)}</p>`,
    ...content.paragraphs.map((paragraph) => `<p>${e(paragraph)}</p>`),
    items,
    action,
    '<hr style="border:none;border-top:1px solid #ddd">',
    `<p style="color:#555;font-size:13px">${e(content.why)} ${link(footer.preferencesUrl, 'Mail settings')}`,
    footer.unsubscribeUrl ? ` · ${link(footer.unsubscribeUrl, 'Unsubscribe from these mails')}` : '',
    `<br>${e(footer.siteName)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
