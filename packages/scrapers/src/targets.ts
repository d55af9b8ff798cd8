// Target tracks as a stored list (scrape_targets): searching targets submits one target task per
// track (an identical open task, from another user or an earlier click, is shared rather than
// repeated), and when a target task ends its findings are written to the targets it searched for.
// `scrape.targets` searches every target again once a week, a few each night.
import {
  type Database,
  dueScrapeTargets,
  markTargetsSearched,
  recordTargetResult,
  type ScrapePriority,
  type ScrapeTask,
} from '@songnodes/db';
import type { CrawlResult } from './crawl.ts';
import type { TaskSpec } from './tasks.ts';

export const SCRAPE_TARGETS_QUEUE = 'scrape.targets';
/** A target is searched again when its last search is this old. */
export const TARGET_REFRESH_DAYS = 7;
/** At most this many targets per nightly run: the rest wait for the next night. */
export const TARGETS_PER_RUN = 200;
/** The nightly run, UTC. */
export const TARGETS_CRON = '30 3 * * *';

export type SubmitSpec = (
  spec: TaskSpec,
  priority: ScrapePriority,
) => Promise<{ task: ScrapeTask; duplicate: boolean }>;

export interface TargetSearch {
  targetId: number;
  task: ScrapeTask;
  /** The task was already open (another user's target, or an earlier search still running). */
  duplicate: boolean;
}

/** Submits a target task for each target and notes which task searches it. */
export async function searchTargets(
  db: Database,
  submit: SubmitSpec,
  targets: readonly { id: number; artist: string; title: string }[],
  priority: ScrapePriority,
): Promise<TargetSearch[]> {
  const out: TargetSearch[] = [];
  for (const t of targets) {
    const made = await submit({ kind: 'target', artist: t.artist, title: t.title }, priority);
    out.push({ targetId: t.id, ...made });
  }
  await markTargetsSearched(
    db,
    out.map((s) => ({ targetId: s.targetId, taskId: s.task.id })),
  );
  return out;
}

/** The targets not searched for a week, searched at low priority. */
export async function searchDueTargets(db: Database, submit: SubmitSpec, now = new Date()) {
  const due = await dueScrapeTargets(
    db,
    new Date(now.getTime() - TARGET_REFRESH_DAYS * 86_400_000),
    TARGETS_PER_RUN,
  );
  return searchTargets(db, submit, due, 'low');
}

/**
 * A target task ended: its findings go to the targets it searched for. What the worker saw (a crawl's
 * result, its last attempt failing) is written; an end seen from outside — a task cancelled before a
 * worker took it, a job the queue gave up on — only where the worker wrote nothing for this task.
 */
export async function recordTargetOutcome(
  db: Database,
  taskId: number,
  outcome: { result: CrawlResult } | { failed: string; seenFromOutside?: boolean } | { cancelled: true },
): Promise<void> {
  if (!('result' in outcome)) {
    const failed = 'failed' in outcome;
    await recordTargetResult(
      db,
      taskId,
      {
        state: failed ? 'failed' : 'cancelled',
        found: 0,
        added: 0,
        unchanged: 0,
        errors: failed ? 1 : 0,
        error: failed ? outcome.failed : null,
        sets: [],
      },
      { onlyIfMissing: !failed || outcome.seenFromOutside === true },
    );
    return;
  }
  const r = outcome.result;
  await recordTargetResult(db, taskId, {
    state: r.outcome,
    found: r.found.length,
    added: r.setsStored,
    unchanged: r.setsUnchanged,
    errors: r.errors.length,
    error:
      r.errors.length > 0
        ? r.errors
            .slice(0, 3)
            .map((e) => e.message)
            .join('; ')
        : null,
    sets: r.found,
  });
}
