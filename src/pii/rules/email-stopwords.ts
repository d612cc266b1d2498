/**
 * Words that sit before " at " in ordinary prose ("look at example.com", "meet me at home dot com",
 * "I work at acme.io"). When the `@` was typed as the bare word "at", a local part from this list
 * means the sentence is prose, not an address. Bracketed forms like "(at)" are deliberate and skip
 * this check. Mailbox names people really use (info, sales, support, team…) must not be listed.
 */
export const PROSE_BEFORE_AT: ReadonlySet<string> = new Set(
  (
    'a|an|the|i|me|we|us|you|he|him|she|her|it|they|them|my|our|your|his|their|its|this|that|these|' +
    'those|here|there|where|who|what|which|is|are|was|were|be|been|am|not|all|only|just|also|still|' +
    'even|up|out|in|on|off|one|two|three|look|looks|looked|looking|available|find|found|meet|met|see|' +
    'seen|stay|stayed|staying|arrive|arrived|arriving|live|lives|living|lived|work|works|working|' +
    'worked|job|shop|shopping|buy|bought|sell|sold|posted|hosted|host|located|based|online|home|now|' +
    'today|tomorrow|tonight|everyone|someone|anyone|people|check|read|visit|visited|listed|published|' +
    'released|hired|employed|studied|study|studying|teach|teaches|taught|intern|interned|engineer|' +
    'developer|student|students|docs|page|site|website|link|more|details|guide|go|went|gone|going|get|' +
    'got|signed|sign|register|registered|download|downloaded|run|runs|running|deployed|served|' +
    'mirrored|pointed|points|directed|aimed'
  ).split('|'),
);
