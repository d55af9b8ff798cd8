// `songnodes scrape <url | source:query | target:artist - title>`: runs one scrape task in this
// process (politely: robots.txt, rate limits, page cache), stores what it reads through the import
// pipeline, and prints every set with what storing it did. An interrupted run is resumed by running
// the same command again: the task stays open and its finished pages are skipped.
import { createScrapeTask, updateScrapeTask } from '@songnodes/db';
import {
  type CrawlResult,
  crawl,
  createScrapeRuntime,
  parseTaskInput,
  ScrapeError,
  scraperSettings,
  TaskSpecError,
  taskIdentity,
} from '@songnodes/scrapers';
import { loadConfig } from '@songnodes/server/config';
import { openCliDatabase } from '../database.ts';
import { UsageError } from '../errors.ts';
import { progressLine } from '../progress.ts';

export interface ScrapeArgs {
  what: string;
  json?: boolean;
}

const OUTCOME_WORD = {
  stored: 'stored',
  replaced: 'updated',
  unchanged: 'unchanged',
  failed: 'FAILED',
} as const;

export function printScrape(r: CrawlResult, out: NodeJS.WritableStream = process.stdout): void {
  for (const s of r.sets) {
    const title = s.title ?? s.externalId ?? s.url;
    out.write(
      `  ${OUTCOME_WORD[s.outcome].padEnd(9)} ${s.source}: ${title} (${s.entries} entries)${s.error ? `: ${s.error}` : ''}\n`,
    );
  }
  for (const e of r.errors) out.write(`  error: ${e.message}\n`);
  const skipped = r.pagesSkipped ? `, ${r.pagesSkipped} done before` : '';
  out.write(
    `${r.pages} pages read${skipped}: ${r.setsRead} sets, ${r.setsStored} stored, ${r.setsUnchanged} unchanged, ` +
      `${r.entries} entries, ${r.errors.length} errors\n`,
  );
  if (r.outcome === 'waiting_quota')
    out.write(`stopped: the daily quota is spent; run again after ${r.resumeAt}\n`);
}

export async function scrapeCommand(args: ScrapeArgs): Promise<number> {
  const config = loadConfig();
  let spec: ReturnType<typeof parseTaskInput>;
  let settings: ReturnType<typeof scraperSettings>;
  try {
    spec = parseTaskInput(args.what);
    settings = scraperSettings(config);
  } catch (e) {
    if (e instanceof ScrapeError || e instanceof TaskSpecError) throw new UsageError(e.message);
    throw e;
  }
  const db = await openCliDatabase(config);
  const rt = createScrapeRuntime(db, settings, { metrics: false });
  const stop = new AbortController();
  const interrupt = () => stop.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  const bar = progressLine();
  let taskId: number | null = null;
  try {
    let identity: ReturnType<typeof taskIdentity>;
    try {
      identity = taskIdentity(spec, rt);
    } catch (e) {
      if (e instanceof ScrapeError || e instanceof TaskSpecError) throw new UsageError(e.message);
      throw e;
    }
    // An identical open task (an interrupted run, or one queued on the server) is continued here.
    const { task } = await createScrapeTask(db, { ...identity, kind: spec.kind, spec, priority: 'high' });
    taskId = task.id;
    await updateScrapeTask(db, task.id, { state: 'running', error: null });
    const r = await crawl(rt, task, {
      signal: stop.signal,
      onProgress: (p) =>
        bar.update(
          `${args.what}: ${p.done} pages, ${p.setsStored} sets stored, ${p.setsUnchanged} unchanged, ${p.errors} errors`,
        ),
    });
    bar.done();
    await updateScrapeTask(db, task.id, {
      state: r.outcome,
      result: { ...r },
      error: r.outcome === 'failed' ? (r.errors[0]?.message ?? 'failed') : null,
      resumeAt: r.resumeAt ? new Date(r.resumeAt) : null,
    });
    if (args.json) process.stdout.write(`${JSON.stringify({ taskId: task.id, ...r })}\n`);
    else printScrape(r);
    return r.outcome === 'failed' || r.outcome === 'cancelled' ? 1 : 0;
  } catch (e) {
    bar.done();
    const message = e instanceof Error ? e.message : String(e);
    // Left open so that running the command again continues where this run stopped.
    if (taskId !== null) await updateScrapeTask(db, taskId, { state: 'queued', error: message });
    if (e instanceof ScrapeError) throw new UsageError(`${message}; run the command again to continue`);
    if (stop.signal.aborted) throw new UsageError('interrupted; run the command again to continue');
    throw e;
  } finally {
    process.off('SIGINT', interrupt);
    await rt.close();
    await db.close();
  }
}
