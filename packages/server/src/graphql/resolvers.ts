// Resolvers: root fields call the services (which check input, write, publish change events and
// enqueue jobs); nested fields read through the request's batched loads, so the statements a query
// costs do not grow with the number of objects it returns.
import { Readable } from 'node:stream';
import type {
  CreditRecord,
  EntryRecord,
  PlayCounts,
  ScrapePriority,
  ScrapeTarget,
  SetDetail,
  SetRecord,
  TrackDetail,
  TrackRecord,
  TransitionRecord,
} from '@songnodes/db';
import { topTransitions } from '@songnodes/db';
import type { EvidenceSet, PlannedSet, PlanStep } from '@songnodes/graph';
import { FORMAT_IDS, type FormatId } from '@songnodes/importers';
import {
  type DomainEvent,
  invalid,
  jobVisibleTo,
  type RequestContext,
  ServiceError,
} from '@songnodes/services';
import type { IResolvers, MercuriusContext } from 'mercurius';
import { requestContext } from '../api/auth/session.ts';
import type { ApiServices } from '../api/plugin.ts';
import { graphqlJs } from './graphql-js.ts';
import {
  firstOf,
  type GraphFilterArgs,
  graphFilterOf,
  idOf,
  optionalId,
  type PlanArgs,
  planRequestOf,
  textOf,
} from './inputs.ts';
import type { Loads } from './loads.ts';
import { busEvents } from './subscriptions.ts';

declare module 'mercurius' {
  interface MercuriusContext {
    /** The request's batched reads (plugin.ts makes one per request and per subscription). */
    loads: Loads;
  }
}

export type Context = MercuriusContext;

/** A track as Track fields see it; counts and credits are there when the root read already had them. */
type TrackNode = TrackRecord & { credits?: CreditRecord[]; counts?: PlayCounts };
type SetNode = SetRecord & { entries?: EntryRecord[] };
type ArtistNode = { id: number; name: string; aliases?: string[] };

/** What the audit log records of the request behind a mutation (address, request id, browser). */
const auditOf = (ctx: Context): RequestContext => requestContext(ctx.reply.request);

function trackNodeOf(t: TrackDetail): TrackNode {
  return {
    id: t.id,
    artist: t.artist,
    title: t.title,
    version: t.version,
    versionKind: t.versionKind,
    bpm: t.bpm,
    key: t.key,
    genre: t.genre,
    year: t.year,
    durationSeconds: t.durationSeconds,
    originalTrackId: t.original?.id ?? null,
    mergedInto: t.mergedInto,
    credits: t.artists.map((a) => ({ artistId: a.id, name: a.name, role: a.role })),
    counts: { plays: t.plays, sets: t.sets, djs: t.djs },
  };
}

function setNodeOf(s: SetDetail): SetNode {
  const { performers: _names, entries, ...record } = s;
  return {
    ...record,
    entries: entries.map((e) => ({
      position: e.position,
      line: e.line,
      raw: e.raw,
      unknown: e.unknown,
      withPrevious: e.withPrevious,
      artist: e.artist,
      title: e.title,
      version: e.version,
      label: e.label,
      cueSeconds: e.cueSeconds,
      trackId: e.track?.id ?? null,
    })),
  };
}

/** A set a target's last search found, as TargetSet fields see it. */
type TargetSetNode = NonNullable<ScrapeTarget['lastResult']>['sets'][number];
type TargetResultNode = NonNullable<ScrapeTarget['lastResult']>;

/** The most ids one `searchTargets` names: a list holds at most that many (services' MAX_TARGETS). */
const MAX_TARGET_IDS = 200;

const notReady = (what: string) => new ServiceError('not_ready', `${what} is not available in this process`);

const JSONScalar = new graphqlJs.GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (v) => v,
  parseValue: (v) => v,
});

export function resolvers(api: ApiServices): IResolvers {
  const explore = () => {
    if (!api.explore) throw notReady('the graph');
    return api.explore;
  };
  const jobs = () => {
    if (!api.jobs) throw notReady('the job queue');
    return api.jobs;
  };

  const plan = async (input: PlanArgs) => {
    const r = await explore().plan(planRequestOf(input));
    return {
      length: r.length,
      sets: r.sets,
      blocked: r.blocked?.message ?? null,
      relaxation: r.relaxation?.change ?? null,
      relaxedSets: r.relaxation?.sets ?? [],
    };
  };

  const transitions = async (
    a: { from?: string | null; to?: string | null; first: number },
    ctx: Context,
  ): Promise<TransitionRecord[]> => {
    const first = firstOf(a.first);
    const from = optionalId(a.from, 'from');
    const to = optionalId(a.to, 'to');
    if (from !== undefined && to !== undefined) {
      const t = await api.catalog.getTransition(from, to, 0);
      return [
        { from, to, count: t.count, sets: t.sets, djs: t.djs, firstDate: t.firstDate, lastDate: t.lastDate },
      ];
    }
    const one = from ?? to;
    if (one === undefined) return topTransitions(api.db, first);
    if (!(await ctx.loads.track(one)))
      throw new ServiceError('not_found', `no track ${one}`, { field: from ? 'from' : 'to' });
    return ctx.loads.transitions(one, from !== undefined ? 'out' : 'in', first);
  };

  return {
    JSON: JSONScalar,

    Query: {
      track: async (_: unknown, a: { id: string }, ctx: Context) =>
        trackNodeOf(await api.catalog.getTrack(idOf(a.id, 'id'), ctx.principal)),
      tracks: async (
        _: unknown,
        a: { filter?: Record<string, unknown> | null; first: number; after?: string | null },
        ctx: Context,
      ) => {
        const f = Object.fromEntries(Object.entries(a.filter ?? {}).filter(([, v]) => v !== null));
        const page = await api.catalog.listTracks(
          f,
          { limit: firstOf(a.first), after: optionalId(a.after, 'after') },
          ctx.principal,
        );
        return { items: await ctx.loads.tracks(page.items.map((t) => t.id)), next: page.next };
      },
      artist: async (_: unknown, a: { id: string }, ctx: Context): Promise<ArtistNode> => {
        const r = await api.catalog.getArtist(idOf(a.id, 'id'), ctx.principal);
        return { id: r.id, name: r.name, aliases: r.aliases };
      },
      set: async (_: unknown, a: { id: string }, ctx: Context) =>
        setNodeOf(await api.catalog.getSet(idOf(a.id, 'id'), ctx.principal)),
      search: async (_: unknown, a: { q: string; first: number }, ctx: Context) => {
        const r = await api.search.search(
          textOf(a.q, 'q', 1000),
          ctx.principal,
          firstOf(a.first, 'first', 100),
        );
        const sets = await Promise.all(r.sets.map((s) => ctx.loads.set(s.id)));
        return {
          query: r.query,
          tracks: await ctx.loads.tracks(r.tracks.map((t) => t.id)),
          artists: r.artists.map((x) => ({ id: x.id, name: x.name })),
          sets: sets.filter((s) => s !== undefined),
          facets: {
            genres: r.facets.genres,
            keys: r.facets.keys,
            years: r.facets.years.map((y) => ({ value: String(y.value), count: y.count })),
            bpmMin: r.facets.bpm.min,
            bpmMax: r.facets.bpm.max,
          },
        };
      },
      graphData: async (_: unknown, a: { filters?: GraphFilterArgs | null; nodes: number; edges: number }) =>
        explore().subgraph({
          nodes: firstOf(a.nodes, 'nodes', 20_000) || 1,
          edges: firstOf(a.edges, 'edges', 200_000),
          filter: graphFilterOf(a.filters),
        }),
      plan: (_: unknown, a: { input: PlanArgs }) => plan(a.input),
      transitions: (
        _: unknown,
        a: { from?: string | null; to?: string | null; first: number },
        ctx: Context,
      ) => transitions(a, ctx),
      job: async (_: unknown, a: { id: string }, ctx: Context) =>
        jobs().progress(textOf(a.id, 'id', 100), ctx.principal),
      targets: async (_: unknown, a: { first: number }, ctx: Context) => {
        const first = firstOf(a.first, 'first', MAX_TARGET_IDS);
        return (await api.scrapes.targets(ctx.principal)).slice(0, first);
      },
    },

    Mutation: {
      importText: async (
        _: unknown,
        a: {
          text: string;
          filename?: string | null;
          format?: string | null;
          source?: string | null;
          visibility?: string | null;
        },
        ctx: Context,
      ) => {
        if (!api.imports) throw notReady('importing');
        if (a.visibility != null && a.visibility !== 'public' && a.visibility !== 'private')
          throw invalid(
            'visibility',
            `visibility is 'public' or 'private', not ${JSON.stringify(a.visibility)}`,
          );
        if (a.text.trim() === '') throw invalid('text', 'text is empty: give the tracklist or file contents');
        if (a.format != null && !FORMAT_IDS.includes(a.format as FormatId))
          throw invalid(
            'format',
            `unknown format ${JSON.stringify(a.format)} (one of ${FORMAT_IDS.join(', ')})`,
          );
        const r = await api.imports.upload(
          Readable.from([Buffer.from(a.text, 'utf8')]),
          {
            format: (a.format ?? undefined) as FormatId | undefined,
            source: a.source == null ? undefined : textOf(a.source, 'source', 100),
            filename: a.filename == null ? undefined : textOf(a.filename, 'filename', 200),
            visibility: (a.visibility ?? undefined) as 'public' | 'private' | undefined,
          },
          ctx.principal,
        );
        return { jobId: r.jobId, progress: r.progress };
      },
      addTarget: (
        _: unknown,
        a: { trackId?: string | null; artist?: string | null; title?: string | null },
        ctx: Context,
      ) =>
        api.scrapes.addTarget(ctx.principal, {
          trackId: optionalId(a.trackId, 'trackId'),
          artist: a.artist ?? undefined,
          title: a.title ?? undefined,
        }),
      removeTarget: async (_: unknown, a: { id: string }, ctx: Context) => {
        await api.scrapes.removeTarget(ctx.principal, idOf(a.id, 'id'));
        return true;
      },
      searchTargets: (
        _: unknown,
        a: { ids?: string[] | null; priority?: ScrapePriority | null },
        ctx: Context,
      ) => {
        if (a.ids != null && a.ids.length === 0)
          throw invalid('ids', 'ids is empty: name targets to search, or leave ids out to search them all');
        if (a.ids != null && a.ids.length > MAX_TARGET_IDS)
          throw invalid('ids', `ids names more than ${MAX_TARGET_IDS} targets`);
        const ids = a.ids?.map((id, i) => idOf(id, `ids[${i}]`));
        return api.scrapes.searchTargets(ctx.principal, ids, a.priority ?? undefined);
      },
      shareSet: async (_: unknown, a: { id: string }, ctx: Context) =>
        setNodeOf(await api.sets.setVisibility(idOf(a.id, 'id'), 'public', ctx.principal)),
      mergeTracks: async (_: unknown, a: { keptId: string; mergedId: string }, ctx: Context) => {
        const keptId = idOf(a.keptId, 'keptId');
        const r = await api.dedupe.merge(keptId, idOf(a.mergedId, 'mergedId'), ctx.principal, auditOf(ctx));
        return { ...r, kept: await ctx.loads.track(keptId) };
      },
      splitMerge: async (_: unknown, a: { mergeId: string }, ctx: Context) => {
        const r = await api.dedupe.split(idOf(a.mergeId, 'mergeId'), ctx.principal, auditOf(ctx));
        const [kept, restored] = await Promise.all([ctx.loads.track(r.keptId), ctx.loads.track(r.mergedId)]);
        return { ...r, kept, restored };
      },
      mergeArtists: async (_: unknown, a: { keptId: string; mergedId: string }, ctx: Context) => {
        const keptId = idOf(a.keptId, 'keptId');
        const r = await api.artists.merge(keptId, idOf(a.mergedId, 'mergedId'), ctx.principal, auditOf(ctx));
        const kept = await api.catalog.getArtist(keptId, ctx.principal);
        return {
          ...r,
          mergedId: r.merged,
          kept: { id: kept.id, name: kept.name, aliases: kept.aliases } satisfies ArtistNode,
        };
      },
      setArtistAliases: async (_: unknown, a: { id: string; aliases: string[] }, ctx: Context) => {
        const id = idOf(a.id, 'id');
        await api.artists.setAliases(id, a.aliases, ctx.principal, auditOf(ctx));
        const r = await api.catalog.getArtist(id, ctx.principal);
        return { id: r.id, name: r.name, aliases: r.aliases } satisfies ArtistNode;
      },
      updateTrack: async (
        _: unknown,
        a: { id: string; bpm?: number | null; key?: string | null; genre?: string | null },
        ctx: Context,
      ) => {
        const change = {
          ...('bpm' in a ? { bpm: a.bpm } : {}),
          ...('key' in a ? { key: a.key === null ? null : textOf(a.key, 'key', 20) } : {}),
          ...('genre' in a ? { genre: a.genre === null ? null : textOf(a.genre, 'genre', 100) } : {}),
        };
        return trackNodeOf(await api.catalog.updateTrack(idOf(a.id, 'id'), change, ctx.principal));
      },
      runPlan: (_: unknown, a: { input: PlanArgs }) => plan(a.input),
      computeLayout: (_: unknown, a: { iterations?: number | null; seed?: number | null }) => {
        if (a.iterations != null && (a.iterations < 1 || a.iterations > 5000))
          throw invalid('iterations', 'iterations must be from 1 to 5000');
        if (a.seed != null && a.seed < 0) throw invalid('seed', 'seed must not be negative');
        return jobs().computeLayout({ iterations: a.iterations ?? undefined, seed: a.seed ?? undefined });
      },
      computeCommunities: (_: unknown, a: { seed?: number | null; resolution?: number | null }) => {
        if (a.resolution != null && (a.resolution <= 0 || a.resolution > 10))
          throw invalid('resolution', 'resolution must be above 0 and at most 10');
        if (a.seed != null && a.seed < 0) throw invalid('seed', 'seed must not be negative');
        return jobs().computeCommunities({
          seed: a.seed ?? undefined,
          resolution: a.resolution ?? undefined,
        });
      },
    },

    Subscription: {
      jobProgress: {
        subscribe: (_: unknown, a: { id?: string | null }, ctx: Context) => {
          const id = a.id == null ? undefined : textOf(a.id, 'id', 100);
          // Another user's private upload is not theirs to follow (services' jobVisibleTo).
          return busEvents(api.bus, (e: DomainEvent) =>
            e.type === 'job.progress' &&
            (id === undefined || e.job.jobId === id) &&
            jobVisibleTo(e.job, ctx.principal)
              ? e.job
              : undefined,
          );
        },
        resolve: (job: unknown) => job,
      },
      graphChanged: {
        subscribe: () => busEvents(api.bus, (e: DomainEvent) => (e.type === 'graph.changed' ? e : undefined)),
        resolve: (e: Extract<DomainEvent, { type: 'graph.changed' }>) => ({
          cause: e.cause,
          changedTracks: e.newTrackIds.length,
          changedTransitions: e.changedPairs.length,
          trackIds: e.newTrackIds,
        }),
      },
    },

    Track: {
      genres: (t: TrackNode) => (t.genre ? [t.genre] : []),
      duration: (t: TrackNode) => t.durationSeconds,
      artists: (t: TrackNode, _: unknown, ctx: Context) => t.credits ?? ctx.loads.credits(t.id),
      original: (t: TrackNode, _: unknown, ctx: Context) =>
        t.originalTrackId === null ? null : ctx.loads.track(t.originalTrackId),
      remixes: (t: TrackNode, a: { first: number }, ctx: Context) =>
        ctx.loads.remixes(t.id, firstOf(a.first)),
      plays: async (t: TrackNode, _: unknown, ctx: Context) =>
        (t.counts ?? (await ctx.loads.counts(t.id))).plays,
      djs: async (t: TrackNode, _: unknown, ctx: Context) => (t.counts ?? (await ctx.loads.counts(t.id))).djs,
      transitionsOut: (t: TrackNode, a: { first: number }, ctx: Context) =>
        ctx.loads.transitions(t.id, 'out', firstOf(a.first)),
      transitionsIn: (t: TrackNode, a: { first: number }, ctx: Context) =>
        ctx.loads.transitions(t.id, 'in', firstOf(a.first)),
      sets: (t: TrackNode, a: { first: number }, ctx: Context) =>
        ctx.loads.setsOfTrack(t.id, firstOf(a.first)),
      mergedInto: (t: TrackNode, _: unknown, ctx: Context) =>
        t.mergedInto === null ? null : ctx.loads.track(t.mergedInto),
    },
    Credit: {
      artist: (c: CreditRecord): ArtistNode => ({ id: c.artistId, name: c.name }),
    },
    Artist: {
      aliases: (a: ArtistNode, _: unknown, ctx: Context) => a.aliases ?? ctx.loads.aliases(a.id),
      tracks: (a: ArtistNode, x: { first: number }, ctx: Context) =>
        ctx.loads.artistTracks(a.id, firstOf(x.first)),
      collaborations: async (a: ArtistNode, x: { first: number }, ctx: Context) =>
        (await ctx.loads.collaborations(a.id, firstOf(x.first))).map((c) => ({
          artist: { id: c.id, name: c.name },
          tracks: c.tracks,
        })),
    },
    Set: {
      performers: (s: SetNode, _: unknown, ctx: Context) => ctx.loads.performers(s.id),
      entries: (s: SetNode, a: { first: number }, ctx: Context) => {
        const first = firstOf(a.first, 'first', 10_000);
        return s.entries ? s.entries.slice(0, first) : ctx.loads.entries(s.id, first);
      },
    },
    SetEntry: {
      track: (e: EntryRecord, _: unknown, ctx: Context) =>
        e.trackId === null ? null : ctx.loads.track(e.trackId),
    },
    Transition: {
      from: (x: TransitionRecord, _: unknown, ctx: Context) => ctx.loads.track(x.from),
      to: (x: TransitionRecord, _: unknown, ctx: Context) => ctx.loads.track(x.to),
      evidence: (x: TransitionRecord, a: { first: number }, ctx: Context) =>
        ctx.loads.evidence(x.from, x.to, firstOf(a.first, 'first', 200)),
    },
    Evidence: {
      set: (ev: EvidenceSet, _: unknown, ctx: Context) => ctx.loads.set(ev.setId),
    },
    GraphNode: {
      track: (n: { trackId: number }, _: unknown, ctx: Context) => ctx.loads.track(n.trackId),
    },
    PlannedSet: {
      tracks: (s: PlannedSet, _: unknown, ctx: Context) => ctx.loads.tracks(s.tracks),
      cost: (s: PlannedSet) => s.totals.cost,
      observedSteps: (s: PlannedSet) => s.totals.observedSteps,
      bridges: (s: PlannedSet) => s.totals.bridges,
    },
    PlanStep: {
      from: (s: PlanStep, _: unknown, ctx: Context) => ctx.loads.track(s.from),
      to: (s: PlanStep, _: unknown, ctx: Context) => ctx.loads.track(s.to),
    },
    Job: {
      id: (j: { jobId: string }) => j.jobId,
    },
    Target: {
      track: async (t: ScrapeTarget, _: unknown, ctx: Context) =>
        t.trackId === null ? null : ((await ctx.loads.track(t.trackId)) ?? null),
    },
    TargetResult: {
      sets: (r: TargetResultNode, a: { first: number }) => r.sets.slice(0, firstOf(a.first, 'first', 50)),
    },
    TargetSet: {
      set: async (s: TargetSetNode, _: unknown, ctx: Context) =>
        s.setId === null ? null : ((await ctx.loads.set(s.setId)) ?? null),
    },
  };
}
