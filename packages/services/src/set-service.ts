// Writing sets and tracks by hand (or by script) rather than by file: a set posted as JSON in our set
// format goes through the same importer and ingest pipeline as a file; deleting a set corrects the
// aggregates exactly, as replacing one does; deleting a track leaves its lines as unknown entries.
import { randomUUID } from 'node:crypto';
import {
  type Database,
  deleteSets,
  deleteTrack,
  findSetId,
  ownedExternalId,
  type SetDetail,
  visibleSet,
  visibleTrack,
} from '@songnodes/db';
import { readSets } from '@songnodes/importers';
import { importItems, shareSet } from '@songnodes/ingest';
import { can, type Principal } from './auth/access.ts';
import { type AuditService, NO_REQUEST, type RequestContext } from './auth/audit-service.ts';
import type { CatalogService } from './catalog-service.ts';
import { invalid, notFound, ServiceError } from './errors.ts';
import type { EventBus } from './events.ts';
import { ownerOf, type Visibility, viewerOf } from './visibility.ts';

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
  /** A signed-in user's set is private unless 'public' (shared at once); others' sets are public. */
  visibility?: Visibility;
}

async function* bytesOf(text: string) {
  yield new TextEncoder().encode(text);
}

export class SetService {
  private readonly deps: { db: Database; bus: EventBus; catalog: CatalogService; audit?: AuditService };

  /** With `audit`, shares and deletions are recorded in the audit log (in their own transaction). */
  constructor(deps: { db: Database; bus: EventBus; catalog: CatalogService; audit?: AuditService }) {
    this.deps = deps;
  }

  /**
   * Stores a set; posting the same source and externalId again replaces it (same rules as a
   * re-import; a user's ids are their own, so they never replace someone else's set). Without an
   * externalId each post is a new set. A signed-in user's set is private unless shared.
   */
  async create(set: NewSet, viewer: Principal): Promise<SetDetail & { warnings: string[] }> {
    if (set.entries.length === 0) throw invalid('entries', 'a set needs at least one entry');
    const owner = ownerOf(viewer, set.visibility);
    const source = set.source ?? 'api';
    const externalId = set.externalId ?? `api:${randomUUID()}`;
    const { visibility: _v, ...content } = set;
    const json = JSON.stringify({ ...content, source, externalId, format: 'songnodes.set/v1' });
    const summary = await importItems(
      this.deps.db,
      readSets(bytesOf(json), { format: 'json', file: 'request body', source }),
      {
        owner,
        onChange: (c) =>
          // Graph changes reach every WebSocket listener: the cause names the kind of caller, never
          // who (a user's label is their email address).
          this.deps.bus.publish({ type: 'graph.changed', ...c, cause: `import by ${viewer.kind}` }),
      },
    );
    const error = summary.issues.find((i) => i.severity === 'error');
    if (summary.setsStored + summary.setsReplaced + summary.setsUnchanged === 0)
      throw new ServiceError('invalid', error?.message ?? 'the set could not be stored', {
        field: error?.field ?? 'entries',
      });
    const id = await findSetId(this.deps.db, source, ownedExternalId(owner?.userId, externalId));
    if (id === null) throw new Error(`set ${source}/${externalId} was stored but cannot be found`);
    return {
      ...(await this.deps.catalog.getSet(id, viewer)),
      warnings: summary.issues.filter((i) => i.severity === 'warning').map((i) => i.message),
    };
  }

  /**
   * Shares a private set (PATCH {visibility: 'public'}): its owner or an admin. Its transitions join
   * the public graph as an import's would. Making a public set private is refused: its evidence is
   * already merged into the shared aggregates (and may be in others' exports); delete it instead.
   */
  async setVisibility(
    id: number,
    visibility: Visibility,
    viewer: Principal,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<SetDetail> {
    const me = viewerOf(viewer);
    const admin = can(viewer, 'admin:users');
    const [row] = await this.deps.db.query<{ visibility: Visibility; owner_id: number | null }>(
      `SELECT visibility, owner_id FROM sets s WHERE id = $1 AND (${visibleSet('s', '$2')} OR $3)`,
      [id, me, admin],
    );
    if (!row) throw notFound(`no set ${id}`, 'id');
    if (visibility === row.visibility) return this.deps.catalog.getSet(id, viewer);
    if (visibility === 'private')
      throw new ServiceError(
        'conflict',
        `set ${id} is public: its transitions are already part of the shared graph and cannot be taken back into privacy; delete the set instead`,
        { field: 'visibility' },
      );
    if (row.owner_id !== me && !admin)
      throw new ServiceError('forbidden', `only the owner of set ${id} (or an admin) can share it`, {
        field: 'id',
      });
    const change = await shareSet(this.deps.db, id);
    if (change && (change.newTrackIds.length > 0 || change.changedPairs.length > 0))
      this.deps.bus.publish({ type: 'graph.changed', ...change, cause: `share by ${viewer.kind}` });
    if (change)
      await this.deps.audit?.record(viewer, 'set.share', {
        target: `set:${id}`,
        details: { owner: row.owner_id, transitions: change.changedPairs.length },
        ctx,
      });
    // An admin sharing someone else's set sees it from now on, as everybody does.
    return this.deps.catalog.getSet(id, viewer);
  }

  async delete(id: number, viewer: Principal, ctx: RequestContext = NO_REQUEST): Promise<void> {
    const changed = await this.deps.db.transaction(async (tx) => {
      // Someone else's private set does not exist for this caller.
      const exists = await tx.query(`SELECT 1 FROM sets s WHERE id = $1 AND ${visibleSet('s', '$2')}`, [
        id,
        viewerOf(viewer),
      ]);
      if (exists.length === 0) return null;
      return deleteSets(tx, [id]);
    });
    if (changed === null) throw notFound(`no set ${id}`, 'id');
    this.deps.bus.publish({ type: 'graph.changed', newTrackIds: [], changedPairs: changed, cause: 'delete' });
    await this.deps.audit?.record(viewer, 'set.delete', { target: `set:${id}`, ctx });
  }

  async deleteTrack(
    id: number,
    viewer: Principal,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<{ entriesNowUnknown: number }> {
    const r = await this.deps.db.transaction(async (tx) => {
      const exists = await tx.query(
        `SELECT 1 FROM tracks t WHERE id = $1 AND merged_into IS NULL AND ${visibleTrack('t', '$2')}`,
        [id, viewerOf(viewer)],
      );
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
    await this.deps.audit?.record(viewer, 'track.delete', {
      target: `track:${id}`,
      details: { entriesNowUnknown: r.entries },
      ctx,
    });
    return { entriesNowUnknown: r.entries };
  }
}
