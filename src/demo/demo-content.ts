/** The demo forums for `npm run seed`: three products, a few topics each, replies that quote and mention. */
export interface DemoTopic {
  key: string;
  author: string;
  title: string;
  body: string;
  replies: Array<{ author: string; body: string; replyTo?: number }>;
}

export interface DemoForum {
  slug: string;
  name: string;
  productName: string;
  description: string;
  visibility: 'public' | 'members';
  piiPolicy: 'warn' | 'review' | 'mask';
  topics: DemoTopic[];
}

export const DEMO_USERS = ['demo_admin', 'ada_l', 'grace_h', 'linus_t', 'margaret_h'];

export const DEMO_FORUMS: DemoForum[] = [
  {
    slug: 'acme-cloud',
    name: 'Acme Cloud',
    productName: 'Acme Cloud Storage',
    description: 'Sync, sharing and backups with Acme Cloud: questions, ideas and help.',
    visibility: 'public',
    piiPolicy: 'warn',
    topics: [
      {
        key: 'acme-sync',
        author: 'ada_l',
        title: 'Desktop sync stops after the 2.3 update',
        body: 'Since updating to **2.3** the desktop client stops syncing after a few minutes.\n\n- macOS 14\n- about 40 GB in the vault\n\nAnyone else seeing this?',
        replies: [
          {
            author: 'grace_h',
            body: 'Same here on Windows 11. Restarting the client gets it going again for a while.',
            replyTo: 1,
          },
          {
            author: 'linus_t',
            body: '> @grace_h wrote (#2):\n> Restarting the client gets it going again\n\nTry turning off *Smart throttling* under Settings → Network; that fixed it for me. @ada_l does that help?',
          },
          { author: 'ada_l', body: 'It does, thanks @linus_t! Marking this as solved.' },
        ],
      },
      {
        key: 'acme-share-links',
        author: 'margaret_h',
        title: 'Feature idea: expiring share links',
        body: 'It would be great if share links could expire after a set number of days. Our legal team asks for it.',
        replies: [{ author: 'grace_h', body: '+1, and a download limit per link would be nice too.' }],
      },
      {
        key: 'acme-welcome',
        author: 'demo_admin',
        title: 'Welcome to the Acme Cloud forum',
        body: 'Ask questions, share ideas and help each other. Please read the notice about public areas before posting: **anything you post here can be read by anyone.**',
        replies: [],
      },
    ],
  },
  {
    slug: 'nimbus-notes',
    name: 'Nimbus Notes',
    productName: 'Nimbus Notes',
    description: 'Markdown notes on every device. Tips, tricks and bug reports.',
    visibility: 'public',
    piiPolicy: 'review',
    topics: [
      {
        key: 'nimbus-tables',
        author: 'grace_h',
        title: 'How do I make a table in a note?',
        body: 'I tried pipes but the columns do not line up in the mobile app.',
        replies: [
          {
            author: 'ada_l',
            body: 'Tables need a header separator line:\n\n```\n| Day | Task |\n|-----|------|\n| Mon | Plan |\n```\n\nwhich renders as\n\n| Day | Task |\n|-----|------|\n| Mon | Plan |',
            replyTo: 1,
          },
          { author: 'grace_h', body: 'That was it, thank you!' },
        ],
      },
      {
        key: 'nimbus-export',
        author: 'linus_t',
        title: 'Export all notes as plain Markdown files',
        body: 'Is there a way to export the whole library as `.md` files, keeping the folder structure?',
        replies: [
          {
            author: 'margaret_h',
            body: 'File → Export → *Markdown folder* does exactly that since version 5.',
          },
        ],
      },
    ],
  },
  {
    slug: 'orbit-analytics',
    name: 'Orbit Analytics',
    productName: 'Orbit Analytics',
    description: 'Dashboards and reports for Orbit customers (members only).',
    visibility: 'members',
    piiPolicy: 'mask',
    topics: [
      {
        key: 'orbit-retention',
        author: 'margaret_h',
        title: 'Cohort retention chart shows gaps on weekends',
        body: 'Our weekly cohort chart has empty cells for Saturdays. Is that expected when no events arrive?',
        replies: [
          {
            author: 'linus_t',
            body: 'Yes: empty buckets are not zero-filled. There is a *Fill gaps* toggle in the chart options.',
          },
          { author: 'margaret_h', body: 'Found it, thanks.' },
        ],
      },
    ],
  },
];
