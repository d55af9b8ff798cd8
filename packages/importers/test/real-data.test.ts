// Runs the readers over the real files in ../shared/data (not part of the repo). Each block skips
// with a message when its folder is absent, e.g. in a fresh clone.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/index.ts';
import { collect, sharedData } from './helpers.ts';

const has = (dir: string): boolean => {
  const ok = existsSync(sharedData(dir));
  if (!ok) console.warn(`skipping ${dir}: ../shared/data/${dir} is absent`);
  return ok;
};

describe.skipIf(!has('djmix-mixesdb'))('djmix-mixesdb (gzip JSON array)', () => {
  it('reads 1,000 mixes with 22,246 entries, dated and with performers', async () => {
    const { sets, unreadable } = await collect(sharedData('djmix-mixesdb/djmix-dataset-dev-1000.json.gz'));
    expect(unreadable).toEqual([]);
    expect(sets).toHaveLength(1000);
    expect(sets.reduce((n, s) => n + s.entries.length, 0)).toBe(22_246);
    expect(sets.filter((s) => s.date).length).toBeGreaterThan(950);
    expect(sets.filter((s) => s.performers.length > 0).length).toBeGreaterThan(950);
    expect(new Set(sets.map((s) => s.externalId)).size).toBe(1000);
    expect(sets[0]!.entries[1]!.raw).toMatch(/^\[05\] /);
  });
});

describe.skipIf(!has('traktor-history-2010'))('traktor-history-2010', () => {
  it('reads 38 histories in play order with deck, start time, BPM and key as written', async () => {
    const dir = sharedData('traktor-history-2010/History/');
    let entries = 0;
    for (const f of readdirSync(dir)) {
      const { sets, unreadable } = await collect(dir + f);
      expect(unreadable).toEqual([]);
      expect(sets).toHaveLength(1);
      const s = sets[0]!;
      expect(s.kind).toBe('history');
      // The file name is when Traktor saved the session: every play is before it; the set is dated by the first play.
      const m = /history_(\d{4})y(\d{2})m(\d{2})d_(\d{2})h(\d{2})m(\d{2})s/.exec(f)!;
      const saved = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
      expect(s.entries.at(-1)!.playedAt! <= saved).toBe(true);
      expect(s.date).toBe(s.entries[0]!.playedAt!.slice(0, 10));
      const played = s.entries.map((e) => e.playedAt!).filter(Boolean);
      expect(played.length).toBe(s.entries.length);
      expect([...played].sort()).toEqual(played);
      for (const e of s.entries) {
        expect([0, 1, 2, 3]).toContain(e.deck);
        if (e.bpm != null) expect(e.bpm).toBeGreaterThan(0);
      }
      entries += s.entries.length;
    }
    expect(entries).toBe(1355);
  });
});

describe.skipIf(!has('dj-software-fixtures'))('dj-software-fixtures', () => {
  it('Rekordbox: playlists in folder order, Tonality and BPM as written', async () => {
    const { sets } = await collect(sharedData('dj-software-fixtures/pyrekordbox_rb5_database.xml'));
    expect(sets.map((s) => [s.title, s.kind, s.entries.length])).toEqual([
      ['Sub Playlist', 'playlist', 2],
      ['Playlist1', 'playlist', 2],
    ]);
    expect(sets[0]!.entries[0]).toMatchObject({ bpm: 128, durationSeconds: 172 });
  });

  it('Rekordbox files with only a collection yield no set but say why', async () => {
    const { sets, unreadable } = await collect(
      sharedData('dj-software-fixtures/segolene_playlist_rekordbox.xml'),
    );
    expect(sets).toEqual([]);
    expect(unreadable[0]!.issue.message).toMatch(/collection alone is not a set/);
  });

  it('Traktor playlist: 6 entries, keys as written (INFO KEY, else MUSICAL_KEY VALUE)', async () => {
    const { sets } = await collect(sharedData('dj-software-fixtures/segolene_playlist_traktor.nml'));
    expect(sets).toHaveLength(1);
    expect(sets[0]!.kind).toBe('playlist');
    expect(sets[0]!.entries).toHaveLength(6);
    expect(sets[0]!.entries[0]).toMatchObject({ artist: 'Régine', key: '8m', bpm: 148.60582 });
  });

  it('Traktor v19 history: deck and start time decoded', async () => {
    const { sets } = await collect(sharedData('dj-software-fixtures/traktor-nml-utils_history.nml'));
    expect(sets[0]).toMatchObject({ kind: 'history', date: '2019-10-18' });
    expect(sets[0]!.entries[0]).toMatchObject({
      deck: 1,
      playedAt: '2019-10-18T19:07:19',
      bpm: 126,
      key: 'Ebmin',
    });
  });
});

describe.skipIf(!has('1001tl-html-fixtures'))('1001tl-html-fixtures', () => {
  it.each([
    ['bicep-warehouse-project-2023-04-28.html', 22, '2023-04-28', ['Bicep'], 0],
    ['tiesto-club-life-942-2025-04-19.html', 22, '2025-04-19', ['Tiësto'], 22],
  ])('%s', async (file, count, date, performers, withCue) => {
    const path = sharedData(`1001tl-html-fixtures/${file}`);
    const { sets } = await collect(path);
    expect(sets).toHaveLength(1);
    const s = sets[0]!;
    expect(s).toMatchObject({ source: '1001tracklists', date, performers });
    expect(s.entries).toHaveLength(count);
    expect(s.entries.filter((e) => e.cueSeconds != null)).toHaveLength(withCue);
    const cues = s.entries.map((e) => e.cueSeconds).filter((c) => c != null);
    expect([...cues].sort((a, b) => a! - b!)).toEqual(cues);
  });

  it('bicep: ID rows and edit notes kept as written', async () => {
    const { sets } = await collect(
      sharedData('1001tl-html-fixtures/bicep-warehouse-project-2023-04-28.html'),
    );
    const raws = sets[0]!.entries.map((e) => e.raw);
    expect(raws[0]).toBe('Bicep - Apricots (Live Edit)');
    expect(raws.filter((r) => r === 'ID - ID')).toHaveLength(3);
  });
});

describe.skipIf(!has('1001tl-spotify-features-csv'))('1001tl-spotify-features-csv', () => {
  it.each([
    ['hardwell_example.csv', 55],
    ['zeds_dead_example.csv', 50],
  ])('%s: one set, every row an entry, mashup parts played with the previous', async (file, rows) => {
    const { sets, unreadable } = await collect(sharedData(`1001tl-spotify-features-csv/${file}`));
    expect(unreadable).toEqual([]);
    expect(sets).toHaveLength(1);
    expect(sets[0]!.entries).toHaveLength(rows);
    expect(sets[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sets[0]!.entries[0]!.withPrevious).toBeUndefined();
  });

  it('hardwell: mashup components follow their mashup', async () => {
    const { sets } = await collect(sharedData('1001tl-spotify-features-csv/hardwell_example.csv'));
    expect(sets[0]!.entries.slice(1, 5).map((e) => e.withPrevious ?? false)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(sets[0]!.date).toBe('2016-03-19');
  });
});

describe.skipIf(!has('cue-sheets'))('cue-sheets', () => {
  it('Mat Zo @ ABGT 500: tracks with cue times in order', async () => {
    const { sets } = await collect(sharedData('cue-sheets/mat-zo-abgt500-2022-10-15.cue'));
    const s = sets[0]!;
    expect(s.entries.length).toBeGreaterThan(5);
    expect(s.entries[0]).toMatchObject({ artist: 'Mat Zo ft. GQ', title: 'The Next Chapter', cueSeconds: 0 });
    expect(s.entries[1]!.cueSeconds).toBe(420);
    const cues = s.entries.map((e) => e.cueSeconds!);
    expect([...cues].sort((a, b) => a - b)).toEqual(cues);
  });
});

describe.skipIf(!has('djmix-small-tracklists'))('djmix-small-tracklists', () => {
  it('ISMIR tracks CSV: BPM and key ("G minor") as written, timestamps as cue seconds', async () => {
    const { sets } = await collect(sharedData('djmix-small-tracklists/1001tl-ismir2020_tracks_trunc.csv'));
    expect(sets).toHaveLength(1);
    expect(sets[0]!.entries).toHaveLength(30);
    expect(sets[0]!.entries[1]).toMatchObject({
      raw: 'Dannic vs. Tom & Jame - Ready',
      key: 'G minor',
      cueSeconds: 107,
    });
    expect(sets[0]!.entries[1]!.bpm).toBeCloseTo(127.66, 2);
  });

  it('Palms Trax CSV: every row an entry with cue seconds', async () => {
    const path = sharedData('djmix-small-tracklists/palms-trax-boiler-room-tracklist.csv');
    const { sets } = await collect(path);
    expect(sets[0]!.entries).toHaveLength(31);
    expect(sets[0]!.entries[1]).toMatchObject({ raw: 'Raf Dee-Jay - Hey Girl (Club Mix)', cueSeconds: 320 });
  });

  it('the mixes CSV has no track columns and is refused with the reason', async () => {
    const { unreadable } = await collect(
      sharedData('djmix-small-tracklists/1001tl-ismir2020_mixes_trunc.csv'),
      {
        format: 'csv',
      },
    );
    expect(unreadable[0]!.issue.message).toMatch(/no artist or title column/);
  });
});

describe('format detection over the real files', () => {
  it.skipIf(!existsSync(sharedData('')))('detects each real file by content', async () => {
    const { readFileSync } = await import('node:fs');
    const cases: [string, string][] = [
      ['djmix-mixesdb/djmix-dataset-dev-1000.json.gz', 'json'],
      ['dj-software-fixtures/pyrekordbox_rb6_database.xml', 'rekordbox'],
      ['dj-software-fixtures/traktor-nml-utils_history.nml', 'traktor'],
      ['1001tl-html-fixtures/tiesto-club-life-942-2025-04-19.html', '1001tracklists'],
      ['cue-sheets/mat-zo-abgt500-2022-10-15.cue', 'cue'],
      ['1001tl-spotify-features-csv/zeds_dead_example.csv', 'csv'],
    ];
    for (const [file, format] of cases) {
      if (!existsSync(sharedData(file))) continue;
      const head = readFileSync(sharedData(file)).subarray(0, 64 * 1024);
      expect([file, detectFormat(head)]).toEqual([file, format]);
    }
  });
});
