// One ingest measurement in a process of its own, so that its peak memory is its own and every run
// starts cold. The parent (ingest.ts) runs it; it prints one JSON line (IngestRunResult) on stdout.
//
//   node ingest-run.ts --mode pipeline|unnest|copy --file sets.ndjson (--url postgres://… | --data-dir DIR)
//
// pipeline: the real import path (readSets → importItems) into a migrated database; rows = set entries.
// unnest / copy: the raw-row ceiling of the same engine: the same entries, flattened into a plain table of
// similar width, written by batched INSERT … SELECT FROM unnest(…) or by COPY FROM STDIN (PostgreSQL).
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { copyField, type Database, migrate, openPglite, openPostgres } from '@songnodes/db';
import { readSets } from '@songnodes/importers';
import { importItems } from '@songnodes/ingest';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface IngestRunResult {
  mode: 'pipeline' | 'unnest' | 'copy';
  rows: number;
  seconds: number;
  peakRssBytes: number;
  setsStored?: number;
  setsFailed?: number;
}

/** Rows per unnest statement, as issue 3 states its raw-row figures. */
export const UNNEST_BATCH = 5000;

const RAW_TABLE = `CREATE TABLE raw_rows (
  set_id integer NOT NULL, position integer NOT NULL, raw text NOT NULL, artist text, title text,
  version text, track_id integer, unknown boolean NOT NULL, bpm real, camelot_key text)`;

interface Columns {
  setId: number[];
  position: number[];
  raw: string[];
  artist: (string | null)[];
  title: (string | null)[];
  version: (string | null)[];
  trackId: (number | null)[];
  unknown: boolean[];
  bpm: (number | null)[];
  key: (string | null)[];
}

/** The entries of an NDJSON file as columns. Artist/title come from a plain split: the values only give the rows their width. */
async function readColumns(file: string): Promise<Columns> {
  const c: Columns = {
    setId: [],
    position: [],
    raw: [],
    artist: [],
    title: [],
    version: [],
    trackId: [],
    unknown: [],
    bpm: [],
    key: [],
  };
  let setId = 0;
  let text = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) text += chunk;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    setId++;
    const doc = JSON.parse(line) as {
      entries: { position: number; raw: string; bpm?: number | null; key?: string | null }[];
    };
    for (const e of doc.entries) {
      const dash = e.raw.indexOf(' - ');
      const unknown = /^ID\b/.test(e.raw);
      c.setId.push(setId);
      c.position.push(e.position);
      c.raw.push(e.raw);
      c.artist.push(dash > 0 ? e.raw.slice(0, dash) : null);
      c.title.push(dash > 0 ? e.raw.slice(dash + 3) : null);
      c.version.push(null);
      c.trackId.push(unknown ? null : setId * 1000 + e.position);
      c.unknown.push(unknown);
      c.bpm.push(e.bpm ?? null);
      c.key.push(e.key ?? null);
    }
  }
  return c;
}

async function unnestRows(db: Database, c: Columns): Promise<void> {
  for (let i = 0; i < c.raw.length; i += UNNEST_BATCH) {
    const s = (xs: unknown[]) => xs.slice(i, i + UNNEST_BATCH);
    await db.query(
      `INSERT INTO raw_rows SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[],
        $6::text[], $7::int[], $8::bool[], $9::real[], $10::text[])`,
      [
        s(c.setId),
        s(c.position),
        s(c.raw),
        s(c.artist),
        s(c.title),
        s(c.version),
        s(c.trackId),
        s(c.unknown),
        s(c.bpm),
        s(c.key),
      ],
    );
  }
}

async function copyRows(url: string, c: Columns): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sink = client.query(copyFrom('COPY raw_rows FROM STDIN'));
    async function* lines() {
      let buf = '';
      for (let i = 0; i < c.raw.length; i++) {
        buf += `${c.setId[i]}\t${c.position[i]}\t${copyField(c.raw[i]!)}\t${copyField(c.artist[i]!)}\t${copyField(c.title[i]!)}\t${copyField(c.version[i]!)}\t${copyField(c.trackId[i]!)}\t${c.unknown[i] ? 't' : 'f'}\t${copyField(c.bpm[i]!)}\t${copyField(c.key[i]!)}\n`;
        if (buf.length > 1 << 16) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    }
    await pipeline(lines, sink);
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string' },
      file: { type: 'string' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const mode = values.mode;
  if (mode !== 'pipeline' && mode !== 'unnest' && mode !== 'copy')
    throw new Error(`--mode must be pipeline, unnest or copy, got ${mode}`);
  if (!values.file) throw new Error('--file is required');
  if (mode === 'copy' && !values.url) throw new Error('--mode copy needs --url (PostgreSQL)');
  const db: Database = values.url
    ? await openPostgres({ url: values.url, max: 2 })
    : await openPglite({ dataDir: values['data-dir'] });
  try {
    let result: IngestRunResult;
    if (mode === 'pipeline') {
      await migrate(db);
      const s = await importItems(db, readSets(values.file));
      result = {
        mode,
        rows: s.entries,
        seconds: s.seconds,
        peakRssBytes: 0,
        setsStored: s.setsStored,
        setsFailed: s.setsFailed,
      };
    } else {
      const columns = await readColumns(values.file);
      await db.exec(RAW_TABLE);
      const t = performance.now();
      if (mode === 'unnest') await unnestRows(db, columns);
      else await copyRows(values.url!, columns);
      const seconds = (performance.now() - t) / 1000;
      const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_rows');
      if (count?.n !== columns.raw.length)
        throw new Error(`raw rows: wrote ${columns.raw.length}, table holds ${count?.n}`);
      result = { mode, rows: columns.raw.length, seconds, peakRssBytes: 0 };
    }
    // maxRSS is in kilobytes: the peak of this whole process (for PGlite, the engine's memory too).
    result.peakRssBytes = process.resourceUsage().maxRSS * 1024;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}

if (import.meta.main) await main();
