// `songnodes target …`: the local owner's target tracks (the tracks they want sets for), the same list
// the web app shows in local mode. Every command goes through the API's ScrapeService (same checks,
// same limits, same sharing of an open search), acting as the person at the terminal, whose list is
// the local owner's (user id null). `target search` queues the searches as jobs for a worker; it does
// not crawl in this process (`songnodes scrape "target:…"` does that for a one-off search).
import type { Database, ScrapePriority, ScrapeTarget } from '@songnodes/db';
import { JobQueue } from '@songnodes/jobs';
import {
  createOrchestrator,
  createScrapeRuntime,
  type Orchestrator,
  ScrapeError,
  scraperSettings,
} from '@songnodes/scrapers';
import { loadConfig } from '@songnodes/server/config';
import { ServiceError } from '@songnodes/services/errors';
import { ScrapeService } from '@songnodes/services/scrape-service';
import { withDatabase } from '../database.ts';
import { ArgumentError, UsageError } from '../errors.ts';
import { cliPrincipal } from '../principal.ts';
import { parseId } from './dedupe.ts';

/** Opens the database (and, with `queue`, a job queue to submit searches to), runs `body`, closes. */
async function withTargets<T>(body: (s: ScrapeService) => Promise<T>, queue = false): Promise<T> {
  const config = loadConfig();
  return withDatabase(
    async (db: Database) => {
      let jobs: JobQueue | null = null;
      let rt: ReturnType<typeof createScrapeRuntime> | null = null;
      try {
        let orchestrator: Orchestrator | null = null;
        // Without a contact URL there is no orchestrator, and the service says how to configure one.
        if (queue && config.SCRAPER_CONTACT_URL) {
          let settings: ReturnType<typeof scraperSettings>;
          try {
            settings = scraperSettings(config);
          } catch (e) {
            if (e instanceof ScrapeError) throw new UsageError(e.message);
            throw e;
          }
          rt = createScrapeRuntime(db, settings, { metrics: false });
          // Only to enqueue: no workers and no schedules run in this process.
          jobs = await JobQueue.start(db, { schedule: false });
          orchestrator = createOrchestrator(jobs, rt, settings);
        }
        return await body(new ScrapeService(orchestrator, db));
      } catch (e) {
        // A refusal (no such track or target, a full list, scraping not configured) is one line.
        if (e instanceof ServiceError) throw new UsageError(e.message);
        throw e;
      } finally {
        await jobs?.stop(1000);
        await rt?.close();
      }
    },
    config,
    'light',
  );
}

const name = (t: { artist: string; title: string }) => `${t.artist} - ${t.title}`;

/** What a target's last search found, and the search under way when a newer one is open. */
function lastSearch(t: ScrapeTarget): string[] {
  const lines: string[] = [];
  const r = t.lastResult;
  if (t.task && r?.taskId !== t.task.id) lines.push(`search: task #${t.task.id} ${t.task.state}`);
  if (r) {
    const errors = r.errors > 0 ? `, ${r.errors} errors${r.error ? ` (${r.error})` : ''}` : '';
    lines.push(
      `last search ${r.finishedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.state}: ` +
        `${r.found} sets found, ${r.added} new to the graph, ${r.unchanged} already stored${errors}`,
    );
  }
  return lines.length > 0 ? lines : ['never searched'];
}

/** `target list [--json]`: the list, newest first, each with its last search. */
export async function targetListCommand(o: { json?: boolean }): Promise<void> {
  const targets = await withTargets((s) => s.targets(cliPrincipal()));
  if (o.json) {
    process.stdout.write(`${JSON.stringify(targets)}\n`);
    return;
  }
  if (targets.length === 0) {
    process.stdout.write('no target tracks: add one with songnodes target add "Artist - Title"\n');
    return;
  }
  for (const t of targets) {
    process.stdout.write(
      `#${t.id} ${name(t)}${t.trackId ? ` (track ${t.trackId})` : ''}\n${lastSearch(t)
        .map((l) => `  ${l}\n`)
        .join('')}`,
    );
    for (const set of t.lastResult?.sets ?? [])
      process.stdout.write(
        `    ${set.source}: ${set.title ?? set.url ?? 'untitled'}${set.setId ? ` (set ${set.setId})` : ''}\n`,
      );
  }
}

/** A track of the graph by id, or an artist and a title as `Artist - Title` (split at the first dash). */
export function targetOf(words: string[]): { trackId: number } | { artist: string; title: string } {
  const text = words.join(' ').trim();
  if (/^\d+$/.test(text)) return { trackId: parseId('track id', text) };
  // The split `songnodes scrape "target:Artist - Title"` makes: the first dash between spaces.
  const m = /^(.+?)\s+[-–]\s+(.+)$/.exec(text);
  if (!m) throw new ArgumentError(`give a track id or "Artist - Title", got "${text}"`);
  return { artist: m[1]!.trim(), title: m[2]!.trim() };
}

/** `target add <track id | Artist - Title>`: adding a listed track again says so and changes nothing. */
export async function targetAddCommand(words: string[]): Promise<void> {
  const what = targetOf(words);
  const r = await withTargets((s) => s.addTarget(cliPrincipal(), what));
  process.stdout.write(
    r.duplicate
      ? `already a target: #${r.target.id} ${name(r.target)}\n`
      : `added target #${r.target.id}: ${name(r.target)}\n`,
  );
}

/** `target remove <id>`. */
export async function targetRemoveCommand(id: string): Promise<void> {
  const targetId = parseId('id', id);
  await withTargets((s) => s.removeTarget(cliPrincipal(), targetId));
  process.stdout.write(`removed target #${targetId}\n`);
}

/**
 * `target search [id…]`: queues a search of every target (or those named) for a job worker, and says
 * which task searches which target and how to follow them.
 */
export async function targetSearchCommand(
  ids: string[],
  o: { priority?: ScrapePriority; json?: boolean },
): Promise<void> {
  const targetIds = ids.map((v) => parseId('id', v));
  const r = await withTargets(async (s) => {
    const searches = await s.searchTargets(
      cliPrincipal(),
      targetIds.length > 0 ? targetIds : undefined,
      o.priority,
    );
    const targets = new Map((await s.targets(cliPrincipal())).map((t) => [t.id, t]));
    return searches.map((x) => ({ ...x, target: targets.get(x.targetId) }));
  }, true);
  if (o.json) {
    process.stdout.write(
      `${JSON.stringify(r.map(({ targetId, task, duplicate }) => ({ targetId, task, duplicate })))}\n`,
    );
    return;
  }
  if (r.length === 0) {
    process.stdout.write('no target tracks to search: add one with songnodes target add "Artist - Title"\n');
    return;
  }
  for (const x of r)
    process.stdout.write(
      `#${x.targetId} ${x.target ? name(x.target) : ''}: task #${x.task.id} ${x.task.state}` +
        `${x.duplicate ? ' (a search for this track was open already: shared)' : ''}\n`,
    );
  process.stdout.write(
    `${r.length} ${r.length === 1 ? 'search' : 'searches'} queued for the job worker ` +
      '(songnodes start, or songnodes worker beside a PostgreSQL server); ' +
      "songnodes target list shows each one's state and, once it ends, what it found\n",
  );
}
