/**
 * Forum text for bench:http: Markdown replies of 300 to 800 characters in the shape people write them (a
 * quote now and then, a mention, a list, inline code, a link, version numbers, sizes, dates and issue numbers,
 * which the personal-data check has to read and let through). None holds an address or phone number, so every
 * publish passes the check and is stored; the seed step proves that through the API before timing starts.
 */
const OPENERS = [
  'Same problem here since the **2.3** update.',
  'I can reproduce this on the nightly build from 2026-11-12 as well.',
  'Thanks for the detailed write-up, it helped a lot.',
  'We hit this in production last week, so here is what we found.',
  'Not sure it is the same bug, but the symptoms look very close.',
  'Quick follow-up after trying the suggestions above.',
];

const MIDDLES = [
  'The desktop client stops syncing after roughly 15 minutes, and the log shows `sync: backoff 300s` right before ' +
    'it goes quiet. Restarting the client fixes it until the next large upload (anything over 2 GB seems to do it).',
  'Steps that reliably trigger it for us:\n\n1. Open a vault with about 40 GB in it\n2. Rename a folder with ' +
    'more than 500 files\n3. Wait for the progress bar to reach 100%\n\nAfter that the status icon stays grey.',
  'Turning off *Smart throttling* under Settings → Network made the difference here. CPU went from 90% to ' +
    'about 12% and the queue drained in under 3 minutes. See also [the release notes](https://example.com/notes/2.3.1).',
  'Our setup: 3 laptops on macOS 14.6, one Windows 11 desktop (build 22631), all on version 2.3.1. Only the ' +
    'Windows machine shows the error `E_SYNC_CONFLICT 409`, the Macs are fine.',
  'I compared the timings: before the update a full scan took 42 s, now it takes 3 min 10 s on the same ' +
    'folder. Issue #4521 on the tracker looks related, and the workaround there (clearing the cache) helps a bit.',
  'Here is the relevant part of the config:\n\n```\nsync.interval = 60\nsync.maxParallel = 4\n```\n\nLowering ' +
    '`maxParallel` to 2 stopped the stalls for me, at the cost of slower first syncs.',
];

const CLOSERS = [
  'Happy to share more logs if that helps.',
  'Has anyone heard back from support about a fix?',
  'I will report back after a week of running with this setting.',
  'Marking my own thread as solved for now, thanks everyone!',
  'Would be great to get this into the 2.4 milestone.',
];

/** The i-th reply; `names` are usernames to mention, `quote` a post number to quote now and then. */
export function replyBody(i: number, names: string[], quote?: number): string {
  const parts: string[] = [];
  if (quote !== undefined && i % 4 === 0) {
    parts.push(`> @${names[i % names.length]} wrote (#${quote}):\n> the desktop client stops syncing`);
  }
  parts.push(OPENERS[i % OPENERS.length]);
  parts.push(MIDDLES[(i * 7 + 3) % MIDDLES.length]);
  if (i % 3 === 0) parts.push(`@${names[(i + 1) % names.length]} does this match what you saw?`);
  parts.push(`${CLOSERS[(i * 5 + 1) % CLOSERS.length]} (reply ${i})`);
  return parts.join('\n\n');
}

/** A draft as the live check sees it: a reply, with an e-mail address in every fifth one. */
export function draftText(i: number, names: string[]): string {
  const body = replyBody(i, names);
  return i % 5 === 0 ? `${body}\n\nYou can also mail me at ${names[0]}@example.org` : body;
}
