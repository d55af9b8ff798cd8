// Data acquisition from the API's side: submit a scrape (a URL of a configured source, `source:query`,
// or `target:Artist - Title`), follow and cancel tasks, read each source's health, and keep refresh
// schedules. The crawling itself runs as jobs (packages/scrapers); this maps its refusals to
// ServiceErrors so every door answers them alike.
import type { ScrapePriority, ScrapeTask, ScrapeTaskState } from '@songnodes/db';
import {
  NotConfiguredError,
  type Orchestrator,
  RefusedUrlError,
  type SourceHealth,
  type TaskSpec,
  TaskSpecError,
} from '@songnodes/scrapers';
import { invalid, notFound, ServiceError } from './errors.ts';

export class ScrapeService {
  private readonly orchestrator: Orchestrator | null;

  /** Without an orchestrator (no SCRAPER_CONTACT_URL) every call says how to configure scraping. */
  constructor(orchestrator: Orchestrator | null) {
    this.orchestrator = orchestrator;
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
}
