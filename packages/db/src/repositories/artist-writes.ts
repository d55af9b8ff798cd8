// Corrections to artists: their aliases, and merging two records of one artist. Reads are in
// catalog.ts. An alias is another name of the artist (a misspelling, a former name, a transliteration):
// ingest resolves names through aliases too, so after "Luke Abbot" becomes an alias of "Luke Abbott"
// later imports credit the right artist.
import type { Queryable } from '../database.ts';

export interface AliasWrite {
  alias: string;
  /** core's artistKey of the alias. */
  aliasKey: string;
}

/** Why an alias cannot be given to this artist: it is another artist's name or alias. */
export interface AliasConflict {
  alias: string;
  /** The artist that already answers to it. */
  artistId: number;
  artistName: string;
  /** `artist`: it is that artist's own name (merge them instead); `alias`: one of its aliases. */
  as: 'artist' | 'alias';
}

export async function artistExists(q: Queryable, id: number): Promise<{ id: number; name: string } | null> {
  const [a] = await q.query<{ id: number; name: string }>('SELECT id, name FROM artists WHERE id = $1', [id]);
  return a ?? null;
}

/**
 * Replaces the artist's aliases with these. Returns the conflicts instead of writing when any alias
 * already belongs to another artist (as its name or one of its aliases). An alias whose key is the
 * artist's own key is dropped: it adds nothing.
 */
export async function replaceArtistAliases(
  tx: Queryable,
  artistId: number,
  aliases: readonly AliasWrite[],
): Promise<{ conflicts: AliasConflict[]; aliases: string[] }> {
  const [own] = await tx.query<{ key: string }>('SELECT key FROM artists WHERE id = $1 FOR UPDATE', [
    artistId,
  ]);
  if (!own) return { conflicts: [], aliases: [] };
  const unique = [
    ...new Map(aliases.filter((a) => a.aliasKey !== own.key).map((a) => [a.aliasKey, a])).values(),
  ];
  const keys = unique.map((a) => a.aliasKey);
  const taken = await tx.query<{ key: string; id: number; name: string; as: 'artist' | 'alias' }>(
    `SELECT a.key, a.id, a.name, 'artist' AS as FROM artists a WHERE a.key = ANY($1) AND a.id <> $2
     UNION ALL
     SELECT x.alias_key, a.id, a.name, 'alias' FROM artist_aliases x JOIN artists a ON a.id = x.artist_id
     WHERE x.alias_key = ANY($1) AND x.artist_id <> $2`,
    [keys, artistId],
  );
  if (taken.length > 0) {
    const byKey = new Map(unique.map((a) => [a.aliasKey, a.alias]));
    return {
      conflicts: taken.map((t) => ({
        alias: byKey.get(t.key)!,
        artistId: t.id,
        artistName: t.name,
        as: t.as,
      })),
      aliases: [],
    };
  }
  await tx.query('DELETE FROM artist_aliases WHERE artist_id = $1', [artistId]);
  if (unique.length > 0)
    await tx.query(
      `INSERT INTO artist_aliases (artist_id, alias, alias_key)
       SELECT $1, a, k FROM unnest($2::text[], $3::text[]) AS u(a, k)`,
      [artistId, unique.map((a) => a.alias), keys],
    );
  return { conflicts: [], aliases: unique.map((a) => a.alias).sort() };
}

export interface ArtistMergeResult {
  /** Tracks credited to the merged artist: their artists changed. */
  trackIds: number[];
  /** Sets the merged artist performed: their pairs' DJ counts were recounted. */
  setIds: number[];
}

/**
 * Folds artist `mergedId` into `keptId`: credits and performances move to the kept artist (a track
 * or set that names both keeps one credit), the merged artist's name and aliases become aliases of
 * the kept one, and the merged record is deleted. The caller recounts the DJ counts of the sets'
 * transitions (two performers may now be one DJ) and tells the graph. Run it inside a transaction.
 */
export async function mergeArtistRecords(
  tx: Queryable,
  keptId: number,
  mergedId: number,
): Promise<ArtistMergeResult | null> {
  const both = await tx.query<{ id: number; name: string; key: string }>(
    'SELECT id, name, key FROM artists WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE',
    [[keptId, mergedId]],
  );
  const merged = both.find((a) => a.id === mergedId);
  if (both.length !== 2 || !merged) return null;
  const tracks = await tx.query<{ track_id: number }>(
    'SELECT DISTINCT track_id FROM track_artists WHERE artist_id = $1 ORDER BY track_id',
    [mergedId],
  );
  const sets = await tx.query<{ set_id: number }>(
    'SELECT DISTINCT set_id FROM set_performers WHERE artist_id = $1 ORDER BY set_id',
    [mergedId],
  );
  // One credit per track and role, one performance per set.
  await tx.query(
    `DELETE FROM track_artists m USING track_artists k
     WHERE m.artist_id = $2 AND k.artist_id = $1 AND k.track_id = m.track_id AND k.role = m.role`,
    [keptId, mergedId],
  );
  await tx.query('UPDATE track_artists SET artist_id = $1 WHERE artist_id = $2', [keptId, mergedId]);
  await tx.query(
    `DELETE FROM set_performers m USING set_performers k
     WHERE m.artist_id = $2 AND k.artist_id = $1 AND k.set_id = m.set_id`,
    [keptId, mergedId],
  );
  await tx.query('UPDATE set_performers SET artist_id = $1 WHERE artist_id = $2', [keptId, mergedId]);
  await tx.query('UPDATE artist_aliases SET artist_id = $1 WHERE artist_id = $2', [keptId, mergedId]);
  await tx.query(
    `INSERT INTO artist_aliases (artist_id, alias, alias_key) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [keptId, merged.name, merged.key],
  );
  await tx.query('DELETE FROM artists WHERE id = $1', [mergedId]);
  return { trackIds: tracks.map((r) => r.track_id), setIds: sets.map((r) => r.set_id) };
}

/** The distinct pairs the given sets contribute to the graph (their set_transitions). */
export async function pairsOfSets(
  q: Queryable,
  setIds: readonly number[],
): Promise<{ from: number; to: number }[]> {
  if (setIds.length === 0) return [];
  return q.query<{ from: number; to: number }>(
    `SELECT DISTINCT from_track_id AS "from", to_track_id AS "to" FROM set_transitions
     WHERE set_id = ANY($1::int[])`,
    [setIds],
  );
}
