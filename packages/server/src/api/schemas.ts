// The shapes the API speaks, written once in TypeBox: Fastify validates requests and serialises
// responses with them, handlers are typed from them, and the OpenAPI document is generated from them.
// Shapes used by one resource only live in that resource's route file.
import { type TSchema, Type } from 'typebox';

export const MAX_ID = 2_147_483_647;
export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
export const IdParams = Type.Object({ id: Id });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'stable URI of the error class' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    field: Type.Optional(Type.String({ description: 'the parameter at fault: keys, from, via.2' })),
    requestId: Type.String(),
    candidates: Type.Optional(Type.Unknown()),
    permission: Type.Optional(Type.String({ description: 'the permission a 401 or 403 is about' })),
    retryAfterSeconds: Type.Optional(Type.Integer({ description: 'when a 429 may be retried' })),
  },
  { description: 'RFC 9457 problem details' },
);

/** The problem responses every route may give, by status. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Problem])) as Record<number, TSchema>;

/** Cursor pagination: `after` is the `next` of the previous page. */
export const PageQuery = {
  after: Type.Optional(
    Type.Integer({ minimum: 0, maximum: MAX_ID, description: 'cursor: `next` of the previous page' }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
};
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    next: Nullable(Type.Integer({ description: 'cursor of the next page; null on the last one' })),
    nextUrl: Nullable(Type.String({ description: 'the next page, as a link' })),
  });

/** Query-string filters shared by the graph and the track list; lists are comma-separated. */
export const FilterQuery = {
  bpmMin: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  bpmMax: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  keys: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Camelot keys, comma-separated: 8A,9A' }),
  ),
  genres: Type.Optional(
    Type.String({ minLength: 1, maxLength: 500, description: 'genres, comma-separated' }),
  ),
  yearFrom: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  yearTo: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  minCount: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ID })),
  minDjs: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ID })),
  sources: Type.Optional(
    Type.String({ minLength: 1, maxLength: 500, description: 'source names, comma-separated' }),
  ),
};

export const TrackRef = Type.Object({
  id: Type.Integer(),
  artist: Type.String(),
  title: Type.String(),
  version: Nullable(Type.String()),
});

export const TrackSummary = Type.Object({
  id: Type.Integer(),
  artist: Type.String(),
  title: Type.String(),
  version: Nullable(Type.String()),
  bpm: Nullable(Type.Number({ description: 'null when unknown' })),
  key: Nullable(Type.String({ description: 'Camelot key; null when unknown' })),
  genre: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
});

export const EvidenceSet = Type.Object({
  setId: Type.Integer(),
  title: Nullable(Type.String()),
  performers: Type.Array(Type.String()),
  date: Nullable(Type.String()),
  source: Type.String(),
  url: Nullable(Type.String()),
  position: Type.Integer(),
});

export const list = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
