// Runs one scrape task: finds its items (one page, a listing, a query, or searches for a target
// track), skips items an earlier attempt finished, fetches and parses the rest, and stores the sets
// through the ingest pipeline, so a set scraped again is a no-op by content hash. Errors that trying
// again can fix (network, 5xx, open breaker) end the attempt for the job queue to retry; errors that
// concern one page (layout changed, 404, robots) are recorded and the crawl goes on; a spent daily
// quota parks the task until the next UTC day.
import type { ParsedSet } from '@songnodes/core';
import {
  type Database,
  doneScrapeItems,
  getScrapeTask,
  markScrapeItemDone,
  recordScrapedSets,
  recordScrapeOutcome,
  type ScrapeTask,
} from '@songnodes/db';
import { type GraphChange, importItems } from '@songnodes/ingest';
import { NotConfiguredError, QuotaExhaustedError, ScrapeError } from './errors.ts';
import type { PoliteClient } from './http-client.ts';
import type { ScraperMetrics } from './metrics.ts';
import type { Sources } from './sources/index.ts';
import type { Discovered, SourceAdapter, SourceName } from './sources/source.ts';
import { checkTaskSpec, resolveUserUrl, type TaskSpec } from './tasks.ts';

export interface ScrapeRuntime {
  db: Database;
  client: PoliteClient;
  sources: Sources;
  /** SCRAPER_ALLOW_PRIVATE_HOSTS: user URLs may name any port. */
  allowAnyPort: boolean;
  metrics?: ScraperMetrics;
  onChange?: (c: GraphChange) => void;
}

export interface CrawlProgress {
  done: number;
  unit: 'pages';
  setsStored: number;
  setsUnchanged: number;
  entries: number;
  errors: number;
  current?: string;
}

export interface CrawlResult {
  outcome: 'completed' | 'failed' | 'cancelled' | 'waiting_quota';
  pages: number;
  /** Pages a previous attempt had finished, skipped. */
  pagesSkipped: number;
  setsRead: number;
  setsStored: number;
  setsUnchanged: number;
  entries: number;
  /** Per page: what went wrong (layout changed, 404, robots, not configured). */
  errors: { source: string; url: string; message: string }[];
  /** The sets read, each with what storing it did (the first MAX_SETS_LISTED). */
  sets: {
    source: string;
    externalId?: string;
    title?: string;
    url: string;
    entries: number;
    outcome: 'stored' | 'replaced' | 'unchanged' | 'failed';
    error?: string;
  }[];
  /** Target tasks: the sets found that contain the track. */
  found: { source: string; externalId?: string; title?: string; url?: string }[];
  resumeAt?: string;
}

const MAX_ERRORS_KEPT = 50;
const MAX_SETS_LISTED = 200;

/** Target tracks: which query each source answers "sets with this track" with. */
const TARGET_QUERIES: Record<SourceName, (artist: string, title: string) => string> = {
  '1001tracklists': (a, t) => `search:${a} ${t}`,
  mixesdb: (a, t) => `search:"${a}" "${t}"`,
  setlistfm: (a) => `artist:${a}`,
  reddit: (a, t) => `search:"${a} - ${t}"`,
};

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Does the set have an entry naming the target track (artist and title, case and accents aside)? */
export function setHasTrack(set: ParsedSet, artist: string, title: string): boolean {
  const a = fold(artist);
  const t = fold(title);
  return set.entries.some((e) => {
    const raw = fold(`${e.artist ?? ''} ${e.title ?? ''} ${e.raw}`);
    return raw.includes(a) && raw.includes(t);
  });
}

/** The items of a task, each with the source that reads it. */
function* plan(
  rt: ScrapeRuntime,
  spec: TaskSpec,
  signal?: AbortSignal,
): Iterable<[SourceAdapter, () => AsyncIterable<Discovered>]> {
  if (spec.kind === 'url') {
    const r = resolveUserUrl(spec.url, rt.sources, rt.allowAnyPort);
    const adapter = rt.sources[r.source];
    const item = r.item;
    if (item)
      yield [
        adapter,
        async function* () {
          yield { url: item };
        },
      ];
    else yield [adapter, () => adapter.listing!(r.url, signal)!];
  } else if (spec.kind === 'query') {
    const adapter = rt.sources[spec.source];
    yield [adapter, () => adapter.discover(spec.query, signal)];
  } else {
    for (const adapter of Object.values(rt.sources))
      yield [adapter, () => adapter.discover(TARGET_QUERIES[adapter.name](spec.artist, spec.title), signal)];
  }
}

export async function crawl(
  rt: ScrapeRuntime,
  task: Pick<ScrapeTask, 'id' | 'spec'>,
  opts: { signal?: AbortSignal; onProgress?: (p: CrawlProgress) => void | Promise<void> } = {},
): Promise<CrawlResult> {
  const spec = checkTaskSpec(task.spec);
  const done = await doneScrapeItems(rt.db, task.id);
  const r: CrawlResult = {
    outcome: 'completed',
    pages: 0,
    pagesSkipped: 0,
    setsRead: 0,
    setsStored: 0,
    setsUnchanged: 0,
    entries: 0,
    errors: [],
    sets: [],
    found: [],
  };
  const report = () =>
    opts.onProgress?.({
      done: r.pages,
      unit: 'pages',
      setsStored: r.setsStored,
      setsUnchanged: r.setsUnchanged,
      entries: r.entries,
      errors: r.errors.length,
    });
  let errorCount = 0;
  const fail = async (source: string, url: string, e: ScrapeError) => {
    errorCount++;
    if (r.errors.length < MAX_ERRORS_KEPT) r.errors.push({ source, url, message: e.message });
    rt.metrics?.onFailedItem(source);
    await recordScrapeOutcome(rt.db, source, { ok: false, error: e.message });
  };
  const cancelled = async () => (await getScrapeTask(rt.db, task.id))?.state === 'cancelled';

  for (const [adapter, items] of plan(rt, spec, opts.signal)) {
    try {
      for await (const d of items()) {
        opts.signal?.throwIfAborted();
        if (await cancelled()) return { ...r, outcome: 'cancelled' };
        if (done.has(d.url)) {
          r.pagesSkipped++;
          continue;
        }
        let sets: ParsedSet[];
        try {
          const page = d.page ?? (await adapter.fetch(d.url, opts.signal));
          sets = (await adapter.parse(page)).sets;
        } catch (e) {
          if (!(e instanceof ScrapeError) || e.retryable || e instanceof QuotaExhaustedError) throw e;
          await fail(adapter.name, d.url, e);
          continue;
        }
        if (spec.kind === 'target') {
          sets = sets.filter((s) => setHasTrack(s, spec.artist, spec.title));
          r.found.push(
            ...sets.map((s) => ({ source: s.source, externalId: s.externalId, title: s.title, url: s.url })),
          );
        }
        // One set at a time, so the task can say which sets were new, changed or already known.
        const counts = { setsStored: 0, setsUnchanged: 0 };
        for (const set of sets) {
          const s = await importItems(rt.db, [set], {
            file: d.url,
            signal: opts.signal,
            onChange: rt.onChange,
            prepareInWorker: false,
          });
          const outcome =
            s.setsReplaced > 0
              ? 'replaced'
              : s.setsStored > 0
                ? 'stored'
                : s.setsUnchanged > 0
                  ? 'unchanged'
                  : 'failed';
          if (r.sets.length < MAX_SETS_LISTED)
            r.sets.push({
              source: set.source,
              externalId: set.externalId,
              title: set.title,
              url: set.url ?? d.url,
              entries: set.entries.length,
              outcome,
              ...(outcome === 'failed'
                ? { error: s.issues.find((i) => i.severity === 'error')?.message }
                : {}),
            });
          counts.setsStored += s.setsStored;
          counts.setsUnchanged += s.setsUnchanged;
          r.setsRead += s.setsRead;
          r.setsStored += s.setsStored;
          r.setsUnchanged += s.setsUnchanged;
          r.entries += s.entries;
        }
        await recordScrapedSets(
          rt.db,
          sets
            .filter((x) => x.externalId)
            .map((x) => ({
              source: x.source,
              externalId: x.externalId!,
              url: x.url ?? d.url,
              confidence: adapter.confidence,
              taskId: task.id,
            })),
        );
        await markScrapeItemDone(rt.db, task.id, d.url, counts);
        await recordScrapeOutcome(rt.db, adapter.name, { ok: true });
        rt.metrics?.onItem(adapter.name, counts);
        r.pages++;
        await report();
      }
    } catch (e) {
      if (e instanceof QuotaExhaustedError)
        return { ...r, outcome: 'waiting_quota', resumeAt: e.resetAt.toISOString() };
      // A target task goes on with the other sources when one is not configured or refuses.
      if (
        spec.kind === 'target' &&
        e instanceof ScrapeError &&
        (!e.retryable || e instanceof NotConfiguredError)
      ) {
        await fail(adapter.name, '', e);
        continue;
      }
      if (e instanceof ScrapeError && !e.retryable) {
        await fail(adapter.name, spec.kind === 'url' ? spec.url : '', e);
        continue;
      }
      throw e;
    }
  }
  if (r.pages + r.pagesSkipped === 0 && errorCount > 0) r.outcome = 'failed';
  return r;
}
