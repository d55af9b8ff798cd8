// The ingestion pipeline: parsed sets in, stored sets out, with a report of everything that went wrong
// and where. Sets are written in batches for speed; a batch that fails is retried set by set, so one
// bad set never takes others down and no set is ever stored in part (each write is one transaction).
// Reading and writing overlap with preparation: while batch k is written, batch k+1 is prepared in a
// worker thread (from the second batch on, so a small import never pays for starting one).
import { type ImportIssue, type ImportItem, isUnreadable, type ParsedSet } from '@songnodes/core';
import {
  analyzeEvidence,
  type BatchResult,
  type Database,
  evidenceStatsStale,
  type SetOwner,
  writeSetBatch,
} from '@songnodes/db';
import type { PrepareContext, PreparedSet } from './prepare.ts';
import { inProcessPreparer, type PrepareResult, type Preparer, workerPreparer } from './prepare-pool.ts';

export interface ImportProgress {
  setsRead: number;
  setsStored: number;
  setsUnchanged: number;
  setsFailed: number;
  entries: number;
  warnings: number;
}

export interface ImportSummary extends ImportProgress {
  setsReplaced: number;
  /** Every error, and the first warnings (up to `maxIssues`), each with file/line/field. */
  issues: ImportIssue[];
  /** Warnings beyond `maxIssues` are counted, not listed. */
  issuesOmitted: number;
  seconds: number;
}

/** What changed in the graph, for the in-memory index and WebSocket listeners. */
export interface GraphChange {
  newTrackIds: number[];
  changedPairs: [number, number][];
}

export interface ImportOptions extends PrepareContext {
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  onChange?: (c: GraphChange) => void;
  /** Entries per batch (one transaction), at most; the first batches are smaller (default 20,000). */
  batchEntries?: number;
  maxIssues?: number;
  signal?: AbortSignal;
  /**
   * Where sets are prepared: undefined (default) on this thread for the first batch and in a worker
   * thread from the second on; true in a worker from the first batch; false always on this thread.
   */
  prepareInWorker?: boolean;
  /** Entries after which the planner's statistics are first refreshed (default 40,000; see ANALYZE_FIRST_AT). */
  analyzeFirstAt?: number;
  /**
   * A user's own import (private unless `private` is false); absent for the shared catalogue (CLI,
   * scrapes, demo, the local owner). See db's set-writes.ts for what a private set does not write.
   */
  owner?: SetOwner;
}

const DEFAULT_BATCH_ENTRIES = 20_000;
const DEFAULT_MAX_ISSUES = 1000;
/**
 * The planner's statistics are refreshed after 40,000 entries of an import, then each time the import
 * has doubled (O(log n) ANALYZEs): PGlite has no autovacuum, so without this a large import runs on a
 * plan chosen for empty tables (measured: see docs/ingest.md, "At scale").
 */
const ANALYZE_FIRST_AT = 40_000;

/** Merges prepared sets into one batch write; the first spelling of an artist or track wins. */
function mergeBatch(prepared: PreparedSet[], owner: SetOwner | undefined) {
  const artists = new Map<string, PreparedSet['artists'][number]>();
  const tracks = new Map<string, PreparedSet['tracks'][number]>();
  for (const p of prepared) {
    for (const a of p.artists) if (!artists.has(a.key)) artists.set(a.key, a);
    for (const t of p.tracks) {
      const known = tracks.get(t.key);
      if (!known) tracks.set(t.key, { ...t });
      else {
        known.bpm ??= t.bpm;
        known.camelotKey ??= t.camelotKey;
        known.genre ??= t.genre;
        known.year ??= t.year;
        known.durationSeconds ??= t.durationSeconds;
      }
    }
  }
  return {
    artists: [...artists.values()],
    tracks: [...tracks.values()],
    sets: prepared.map((p) => p.set),
    owner,
  };
}

/** The first chunk's size: small, so that writing starts early while the worker takes over. */
const FIRST_CHUNK_ENTRIES = 5_000;

/**
 * Read items in chunks of set entries; `full` when more may follow. The chunks double from
 * FIRST_CHUNK_ENTRIES up to `entries`: nothing can be written before the first chunk is prepared (on
 * this thread), and each later one is prepared in the worker while the one before it is written.
 */
async function* chunks(
  items: AsyncIterable<ImportItem> | Iterable<ImportItem>,
  entries: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<{ items: ImportItem[]; full: boolean }> {
  let target = Math.min(FIRST_CHUNK_ENTRIES, entries);
  let chunk: ImportItem[] = [];
  let size = 0;
  for await (const item of items) {
    signal?.throwIfAborted();
    chunk.push(item);
    size += isUnreadable(item) ? 0 : item.entries.length;
    if (size >= target) {
      yield { items: chunk, full: true };
      chunk = [];
      size = 0;
      target = Math.min(target * 2, entries);
    }
  }
  if (chunk.length > 0) yield { items: chunk, full: false };
}

export async function importItems(
  db: Database,
  items: AsyncIterable<ImportItem> | Iterable<ImportItem>,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const maxIssues = opts.maxIssues ?? DEFAULT_MAX_ISSUES;
  const batchEntries = opts.batchEntries ?? DEFAULT_BATCH_ENTRIES;
  const s: ImportSummary = {
    setsRead: 0,
    setsStored: 0,
    setsUnchanged: 0,
    setsReplaced: 0,
    setsFailed: 0,
    entries: 0,
    warnings: 0,
    issues: [],
    issuesOmitted: 0,
    seconds: 0,
  };
  const report = (issue: ImportIssue) => {
    if (issue.severity === 'warning') s.warnings++;
    // Errors are always listed: they are what the user must fix.
    if (issue.severity === 'error' || s.issues.length < maxIssues) s.issues.push(issue);
    else s.issuesOmitted++;
  };
  /** Changes of the batch being stored, announced once its statistics are refreshed (see flush). */
  let changes: GraphChange[] = [];
  const tally = (r: BatchResult, batch: PreparedSet[]) => {
    s.setsStored += r.inserted + r.replaced;
    s.setsReplaced += r.replaced;
    s.setsUnchanged += r.unchanged;
    s.entries += r.entries;
    for (const p of batch) for (const i of p.issues) report(i);
    if (r.newTrackIds.length > 0 || r.changedPairs.length > 0) {
      changes.push({ newTrackIds: r.newTrackIds, changedPairs: r.changedPairs });
    }
  };

  let batch: PreparedSet[] = [];
  let batchKeys = new Set<string>();
  let nextAnalyzeAt = opts.analyzeFirstAt ?? ANALYZE_FIRST_AT;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    batchKeys = new Set();
    try {
      tally(await db.transaction((tx) => writeSetBatch(tx, mergeBatch(current, opts.owner))), current);
    } catch {
      // Find the culprit(s): each set alone, in its own transaction.
      for (const p of current) {
        try {
          tally(await db.transaction((tx) => writeSetBatch(tx, mergeBatch([p], opts.owner))), [p]);
        } catch (e) {
          s.setsFailed++;
          const first = p.issues[0];
          report({
            severity: 'error',
            file: opts.file ?? first?.file,
            line: first?.line,
            message: `set "${p.set.title ?? p.set.externalId}" was not stored: ${e instanceof Error ? e.message : String(e)}`,
          });
        }
      }
    }
    if (s.entries >= nextAnalyzeAt) {
      await analyzeEvidence(db);
      nextAnalyzeAt = s.entries * 2;
    }
    // After the ANALYZE: a listener's queries (the graph's patch reads every track of the batch) then
    // get plans for the tables as they are (measured: the first patch of an import, planned for empty
    // tables, took 644 ms where the next took 60).
    const announce = changes;
    changes = [];
    for (const c of announce) opts.onChange?.(c);
    await opts.onProgress?.(s);
  };

  const take = (item: ImportItem, prepared: PrepareResult | undefined) => {
    s.setsRead++;
    if (isUnreadable(item)) {
      s.setsFailed++;
      report({ ...item.issue, file: item.issue.file ?? opts.file });
      return null;
    }
    if (!prepared || 'error' in prepared) {
      s.setsFailed++;
      if (prepared) report(prepared.error);
      return null;
    }
    return prepared;
  };
  /** Stores one chunk of read items with their preparations, in read order: one batch per chunk. */
  const store = async (chunk: ImportItem[], results: PrepareResult[]) => {
    let r = 0;
    for (const item of chunk) {
      const prepared = take(item, isUnreadable(item) ? undefined : results[r++]);
      if (!prepared) continue;
      // The same set twice in one batch would be stored twice: let the first batch land first.
      const key = `${prepared.set.sourceName}\u0000${prepared.set.externalId}`;
      if (batchKeys.has(key)) await flush();
      batch.push(prepared);
      batchKeys.add(key);
    }
    await flush();
  };

  const ctx: PrepareContext = { file: opts.file, source: opts.source };
  const local = inProcessPreparer(ctx);
  let worker: Preparer | null = null;
  const preparerFor = (chunkIndex: number): Preparer => {
    if (opts.prepareInWorker === false || (opts.prepareInWorker === undefined && chunkIndex === 0))
      return local;
    worker ??= workerPreparer(ctx);
    return worker;
  };
  // Chunk k+1 is read and handed to the worker before chunk k is written: PGlite's writes occupy the
  // main thread, so a chunk read only after a write started would wait for that write to end. At most
  // three chunks are held (one written, one prepared, one read): memory stays bounded.
  let writing: Promise<void> = Promise.resolve();
  let pending: { chunk: ImportItem[]; results: Promise<PrepareResult[]> } | null = null;
  const writeNext = async (p: { chunk: ImportItem[]; results: Promise<PrepareResult[]> }) => {
    const results = await p.results;
    await writing;
    writing = store(p.chunk, results);
    // Awaited before the next write or at the end; this keeps a failure from going unhandled meanwhile.
    writing.catch(() => {});
  };
  try {
    let chunkIndex = 0;
    for await (const { items: chunk, full } of chunks(items, batchEntries, opts.signal)) {
      // More than one batch: the worker starts now, while the first batch is prepared here.
      if (full && chunkIndex === 0 && opts.prepareInWorker !== false) worker ??= workerPreparer(ctx);
      const sets = chunk.filter((i): i is ParsedSet => !isUnreadable(i));
      const next = { chunk, results: preparerFor(chunkIndex++).prepare(sets) };
      next.results.catch(() => {});
      if (pending) await writeNext(pending);
      pending = next;
    }
    if (pending) await writeNext(pending);
    await writing;
    await flush();
    // The reads that follow (track pages, search, the graph) need statistics too, not only large imports.
    if (s.entries > 0 && (await evidenceStatsStale(db, s.entries))) await analyzeEvidence(db);
  } finally {
    await (worker as Preparer | null)?.close();
  }
  s.seconds = (performance.now() - started) / 1000;
  return s;
}
