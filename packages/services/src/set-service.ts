// Writing sets and tracks by hand (or by script) rather than by file: a set posted as JSON in our set
// format goes through the same importer and ingest pipeline as a file; deleting a set corrects the
// aggregates exactly, as replacing one does; deleting a track leaves its lines as unknown entries.
import { randomUUID } from 'node:crypto';
import { type Database, deleteSets, deleteTrack, findSetId, type SetDetail } from '@songnodes/db';
import { readSets } from '@songnodes/importers';
import { importItems } from '@songnodes/ingest';
import type { CatalogService } from './catalog-service.ts';
import { invalid, notFound, ServiceError } from './errors.ts';
import type { EventBus } from './events.ts';

/** A set as JSON: our set format (docs/formats.md, `songnodes.set/v1`) without the format tag. */
export interface NewSet {
  title?: string;
  performers?: string[];
  date?: string;
  kind?: string;
  source?: string;
  externalId?: string;
  url?: string;
  event?: string;
  venue?: string;
  entries: ({ raw: string } & Record<string, unknown>)[];
}

async function* bytesOf(text: string) {
  yield new TextEncoder().encode(text);
}

export class SetService {
  private readonly deps: { db: Database; bus: EventBus; catalog: CatalogService };

  constructor(deps: { db: Database; bus: EventBus; catalog: CatalogService }) {
    this.deps = deps;
  }

  /**
   * Stores a set; posting the same source and externalId again replaces it (same rules as a
   * re-import). Without an externalId each post is a new set.
   */
  async create(set: NewSet, actor: string): Promise<SetDetail & { warnings: string[] }> {
    if (set.entries.length === 0) throw invalid('entries', 'a set needs at least one entry');
    const source = set.source ?? 'api';
    const externalId = set.externalId ?? `api:${randomUUID()}`;
    const json = JSON.stringify({ ...set, source, externalId, format: 'songnodes.set/v1' });
    const summary = await importItems(
      this.deps.db,
      readSets(bytesOf(json), { format: 'json', file: 'request body', source }),
      {
        onChange: (c) => this.deps.bus.publish({ type: 'graph.changed', ...c, cause: `import by ${actor}` }),
      },
    );
    const error = summary.issues.find((i) => i.severity === 'error');
    if (summary.setsStored + summary.setsReplaced + summary.setsUnchanged === 0)
      throw new ServiceError('invalid', error?.message ?? 'the set could not be stored', {
        field: error?.field ?? 'entries',
      });
    const id = await findSetId(this.deps.db, source, externalId);
    if (id === null) throw new Error(`set ${source}/${externalId} was stored but cannot be found`);
    return {
      ...(await this.deps.catalog.getSet(id)),
      warnings: summary.issues.filter((i) => i.severity === 'warning').map((i) => i.message),
    };
  }

  async delete(id: number): Promise<void> {
    const changed = await this.deps.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM sets WHERE id = $1', [id]);
      if (exists.length === 0) return null;
      return deleteSets(tx, [id]);
    });
    if (changed === null) throw notFound(`no set ${id}`, 'id');
    this.deps.bus.publish({ type: 'graph.changed', newTrackIds: [], changedPairs: changed, cause: 'delete' });
  }

  async deleteTrack(id: number): Promise<{ entriesNowUnknown: number }> {
    const r = await this.deps.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM tracks WHERE id = $1 AND merged_into IS NULL', [id]);
      if (exists.length === 0) return 'missing' as const;
      return deleteTrack(tx, id);
    });
    if (r === 'missing') throw notFound(`no track ${id}`, 'id');
    if (r === null)
      throw new ServiceError(
        'conflict',
        `other tracks are merged into track ${id}: split those merges first`,
        {
          field: 'id',
        },
      );
    // A track leaves the graph: the index drops nodes only on a rebuild (cause 'delete').
    this.deps.bus.publish({
      type: 'graph.changed',
      newTrackIds: [],
      changedPairs: r.changedPairs,
      cause: 'delete',
    });
    return { entriesNowUnknown: r.entries };
  }
}
