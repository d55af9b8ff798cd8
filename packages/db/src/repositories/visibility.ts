// Who sees what: a user's own imports (private sets) and the tracks only they know are visible to that
// user alone. Every read of sets or tracks for a person goes through these two conditions; `viewer` is
// the user's id, or null for anyone not signed in as a user (guests, the local owner, the CLI), who
// see the public catalogue. Transitions need no filter: private sets never write any (set-writes.ts).

/** The user a read is made for; null sees public sets and tracks only. */
export type Viewer = number | null;

/** SQL: set `s` is visible to the viewer bound as parameter `p` (e.g. `$3`). */
export const visibleSet = (s: string, p: string): string =>
  `(${s}.visibility = 'public' OR ${s}.owner_id = ${p}::int)`;

/** SQL: track `t` is visible to the viewer bound as parameter `p` (e.g. `$3`). */
export const visibleTrack = (t: string, p: string): string =>
  `(${t}.private_to IS NULL OR ${p}::int = ANY(${t}.private_to))`;
