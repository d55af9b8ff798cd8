// The chain of transitions of one set, in one place: an import draws it from identity keys as it
// prepares a set; sharing a private set draws it again from the stored entries' track ids.

export interface ChainLink<K> {
  position: number;
  /** The entry's track (key or id); null for an unknown entry ("ID - ID"). */
  key: K | null;
  /** A `w/` layer played over the track before it. */
  withPrevious: boolean;
}

/**
 * Consecutive known tracks in set order, as (position of the `from` entry, from, to). A `w/` layer rides
 * on the track before it (it neither starts nor ends a transition); an unknown entry breaks the chain;
 * the same track twice in a row is not a transition.
 */
export function transitionChain<K>(entries: Iterable<ChainLink<K>>): { position: number; from: K; to: K }[] {
  const out: { position: number; from: K; to: K }[] = [];
  let previous: { position: number; key: K } | null = null;
  for (const e of entries) {
    if (e.withPrevious) continue;
    if (e.key === null) {
      previous = null;
      continue;
    }
    if (previous && previous.key !== e.key)
      out.push({ position: previous.position, from: previous.key, to: e.key });
    previous = { position: e.position, key: e.key };
  }
  return out;
}
