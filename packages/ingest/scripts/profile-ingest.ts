// Where ingestion spends its time: reading, preparing (core's parser, identities, transitions) and each
// SQL statement of the batch write, on PGlite and on PostgreSQL, with set entries per second.
//
//   node packages/ingest/scripts/profile-ingest.ts [--sets 3000] [--file sets.ndjson] [--engine pglite|postgres|both]
//                                                  [--batch 20000] [--repeat 1] [--worker auto|on|off]
//
// Without --file, `--sets` generated sets (the bench generator, seed 1) are written to a temp file.
// PostgreSQL: BENCH_DATABASE_URL / TEST_DATABASE_URL when set, else a throwaway local cluster (as the
// bench suite starts one); skipped with a message when neither is possible.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { isUnreadable } from '@songnodes/core';
import { type Database, migrate, openPglite, openPostgres, type Queryable, type Row } from '@songnodes/db';
import { readSets } from '@songnodes/importers';
import { importItems, prepareSet } from '../src/index.ts';

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: '3000' },
    file: { type: 'string' },
    engine: { type: 'string', default: 'both' },
    batch: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    /** auto (the default: a worker from the second batch on), on, off. */
    worker: { type: 'string', default: 'auto' },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'songnodes-profile-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function inputFile(): Promise<string> {
  if (values.file) return values.file;
  // The generator lives in bench (which depends on ingest): loaded at run time, not a package dependency.
  const { writeNdjson } = await import('@songnodes/generator');
  const file = join(dir, 'generated.ndjson');
  const out = createWriteStream(file);
  await writeNdjson({ sets: Number(values.sets), seed: 1 }, out);
  out.end();
  await finished(out);
  return file;
}

const ms = (t: number) => `${t.toFixed(0).padStart(7)} ms`;
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')}/s`;

/** Time per statement, keyed by the statement's first words. */
function timed(db: Database, times: Map<string, { ms: number; calls: number }>): Database {
  const label = (sql: string) =>
    sql
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(UPDATE \w+(?: \w+)? SET \w+|\w+ (?:INTO |FROM )?\w+).*$/i, '$1');
  async function time<T>(k: string, run: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await run();
    } finally {
      const e = times.get(k) ?? { ms: 0, calls: 0 };
      e.ms += performance.now() - t;
      e.calls++;
      times.set(k, e);
    }
  }
  const wrap = (q: Queryable): Queryable => ({
    query: <R extends Row = Row>(text: string, params?: unknown[]) =>
      time(label(text), () => q.query<R>(text, params)),
    exec: (text) => q.exec(text),
    copyRows: (table, columns, values) => time(`COPY ${table}`, () => q.copyRows(table, columns, values)),
  });
  return Object.assign(Object.create(db) as Database, {
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(wrap(tx))),
  });
}

async function stages(file: string) {
  let t = performance.now();
  const items = [];
  for await (const item of readSets(file)) items.push(item);
  const readMs = performance.now() - t;
  t = performance.now();
  let entries = 0;
  for (const item of items) {
    if (isUnreadable(item)) continue;
    const p = prepareSet(item);
    if (!('error' in p)) entries += p.set.entries.length;
  }
  const prepareMs = performance.now() - t;
  console.log(`sets ${items.length}, entries ${entries}`);
  console.log(`read (importer)   ${ms(readMs)}  ${rate(entries, readMs / 1000)}`);
  console.log(
    `prepare (core)    ${ms(prepareMs)}  ${rate(entries, prepareMs / 1000)}  (${((prepareMs * 1000) / entries).toFixed(1)} µs/entry)`,
  );
}

async function profileEngine(
  name: string,
  open: () => Promise<{ db: Database; drop(): Promise<void> }>,
  file: string,
) {
  const { db, drop } = await open();
  try {
    await migrate(db);
    const times = new Map<string, { ms: number; calls: number }>();
    const batchEntries = values.batch ? Number(values.batch) : undefined;
    const prepareInWorker = values.worker === 'auto' ? undefined : values.worker === 'on';
    let s = await importItems(timed(db, times), readSets(file), { batchEntries, prepareInWorker });
    const first = s;
    const dbMs = [...times.values()].reduce((n, e) => n + e.ms, 0);
    console.log(
      `\n${name}: ${s.entries} entries in ${s.seconds.toFixed(2)} s = ${rate(s.entries, s.seconds)} (sets failed ${s.setsFailed})`,
    );
    console.log(`  SQL total ${ms(dbMs)}`);
    for (const [k, e] of [...times].sort((a, b) => b[1].ms - a[1].ms))
      console.log(`  ${ms(e.ms)} ${String(e.calls).padStart(5)}×  ${k}`);
    // The same file again: every set unchanged (the idempotent path).
    for (let i = 1; i < Number(values.repeat); i++) {
      s = await importItems(db, readSets(file), { batchEntries, prepareInWorker });
      console.log(`  re-import ${i}: ${s.setsUnchanged} unchanged in ${s.seconds.toFixed(2)} s`);
    }
    return first;
  } finally {
    await drop();
  }
}

async function postgresTarget(): Promise<{ url: string; stop(): Promise<void> } | string> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) return { url, stop: async () => {} };
  const { openBenchPostgres } = await import('../../bench/src/suite/postgres.ts');
  const server = await openBenchPostgres();
  if ('skipped' in server) return server.skipped;
  const fresh = await server.freshDatabase();
  return {
    url: fresh.url,
    stop: async () => {
      await fresh.drop();
      await server.stop();
    },
  };
}

const file = await inputFile();
await stages(file);
const engine = values.engine;
if (engine === 'pglite' || engine === 'both') {
  await profileEngine(
    'PGlite',
    async () => {
      const db = await openPglite({ dataDir: join(dir, 'pglite') });
      return { db, drop: () => db.close() };
    },
    file,
  );
}
if (engine === 'postgres' || engine === 'both') {
  const target = await postgresTarget();
  if (typeof target === 'string') console.log(`\nPostgreSQL skipped: ${target}`);
  else {
    try {
      await profileEngine(
        'PostgreSQL',
        async () => {
          const db = await openPostgres({ url: target.url, max: 2 });
          return { db, drop: () => db.close() };
        },
        file,
      );
    } finally {
      await target.stop();
    }
  }
}
