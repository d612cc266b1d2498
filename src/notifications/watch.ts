/**
 * How closely a user follows a topic or a forum (Discourse's levels): `watching` tells of every new post (in the
 * inbox and by mail), `tracking` of every new post in the inbox (mail only for what is personal), `normal` only
 * of replies to you, mentions and quotes, `muted` of nothing from there. No entry means `normal`; writing a topic or replying in it sets `watching` unless the user chose.
 */
export const WATCH_LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const;
export type WatchLevel = (typeof WATCH_LEVELS)[number];
export type WatchScope = 'topic' | 'forum';
