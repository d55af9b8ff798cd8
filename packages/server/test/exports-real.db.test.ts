// Round trips on real tracklists (../shared/data, skipped when absent): 300 MixesDB mixes and 38 Traktor
// play histories are imported, then every set is exported in every playlist format, read back through
// our importers and prepared by ingest: each entry must resolve to the identity key of the track that
// was exported, in the same order. Real names (brackets, " - " inside titles, `feat.`, accents,
// ampersands) are where a format loses a track if it can.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ImportItem, isUnreadable, parseTrack, trackIdentity } from '@songnodes/core';
import { type PlaylistTrack, playlistTracks, setPlaylist } from '@songnodes/db';
import { readSets } from '@songnodes/importers';
import { importItems, prepareSet } from '@songnodes/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { writePlaylist } from '../../services/src/exports/formats.ts';
import { trackLine } from '../../services/src/exports/track-name.ts';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const MIXES = join(DATA, 'djmix-mixesdb/djmix-dataset-dev-1000.json.gz');
const HISTORY = join(DATA, 'traktor-history-2010/History');
const MIX_COUNT = 300;

async function* first(items: AsyncIterable<ImportItem>, n: number): AsyncIterable<ImportItem> {
  let i = 0;
  for await (const item of items) {
    if (i++ >= n) return;
    yield item;
  }
}
async function* bytes(s: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(s, 'utf8');
}

const EXT = { m3u8: 'm3u8', rekordbox: 'xml', traktor: 'nml', csv: 'csv', json: 'json' } as const;

/** The key the track's stored names give when parsed the way the format is read back. */
function reparsedKey(t: PlaylistTrack, format: keyof typeof EXT): string | undefined {
  // M3U carries no remixer field (VirtualDJ's tags have none).
  const parse = parseTrack({
    artist: t.artist,
    title: t.title,
    version: t.version ?? undefined,
    remixer: format === 'm3u8' ? undefined : t.remixers.join(' & ') || undefined,
  });
  return trackIdentity(parse)?.key;
}

describe.skipIf(noServer || !existsSync(MIXES) || !existsSync(HISTORY))(
  'exports of real sets read back as the same tracks (../shared/data)',
  () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await testDatabase();
      await importItems(t.db, first(readSets(MIXES), MIX_COUNT));
      for (const name of readdirSync(HISTORY).filter((f) => f.endsWith('.nml')))
        await importItems(t.db, readSets(join(HISTORY, name)));
    }, 300_000);
    const report: string[] = [];
    afterAll(async () => {
      await t?.drop();
      if (process.env.EXPORT_REPORT) console.log(report.join('\n'));
    });

    for (const format of ['m3u8', 'rekordbox', 'traktor', 'csv', 'json'] as const) {
      it(`${format}: every set, every track, in order`, async () => {
        const sets = await t.db.query<{ id: number }>('SELECT id FROM sets ORDER BY id');
        expect(sets.length).toBeGreaterThan(MIX_COUNT / 2);
        const lost: string[] = [];
        const unnamed: string[] = [];
        let entries = 0;
        for (const { id } of sets) {
          const set = await setPlaylist(t.db, id, null);
          if (!set || set.trackIds.length === 0) continue;
          const { tracks } = await playlistTracks(t.db, set.trackIds, null);
          const keys = new Map(
            (
              await t.db.query<{ id: number; key: string }>(
                'SELECT id, key FROM tracks WHERE id = ANY($1::int[])',
                [tracks.map((x) => x.id)],
              )
            ).map((r) => [r.id, r.key]),
          );
          const file = [...writePlaylist(format, { name: set.title ?? `set ${id}`, tracks })].join('');
          const read: ImportItem[] = [];
          for await (const item of readSets(bytes(file), { file: `export.${EXT[format]}` })) read.push(item);
          const parsed = read[0];
          if (read.length !== 1 || !parsed || isUnreadable(parsed)) {
            lost.push(`set ${id}: the ${format} export did not read back as one set`);
            continue;
          }
          const prepared = prepareSet(parsed);
          if ('error' in prepared) {
            lost.push(`set ${id}: ${prepared.error.message}`);
            continue;
          }
          const got = prepared.set.entries.map((e) => e.trackKey);
          tracks.forEach((track, i) => {
            entries++;
            const key = keys.get(track.id);
            if (got[i] === key) return;
            const what = `set ${id} #${i + 1}: exported ${JSON.stringify(key)} (${trackLine(track)}), read back ${JSON.stringify(got[i])} from ${JSON.stringify(prepared.set.entries[i]?.raw)}`;
            // The stored names of some tracks do not parse back to the track's own key (several version
            // groups stored as one string, an unbalanced bracket in a title): no file of names can carry
            // those, so they are counted apart from what a format itself loses.
            if (reparsedKey(track, format) !== key) unnamed.push(what);
            else lost.push(what);
          });
          if (got.length !== tracks.length)
            lost.push(`set ${id}: ${tracks.length} exported, ${got.length} read back`);
        }
        report.push(
          `${format}: ${entries} entries, ${lost.length} lost by the format, ${unnamed.length} whose stored names do not parse back to their key`,
        );
        expect(entries).toBeGreaterThan(1000);
        expect(lost).toEqual([]);
        // Measured on this sample: 35 of 8,451 (0.4%) for formats with a remixer field, 62 (0.7%) for
        // M3U. A rise means identity parsing changed in a way stored names no longer survive.
        expect(unnamed.length / entries).toBeLessThan(0.01);
      }, 120_000);
    }
  },
);
