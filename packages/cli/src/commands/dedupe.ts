// `songnodes dedupe …`: find and merge near-duplicate tracks, review what the scorer was unsure of,
// undo a merge. Scoring is @songnodes/ingest's; merges, splits and rejections go through
// @songnodes/services' DedupeService, the one the API uses.
import { type CandidateTrack, type Database, DedupeError, listCandidates, listMerges } from '@songnodes/db';
import { runDedupe } from '@songnodes/ingest';
import { loadConfig } from '@songnodes/server/config';
import { DedupeService } from '@songnodes/services/dedupe-service';
import { ServiceError } from '@songnodes/services/errors';
import { openEventBus } from '@songnodes/services/open-event-bus';
import { openCliDatabase } from '../database.ts';
import { ArgumentError, UsageError } from '../errors.ts';
import { cliPrincipal } from '../principal.ts';
import { progressLine } from '../progress.ts';

async function withDb<T>(body: (db: Database) => Promise<T>): Promise<T> {
  const db = await openCliDatabase();
  try {
    return await body(db);
  } catch (e) {
    // A refused merge or split is the user's to fix: one clear line, no stack.
    if (e instanceof DedupeError || e instanceof ServiceError) throw new UsageError(e.message);
    throw e;
  } finally {
    await db.close();
  }
}

/**
 * Merges, splits and rejections go through the same service as the API's, which announces each on the
 * event bus the servers use (Redis or PostgreSQL): every running `api` process's graph follows at
 * once (on the embedded database no server runs beside this command; the next start reads the merge).
 */
async function withDedupe<T>(body: (s: DedupeService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  return withDb(async (db) => {
    const bus = await openEventBus({ db, redisUrl: config.REDIS_URL, redisPassword: config.REDIS_PASSWORD });
    try {
      return await body(new DedupeService({ db, bus }));
    } finally {
      await bus.close();
    }
  });
}

export function parseId(name: string, v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 2_147_483_647)
    throw new ArgumentError(`${name} must be a positive whole number, got "${v}"`);
  return Number(v);
}

const describe = (t: { id: number; artist: string; title: string; version: string | null }) =>
  `#${t.id} ${t.artist} - ${t.title}${t.version ? ` (${t.version})` : ''}`;
const plays = (t: CandidateTrack) => `${t.plays} ${t.plays === 1 ? 'play' : 'plays'}`;

/**
 * `dedupe run [--all] [--restart]`: a scan in batches with a progress line. Ctrl-C (or SIGTERM) stops it
 * after the batch under way; the next run of the same kind goes on from there unless `--restart`.
 */
export async function dedupeRunCommand(o: {
  all?: boolean;
  json?: boolean;
  restart?: boolean;
}): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort(new Error('stopped'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bar = progressLine();
  try {
    const s = await withDb((db) =>
      runDedupe(db, {
        newOnly: !o.all,
        resume: !o.restart,
        actor: cliPrincipal().label,
        signal: stop.signal,
        onProgress: (p) =>
          bar.update(
            `dedupe: ${p.tracksScanned.toLocaleString('en')}/${p.total.toLocaleString('en')} tracks, ` +
              `${p.merges} merged, ${p.reviewCandidates} for review`,
          ),
      }),
    );
    bar.done();
    if (o.json) {
      process.stdout.write(`${JSON.stringify(s)}\n`);
      return 0;
    }
    if (s.resumedAfter !== null) process.stdout.write(`resumed after track ${s.resumedAfter}\n`);
    process.stdout.write(
      `${s.tracksScanned.toLocaleString('en')} tracks scanned, ${s.pairsScored} candidate pairs scored: ` +
        `${s.merges.length} merged, ${s.reviewCandidates} listed for review (${s.seconds.toFixed(1)} s)\n`,
    );
    if (s.reviewCandidates > 0) process.stdout.write('review them with: songnodes dedupe list\n');
    return 0;
  } catch (e) {
    bar.done();
    if (!stop.signal.aborted) throw e;
    process.stderr.write(
      'songnodes: dedupe stopped; run the same command again to go on from where it stopped\n',
    );
    return 130;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export async function dedupeListCommand(o: { json?: boolean; limit?: number }): Promise<void> {
  const rows = await withDb((db) => listCandidates(db, { limit: o.limit }));
  if (o.json) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
  if (rows.length === 0) process.stdout.write('no open candidates\n');
  for (const c of rows) {
    process.stdout.write(
      `${c.score.toFixed(3)}  ${describe(c.track)} [${plays(c.track)}]\n` +
        `       ${describe(c.candidate)} [${plays(c.candidate)}]\n`,
    );
  }
}

export async function dedupeMergeCommand(kept: string, merged: string): Promise<void> {
  const keptId = parseId('keptId', kept);
  const mergedId = parseId('mergedId', merged);
  const r = await withDedupe((s) => s.merge(keptId, mergedId, cliPrincipal()));
  process.stdout.write(
    `merge ${r.mergeId}: track ${mergedId} folded into ${keptId} (score ${r.score.toFixed(3)}), ` +
      `${r.entriesMoved} entries moved, ${r.transitionsRewritten} transitions rewritten, ` +
      `${r.selfLoopsDropped} self-loops dropped; undo with: songnodes dedupe split ${r.mergeId}\n`,
  );
}

export async function dedupeSplitCommand(merge: string): Promise<void> {
  const mergeId = parseId('mergeId', merge);
  const r = await withDedupe((s) => s.split(mergeId, cliPrincipal()));
  process.stdout.write(
    `merge ${mergeId} split: track ${r.mergedId} is separate from ${r.keptId} again, ` +
      `${r.entriesRestored} entries and ${r.transitionsRestored} transitions restored\n`,
  );
  if (r.setsChangedSince > 0) {
    process.stdout.write(
      `note: ${r.setsChangedSince} sets were imported again after the merge; their entries stay as that import stored them\n`,
    );
  }
}

export async function dedupeRejectCommand(a: string, b: string): Promise<void> {
  const trackId = parseId('trackId', a);
  const candidateId = parseId('candidateId', b);
  await withDedupe((s) => s.reject(trackId, candidateId, cliPrincipal()));
  process.stdout.write(`tracks ${trackId} and ${candidateId} marked as different\n`);
}

export async function dedupeMergesCommand(o: { json?: boolean; limit?: number }): Promise<void> {
  const rows = await withDb((db) => listMerges(db, { limit: o.limit }));
  if (o.json) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
  if (rows.length === 0) process.stdout.write('no merges\n');
  for (const m of rows) {
    const state = m.undoneAt ? `split ${m.undoneAt}` : 'active';
    process.stdout.write(
      `merge ${m.id} (${m.method}${m.actor ? ` by ${m.actor}` : ''}, ${m.createdAt}, ${state}, ` +
        `score ${m.score === null ? '-' : m.score.toFixed(3)}, ${m.entriesMoved} entries)\n` +
        `  kept   ${describe(m.kept)}\n  merged ${describe(m.merged)}\n`,
    );
  }
}
