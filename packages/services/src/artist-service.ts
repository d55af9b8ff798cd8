// Corrections to artists: aliases and merges. Reads (the artist page) are CatalogService's. A merge
// changes which artists the graph's tracks are credited to and how many distinct DJs played each pair
// (two performer records may be one DJ), so it is announced as a graph change like a track merge.
import { artistKey } from '@songnodes/core';
import {
  artistExists,
  type Database,
  mergeArtistRecords,
  pairsOfSets,
  recountFromEvidence,
  replaceArtistAliases,
} from '@songnodes/db';
import { can, type Principal } from './auth/access.ts';
import { type AuditService, NO_REQUEST, type RequestContext } from './auth/audit-service.ts';
import { invalid, notFound, ServiceError } from './errors.ts';
import type { EventBus } from './events.ts';

/** Most aliases one artist may have: names people write, not a dictionary. */
export const MAX_ALIASES = 50;
/** Longest alias: as long as any artist credit we have seen written, with room to spare. */
export const MAX_ALIAS_LENGTH = 200;

export interface ArtistMerge {
  kept: number;
  merged: number;
  /** Tracks whose credits moved to the kept artist. */
  tracks: number;
  /** Sets the merged artist performed, now the kept artist's. */
  sets: number;
  /** Transitions whose DJ count was recounted. */
  transitions: number;
}

export class ArtistService {
  private readonly deps: { db: Database; bus: EventBus; audit?: AuditService };

  /** With `audit`, merges and alias changes are recorded (actor, target, request id). */
  constructor(deps: { db: Database; bus: EventBus; audit?: AuditService }) {
    this.deps = deps;
  }

  /** Replaces an artist's aliases; an alias that is another artist's name or alias is refused, naming it. */
  async setAliases(
    id: number,
    aliases: readonly string[],
    who: Principal,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<{ id: number; aliases: string[] }> {
    if (!can(who, 'write:tracks'))
      throw new ServiceError('forbidden', 'correcting artists needs write:tracks');
    if (aliases.length > MAX_ALIASES)
      throw invalid('aliases', `at most ${MAX_ALIASES} aliases, got ${aliases.length}`);
    const writes = aliases.map((alias, i) => {
      const name = alias.trim();
      if (name.length > MAX_ALIAS_LENGTH)
        throw invalid(
          `aliases.${i}`,
          `an alias has at most ${MAX_ALIAS_LENGTH} characters, got ${name.length}`,
        );
      const key = artistKey(name);
      if (key === '')
        throw invalid(`aliases.${i}`, `alias ${JSON.stringify(alias)} has no letters or digits`);
      return { alias: name, aliasKey: key };
    });
    const result = await this.deps.db.transaction(async (tx) => {
      if (!(await artistExists(tx, id))) throw notFound(`no artist ${id}`, 'id');
      const r = await replaceArtistAliases(tx, id, writes);
      if (r.conflicts.length === 0)
        await this.deps.audit?.record(
          who,
          'artist.aliases',
          { target: `artist:${id}`, details: { aliases: r.aliases }, ctx },
          tx,
        );
      return r;
    });
    if (result.conflicts.length > 0) {
      const c = result.conflicts[0]!;
      throw new ServiceError(
        'conflict',
        c.as === 'artist'
          ? `"${c.alias}" is artist ${c.artistId} (${c.artistName}): merge the two artists instead`
          : `"${c.alias}" is already an alias of artist ${c.artistId} (${c.artistName})`,
        { field: 'aliases', details: result.conflicts },
      );
    }
    return { id, aliases: result.aliases };
  }

  /**
   * Folds artist `merged` into `kept` (two records of one artist: a misspelling, a former name). Not
   * reversible by a split: the merged record is gone and its name is kept as an alias.
   */
  async merge(
    kept: number,
    merged: number,
    who: Principal,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<ArtistMerge> {
    if (!can(who, 'merge:tracks')) throw new ServiceError('forbidden', 'merging artists needs merge:tracks');
    if (kept === merged) throw invalid('merge', 'an artist cannot be merged into itself');
    const done = await this.deps.db.transaction(async (tx) => {
      for (const [field, id] of [
        ['keep', kept],
        ['merge', merged],
      ] as const)
        if (!(await artistExists(tx, id))) throw notFound(`no artist ${id}`, field);
      const r = await mergeArtistRecords(tx, kept, merged);
      if (!r) throw notFound(`artist ${kept} or ${merged} is gone`);
      const pairs = await pairsOfSets(tx, r.setIds);
      await recountFromEvidence(tx, pairs, 'djs');
      await this.deps.audit?.record(
        who,
        'artist.merge',
        {
          target: `artist:${kept}`,
          details: { merged, tracks: r.trackIds.length, sets: r.setIds.length },
          ctx,
        },
        tx,
      );
      return { ...r, pairs };
    });
    if (done.trackIds.length > 0 || done.pairs.length > 0)
      this.deps.bus.publish({
        type: 'graph.changed',
        newTrackIds: done.trackIds,
        changedPairs: done.pairs.map((p) => [p.from, p.to]),
        cause: 'merge',
      });
    return {
      kept,
      merged,
      tracks: done.trackIds.length,
      sets: done.setIds.length,
      transitions: done.pairs.length,
    };
  }
}
