// Near-duplicate review: the candidates the importer could not decide, the merges done, and a person's
// merge, split or rejection. Every merge and split is announced as a graph change, so the in-memory
// graph of every process moves the evidence at once (before, only the bulk dedupe path did), and is
// written to the audit log with who did it (REST, GraphQL and the CLI alike).
import {
  type CandidateListing,
  type Database,
  type DedupeActor,
  DedupeError,
  listCandidates,
  listMerges,
  type MergeListing,
  rejectCandidate,
  splitMerge,
} from '@songnodes/db';
import { mergeManually } from '@songnodes/ingest';
import { can, type Principal } from './auth/access.ts';
import { NO_REQUEST, type RequestContext } from './auth/audit-service.ts';
import { ServiceError } from './errors.ts';
import type { EventBus } from './events.ts';

const serviceError = (e: unknown) =>
  e instanceof DedupeError
    ? new ServiceError(e.code === 'not_found' ? 'not_found' : 'invalid', e.message)
    : e;

/**
 * The repository writes the audit entry in the merge's own transaction (so a merge and its record
 * stand or fall together): it gets the person and the request here.
 */
const actorOf = (who: Principal, ctx: RequestContext): DedupeActor => ({
  label: who.label,
  userId: who.userId,
  requestId: ctx.requestId,
  ip: ctx.ip,
});

/** Merges, splits and rejections change which evidence a track carries: `merge:tracks`, like the routes. */
function mayMerge(who: Principal, what: string) {
  if (!can(who, 'merge:tracks')) throw new ServiceError('forbidden', `${what} needs merge:tracks`);
}

export class DedupeService {
  private readonly deps: { db: Database; bus: EventBus };

  constructor(deps: { db: Database; bus: EventBus }) {
    this.deps = deps;
  }

  candidates(page: { limit: number; offset: number }): Promise<CandidateListing[]> {
    return listCandidates(this.deps.db, page);
  }

  merges(page: { limit: number; offset: number }): Promise<MergeListing[]> {
    return listMerges(this.deps.db, page);
  }

  async merge(keptId: number, mergedId: number, who: Principal, ctx: RequestContext = NO_REQUEST) {
    mayMerge(who, 'merging tracks');
    if (keptId === mergedId)
      throw new ServiceError('invalid', 'a track cannot be merged into itself', { field: 'mergedId' });
    try {
      const r = await mergeManually(this.deps.db, keptId, mergedId, actorOf(who, ctx));
      this.deps.bus.publish({
        type: 'graph.changed',
        newTrackIds: [],
        changedPairs: r.changedPairs,
        cause: 'merge',
      });
      return r;
    } catch (e) {
      throw serviceError(e);
    }
  }

  async split(mergeId: number, who: Principal, ctx: RequestContext = NO_REQUEST) {
    mayMerge(who, 'undoing a merge');
    try {
      const r = await splitMerge(this.deps.db, mergeId, actorOf(who, ctx));
      this.deps.bus.publish({
        type: 'graph.changed',
        newTrackIds: [r.mergedId],
        changedPairs: r.changedPairs,
        cause: 'split',
      });
      return r;
    } catch (e) {
      throw serviceError(e);
    }
  }

  async reject(trackId: number, candidateId: number, who: Principal, ctx: RequestContext = NO_REQUEST) {
    mayMerge(who, 'rejecting a candidate');
    try {
      return await rejectCandidate(this.deps.db, trackId, candidateId, actorOf(who, ctx));
    } catch (e) {
      throw serviceError(e);
    }
  }
}
