/**
 * Every regular expression the detector runs lives here, so `redos.spec.ts` can prove each one
 * safe with recheck. Keep quantifiers bounded or over disjoint classes: posts are user input and a
 * catastrophic backtrack would stall the event loop on the server and freeze the composer in the
 * browser. Global (`g`) patterns are shared; callers reset `lastIndex` before use.
 */

// ---- normalise.ts --------------------------------------------------------------------------------

/**
 * Characters the character pass rewrites: entities for @ and ., odd spaces, invisibles, compat forms.
 * normalise.ts scans for them by hand (nextToNormalise); this is the reference its spec checks.
 */
// The class lists combining marks (U+20E3, the variation selectors) on purpose: each is matched alone.
export const NEEDS_NORMALISING =
  // eslint-disable-next-line no-misleading-character-class
  /&(?:#[xX]0{0,4}40;|#0{0,4}64;|commat;|#[xX]0{0,4}2[eE];|#0{0,4}46;|period;)|[\u00A0\u00AD\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u20E3\u3000\uFE0E\uFE0F\uFE50-\uFE6B\uFEFF\uFF01-\uFF5E]|[\u{1D400}-\u{1D7FF}]|[^\P{Nd}0-9]/gu;

/** The entity alternative of NEEDS_NORMALISING, sticky: normalise.ts tries it at each `&`. */
export const ENTITY_AT = /&(?:#[xX]0{0,4}40;|#0{0,4}64;|commat;|#[xX]0{0,4}2[eE];|#0{0,4}46;|period;)/y;

export const HTML_ENTITY = /^&(?:#[xX]0{0,4}40;|#0{0,4}64;|commat;|#[xX]0{0,4}2[eE];|#0{0,4}46;|period;)$/;

/** A decimal digit that is not ASCII. */
export const UNICODE_DIGIT = /[^\P{Nd}0-9]/u;

/** A letter or combining mark outside ASCII (word scanning). */
export const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;

// ---- emails --------------------------------------------------------------------------------------

export const LOCAL_PART_CHAR = /[\p{L}\p{M}\p{N}]/u;
export const TLD_SHAPE = /^\p{L}{2,63}$/u;
export const RETINA_LABEL = /^\d{1,2}(?:\.\d)?x$/i;
export const MAILTO_BEFORE = /mailto:$/i;
/** ssh-like commands whose `user@host` argument is a login, not an address. */
export const LOGIN_COMMAND =
  /(?:^|[\s`$'"(])(?:ssh|scp|sftp|rsync|mosh|telnet|ssh-copy-id|git\s{1,3}(?:clone|remote|push|pull|fetch))\s/i;
export const WHITESPACE = /\s/;
export const MAILBOX_PUNCTUATION = /[._+\-\d]/;
/** A local part that is a contraction ("I'm", "it's", "we're"), not a name like "o'connor". */
export const CONTRACTION = /'(?:m|s|re|ve|ll|d|t)$/i;
export const URL_SCHEME = /[a-z][a-z0-9+.-]{0,20}:\/\//i;

/** Spelled-out `@` (group 1) and `.` (group 2): ` at `, `(at)`, `[dot]`, `-at-`, ` @ `, ` . `, `[.]`. */
export const OBFUSCATED_SEPARATOR =
  /([[({<][ \t]?(?:[aA][tT]|@)[ \t]?[\])}>]|-[aA][tT]-|(?<=\S)[ \t](?:at|AT|At|@)[ \t](?=\S))|([[({<][ \t]?(?:[dD][oO][tT]|\.)[ \t]?[\])}>]|-[dD][oO][tT]-|(?<=\S)[ \t](?:dot|DOT|Dot|\.)[ \t](?=\S))/g;

/**
 * An `@` or the core of a spelled one (" at ", "(at)", "-at-", "[ at ]"): every match of group 1
 * of OBFUSCATED_SEPARATOR contains one, so lines without it are not rewritten.
 */
export const AT_OR_SPELLED_AT = /@|[ \t[({<-][aA][tT][ \t\])}>-]/g;
/** The same cores without the bare `@`, and those of group 2 (" dot ", "[.]", "-dot-", " . "). */
export const SPELLED_AT_HINT = /[ \t[({<-](?:[aA][tT]|@)[ \t\])}>-]/;
export const SPELLED_DOT_HINT = /[ \t[({<-](?:[dD][oO][tT]|\.)[ \t\])}>-]/;

/** Letters typed one by one with single spaces: `b e n j i @ e x a m p l e . n e t`. */
export const SPACED_CHARACTERS = /(?<![^\s])(?:[^\s] ){3,}[^\s](?![\p{L}\p{N}])/gu;

// ---- phones --------------------------------------------------------------------------------------

/** A run of digits with the separators people put in phone numbers (incl. one line break). */
export const PHONE_CANDIDATE = /(?:\+[ ]?)?\(?\d(?:[ \t\n.\-/()]{0,3}\d)*/g;
export const DIGIT_GROUP = /\d+/g;
/** FIRST_GROUP_PATTERN of libphonenumber's formatNationalNumberUsingFormat (numbering-plans.ts). */
export const FIRST_FORMAT_GROUP = /(\$\d)/;
export const EXTENSION_AFTER =
  /^[ \t]{0,3},?[ \t]{0,3}(?:ext\.?|extension|x|#|poste|durchwahl|dw\.?|int\.?)[ \t]{0,2}(\d{1,6})(?![\p{L}\p{N}])/iu;
export const LOOKALIKE_HINT = /[0-9][lIoO]|[lIoO][0-9]/;
/** Dashes other than the hyphen-minus (‐ ‑ ‒ – — ― −), read as `-` between digit groups. */
export const TYPOGRAPHIC_DASH = /[\u2010-\u2015\u2212]/;
/**
 * LOOKALIKE_HINT for iterating: each pair sits inside one token of `[0-9lIoO]` characters that may
 * hide digits as look-alike letters (`(9l9) 555-Ol42`).
 */
export const LOOKALIKE_PAIR = /[0-9][lIoO]|[lIoO][0-9]/g;
export const WORD_CHAR = /[\p{L}\p{N}_]/u;
/**
 * What a number may not touch: Latin letters (and marks), digits, underscore. Letters of other
 * scripts may touch it, as libphonenumber's matcher allows ("電話090-1234-5678", "тел.8 916 …").
 */
export const LATIN_WORD_CHAR = /[\p{Script=Latin}\p{M}\p{N}_]/u;
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Words before or after a number, for context. */
export const CONTEXT_WORD = /[\p{L}][\p{L}'’]{0,30}/gu;
export const SENTENCE_BREAK = /[.!?;]\s|\n/;
export const CODE_SPAN = /```[^`]{0,20000}```|`[^`\n]{1,2000}`/g;
export const URL_SPAN = /\b(?:https?|ftp):\/\/[^\s<>"')\]]{1,2000}/gi;

// ---- spelled digits ------------------------------------------------------------------------------

export const WORD_OR_NUMBER = /\p{L}+|\d+/gu;
export const SPELLED_GAP = /^[ \t,.\-\u2013\u2014/]{0,4}\n?[ \t]{0,3}$/;

// ---- region hints --------------------------------------------------------------------------------

/**
 * The country-code TLD of an address, matched at one `@` (sticky: the caller sets lastIndex to each
 * `@`; a match holds no other `@`, so this finds what a global scan would, without scanning prose).
 */
export const EMAIL_CC_TLD = /@[^\s@]{1,200}?\.([a-z]{2})(?![\p{L}\p{N}.-])/iuy;
/** Runs of letters or digits of scripts that point at a region; classified by scriptRegions(). */
// Script blocks include their combining marks on purpose: a run is counted per code unit.
export const REGIONAL_SCRIPT_RUN =
  // eslint-disable-next-line no-misleading-character-class
  /[\u0370-\u03FF\u0400-\u04FF\u0590-\u05FF\u0600-\u06FF\u0900-\u097F\u0980-\u09FF\u0B80-\u0BFF\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]+/g;

/** Every pattern above, for the ReDoS check (all-patterns.ts adds the generated word lists). */
export const PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'NEEDS_NORMALISING', pattern: NEEDS_NORMALISING },
  { name: 'ENTITY_AT', pattern: ENTITY_AT },
  { name: 'HTML_ENTITY', pattern: HTML_ENTITY },
  { name: 'UNICODE_DIGIT', pattern: UNICODE_DIGIT },
  { name: 'NON_ASCII_LETTER', pattern: NON_ASCII_LETTER },
  { name: 'LOCAL_PART_CHAR', pattern: LOCAL_PART_CHAR },
  { name: 'TLD_SHAPE', pattern: TLD_SHAPE },
  { name: 'RETINA_LABEL', pattern: RETINA_LABEL },
  { name: 'MAILTO_BEFORE', pattern: MAILTO_BEFORE },
  { name: 'LOGIN_COMMAND', pattern: LOGIN_COMMAND },
  { name: 'URL_SCHEME', pattern: URL_SCHEME },
  { name: 'WHITESPACE', pattern: WHITESPACE },
  { name: 'MAILBOX_PUNCTUATION', pattern: MAILBOX_PUNCTUATION },
  { name: 'CONTRACTION', pattern: CONTRACTION },
  { name: 'OBFUSCATED_SEPARATOR', pattern: OBFUSCATED_SEPARATOR },
  { name: 'AT_OR_SPELLED_AT', pattern: AT_OR_SPELLED_AT },
  { name: 'SPELLED_AT_HINT', pattern: SPELLED_AT_HINT },
  { name: 'SPELLED_DOT_HINT', pattern: SPELLED_DOT_HINT },
  { name: 'SPACED_CHARACTERS', pattern: SPACED_CHARACTERS },
  { name: 'PHONE_CANDIDATE', pattern: PHONE_CANDIDATE },
  { name: 'DIGIT_GROUP', pattern: DIGIT_GROUP },
  { name: 'FIRST_FORMAT_GROUP', pattern: FIRST_FORMAT_GROUP },
  { name: 'EXTENSION_AFTER', pattern: EXTENSION_AFTER },
  { name: 'LOOKALIKE_HINT', pattern: LOOKALIKE_HINT },
  { name: 'TYPOGRAPHIC_DASH', pattern: TYPOGRAPHIC_DASH },
  { name: 'LOOKALIKE_PAIR', pattern: LOOKALIKE_PAIR },
  { name: 'WORD_CHAR', pattern: WORD_CHAR },
  { name: 'LATIN_WORD_CHAR', pattern: LATIN_WORD_CHAR },
  { name: 'LETTER_OR_DIGIT', pattern: LETTER_OR_DIGIT },
  { name: 'CONTEXT_WORD', pattern: CONTEXT_WORD },
  { name: 'SENTENCE_BREAK', pattern: SENTENCE_BREAK },
  { name: 'CODE_SPAN', pattern: CODE_SPAN },
  { name: 'URL_SPAN', pattern: URL_SPAN },
  { name: 'WORD_OR_NUMBER', pattern: WORD_OR_NUMBER },
  { name: 'SPELLED_GAP', pattern: SPELLED_GAP },
  { name: 'EMAIL_CC_TLD', pattern: EMAIL_CC_TLD },
  { name: 'REGIONAL_SCRIPT_RUN', pattern: REGIONAL_SCRIPT_RUN },
];
