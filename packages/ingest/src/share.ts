// Sharing a private set: its transitions join the public graph exactly as if it had been imported as
// public — drawn with the import's own chain rules (chain.ts) from the stored entries, and added to the
// aggregates by the write path's own code (db publishSet). One way only: evidence in the public graph
// cannot be taken back into privacy without deleting the set.
import { type Database, publishSet, setChainEntries } from '@songnodes/db';
import { transitionChain } from './chain.ts';
import type { GraphChange } from './pipeline.ts';

/** Makes a private set public; null when it is not private (already public, or missing). */
export async function shareSet(db: Database, setId: number): Promise<GraphChange | null> {
  return db.transaction(async (tx) => {
    const entries = await setChainEntries(tx, setId);
    const chain = transitionChain(
      entries.map((e) => ({ position: e.position, key: e.trackId, withPrevious: e.withPrevious })),
    );
    return publishSet(tx, setId, chain);
  });
}
