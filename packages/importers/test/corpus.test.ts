// The fixture corpus: one small file per program and version, written by us from each format's
// documented structure, each beside the result we expect from it (`<file>.expected.json`). Every file
// is read as a user's drop would be (format detected from the content), and each entry is parsed the
// way ingest parses it (fields when the source has them, the track-string parser otherwise), so a
// mistake anywhere between the bytes and the artist/title/version/cue/duration/BPM/key shows here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedEntry, parseKey, parseTrack, parseTrackLine } from '@songnodes/core';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/detect.ts';
import { collect } from './helpers.ts';

const dir = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => !f.endsWith('.expected.json'))
  .sort();

interface Entry {
  artist: string | null;
  title: string | null;
  version: string | null;
  unknown: boolean;
  withPrevious: boolean;
  cue: number | null;
  duration: number | null;
  bpm: number | null;
  key: string | null;
}

interface Expected {
  format: string;
  sets: { kind: string; title?: string; date?: string; entries: Partial<Entry>[] }[];
}

const round = (n: number | null | undefined) => (n == null ? null : Math.round(n * 100) / 100);

/** An entry as ingest reads it (ingest/src/prepare.ts resolveEntry), in the fields the corpus checks. */
function read(e: ParsedEntry): Entry {
  const fields = e.artist !== undefined || e.title !== undefined;
  const line = fields ? null : parseTrackLine(e.raw);
  const p = line?.track ?? parseTrack(e);
  return {
    artist: p.credit || null,
    title: p.title || null,
    version: p.version,
    unknown: p.unknown,
    withPrevious: (e.withPrevious ?? false) || (line?.withPrevious ?? false),
    cue: round(e.cueSeconds ?? line?.cueSeconds),
    duration: round(e.durationSeconds),
    bpm: round(e.bpm),
    key: parseKey(e.key ?? null),
  };
}

const BLANK: Entry = {
  artist: null,
  title: null,
  version: null,
  unknown: false,
  withPrevious: false,
  cue: null,
  duration: null,
  bpm: null,
  key: null,
};

describe('fixture corpus', () => {
  it('has an expected result beside every file', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) expect(readdirSync(dir)).toContain(`${f}.expected.json`);
  });

  it.each(files)('%s', async (file) => {
    const path = join(dir, file);
    const expected = JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as Expected;
    expect(detectFormat(readFileSync(path).subarray(0, 64 * 1024), file)).toBe(expected.format);
    const { sets, unreadable } = await collect(path);
    expect(unreadable).toEqual([]);
    expect(
      sets.map((s) => ({
        kind: s.kind,
        title: s.title,
        ...(expected.sets.some((x) => 'date' in x) ? { date: s.date } : {}),
        entries: s.entries.map(read),
      })),
    ).toEqual(
      expected.sets.map((s) => ({
        kind: s.kind,
        title: s.title,
        ...(expected.sets.some((x) => 'date' in x) ? { date: s.date } : {}),
        entries: s.entries.map((e) => ({ ...BLANK, ...e })),
      })),
    );
  });
});
