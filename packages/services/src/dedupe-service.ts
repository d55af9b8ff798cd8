// Near-duplicate review: the candidates the importer could not decide, the merges done, and a person's
// merge, split or rejection. Every merge and split is announced as a graph change, so the in-memory
// graph of every process moves the evidence at once (before, only the bulk dedupe path did).
import {
  type CandidateListing,
  type Database,
  DedupeError,
  listCandidates,
  listMerges,
  type MergeListing,
  rejectCandidate,
  splitMerge,
} from '@songnodes/db';
import { mergeManually } from '@songnodes/ingest';
import { ServiceError } from './errors.ts';
import type { EventBus } from './events.ts';

const serviceError = (e: unknown) =>
  e instanceof DedupeError
    ? new ServiceError(e.code === 'not_found' ? 'not_found' : 'invalid', e.message)
    : e;

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

  async merge(keptId: number, mergedId: number, actor: string) {
    if (keptId === mergedId)
      throw new ServiceError('invalid', 'a track cannot be merged into itself', { field: 'mergedId' });
    try {
      const r = await mergeManually(this.deps.db, keptId, mergedId, actor);
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

  async split(mergeId: number, actor: string) {
    try {
      const r = await splitMerge(this.deps.db, mergeId, actor);
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

  async reject(trackId: number, candidateId: number, actor: string) {
    try {
      return await rejectCandidate(this.deps.db, trackId, candidateId, actor);
    } catch (e) {
      throw serviceError(e);
    }
  }
}
