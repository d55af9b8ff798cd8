// Data acquisition from the API's side: submit a scrape (a URL of a configured source, `source:query`,
// or `target:Artist - Title`), follow and cancel tasks, read each source's health, keep refresh
// schedules, and each user's target tracks (the tracks they want sets for). The crawling itself runs
// as jobs (packages/scrapers); this maps its refusals to ServiceErrors so every door answers them alike.
import {
  addScrapeTarget,
  type Database,
  listScrapeTargets,
  removeScrapeTarget,
  type ScrapePriority,
  type ScrapeTarget,
  type ScrapeTask,
  type ScrapeTaskState,
  targetTrackName,
} from '@songnodes/db';
import {
  NotConfiguredError,
  type Orchestrator,
  RefusedUrlError,
  type SourceHealth,
  type TargetSearch,
  type TaskSpec,
  TaskSpecError,
} from '@songnodes/scrapers';
import { can, type Principal } from './auth/access.ts';
import { invalid, notFound, ServiceError } from './errors.ts';
import { viewerOf } from './visibility.ts';

/** Targets one user may list: each search is a crawl of every source. */
export const MAX_TARGETS = 200;
const MAX_NAME = 300;

export class ScrapeService {
  private readonly orchestrator: Orchestrator | null;
  private readonly db: Database | null;

  /**
   * Without an orchestrator (no SCRAPER_CONTACT_URL) every call says how to configure scraping; target
   * lists can still be kept (they need the database) but not searched.
   */
  constructor(orchestrator: Orchestrator | null, db: Database | null = null) {
    this.orchestrator = orchestrator;
    this.db = db;
  }

  private get o(): Orchestrator {
    if (!this.orchestrator)
      throw new ServiceError(
        'not_ready',
        'scraping is not configured: set SCRAPER_CONTACT_URL (a page or mailto: where site operators can reach you)',
      );
    return this.orchestrator;
  }

  private async run<T>(fn: () => Promise<T>, field = 'input'): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof RefusedUrlError || e instanceof TaskSpecError) throw invalid(field, e.message);
      if (e instanceof NotConfiguredError) throw new ServiceError('not_ready', e.message);
      throw e;
    }
  }

  submit(
    input: string | TaskSpec,
    priority?: ScrapePriority,
  ): Promise<{ task: ScrapeTask; duplicate: boolean }> {
    return this.run(() => this.o.submit(input, { priority }));
  }

  async get(id: number): Promise<ScrapeTask> {
    const t = await this.o.get(id);
    if (!t) throw notFound(`no scrape task ${id}`, 'id');
    return t;
  }

  list(q: { limit: number; state?: ScrapeTaskState; source?: string }): Promise<ScrapeTask[]> {
    return this.o.list(q);
  }

  async cancel(id: number): Promise<ScrapeTask> {
    const t = await this.get(id);
    if (!(await this.o.cancel(id)))
      throw new ServiceError('conflict', `scrape task ${id} has ended already (${t.state})`, { field: 'id' });
    return this.get(id);
  }

  /** Health of every source; without configuration, an empty list rather than an error. */
  async health(): Promise<{ configured: boolean; sources: SourceHealth[] }> {
    if (!this.orchestrator) return { configured: false, sources: [] };
    return { configured: true, sources: await this.orchestrator.health() };
  }

  async schedule(
    name: string,
    cron: string,
    input: string | TaskSpec,
    priority?: ScrapePriority,
  ): Promise<void> {
    const fields = cron.trim().split(/\s+/);
    if (fields.length !== 5 || fields.some((f) => !/^[\d*,/A-Za-z?-]+$/.test(f)))
      throw invalid(
        'cron',
        `not a cron expression: ${JSON.stringify(cron)} (5 fields, UTC, such as "0 4 * * *")`,
      );
    try {
      await this.run(() => this.o.schedule(name, cron, input, { priority }));
    } catch (e) {
      // pg-boss parses the expression itself; its refusal (a plain Error, no database code) is the
      // caller's mistake, not ours.
      if (e instanceof Error && !(e instanceof ServiceError) && !('code' in e))
        throw invalid('cron', `not a usable cron expression: ${e.message}`);
      throw e;
    }
  }

  unschedule(name: string): Promise<void> {
    return this.o.unschedule(name);
  }

  schedules() {
    if (!this.orchestrator) return Promise.resolve([]);
    return this.orchestrator.schedules();
  }

  // ---- target tracks: each user's own list (the local owner's when not signed in as a user) ----

  private targetsDb(who: Principal): { db: Database; userId: number | null } {
    if (!can(who, 'import'))
      throw new ServiceError('forbidden', 'target tracks need the import permission (sign in)');
    if (!this.db) throw new ServiceError('not_ready', 'target tracks need the database');
    return { db: this.db, userId: viewerOf(who) };
  }

  targets(who: Principal): Promise<ScrapeTarget[]> {
    const { db, userId } = this.targetsDb(who);
    return listScrapeTargets(db, userId);
  }

  /**
   * Adds a track to the user's targets: a track of the graph (`trackId`; its artist and title are
   * searched for) or an artist and a title as text. The same track again returns the entry with
   * `duplicate: true`.
   */
  async addTarget(
    who: Principal,
    t: { trackId?: number; artist?: string; title?: string },
  ): Promise<{ target: ScrapeTarget; duplicate: boolean }> {
    const { db, userId } = this.targetsDb(who);
    let artist = t.artist?.trim() ?? '';
    let title = t.title?.trim() ?? '';
    if (t.trackId !== undefined) {
      const named = await targetTrackName(db, t.trackId, userId);
      if (!named) throw notFound(`no track ${t.trackId}`, 'trackId');
      artist ||= named.artist;
      title ||= named.title;
    }
    if (!artist) throw invalid('artist', 'a target needs an artist (or a trackId)');
    if (!title) throw invalid('title', 'a target needs a title (or a trackId)');
    if (artist.length > MAX_NAME) throw invalid('artist', `at most ${MAX_NAME} characters`);
    if (title.length > MAX_NAME) throw invalid('title', `at most ${MAX_NAME} characters`);
    const made = await addScrapeTarget(
      db,
      { userId, trackId: t.trackId ?? null, artist, title },
      MAX_TARGETS,
    );
    if (!made)
      throw new ServiceError(
        'conflict',
        `a list holds at most ${MAX_TARGETS} target tracks: remove some first`,
      );
    return made;
  }

  async removeTarget(who: Principal, id: number): Promise<void> {
    const { db, userId } = this.targetsDb(who);
    if (!(await removeScrapeTarget(db, userId, id)))
      throw notFound(`no target track ${id} in your list`, 'id');
  }

  /**
   * Searches the sources for sets holding the user's targets (all, or those named), one target task
   * per track; a task already open for the same track (another user's search) is shared.
   */
  async searchTargets(
    who: Principal,
    ids?: readonly number[],
    priority?: ScrapePriority,
  ): Promise<TargetSearch[]> {
    const { db, userId } = this.targetsDb(who);
    const orchestrator = this.o;
    const targets = await listScrapeTargets(db, userId, ids);
    const missing = ids?.filter((id) => !targets.some((t) => t.id === id)) ?? [];
    if (missing.length > 0) throw notFound(`no target track ${missing.join(', ')} in your list`, 'ids');
    return this.run(() => orchestrator.searchTargets(targets, { priority }));
  }
}
