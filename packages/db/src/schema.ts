// The data model of SongNodes, defined once (see docs/ARCHITECTURE.md, "Data model").
// Migrations in ../migrations are generated from this file by drizzle-kit (`npm run db:generate`)
// and run unchanged on PGlite and on PostgreSQL 15+. Higher evidence is always better: every
// count here grows with evidence, nothing is stored as a "cost".
//
// The evidence tables written by every import (track_artists, track_components, set_performers,
// set_entries, set_transitions, transitions) carry no foreign keys: their per-row trigger checks were
// the largest part of the write cost, and their rows are written (and deleted) only by the ingest write
// path (packages/db/src/repositories/set-writes.ts) and dedupe merges, each in one transaction that
// resolves every id it stores. packages/ingest/test/integrity.db.test.ts checks there are no orphans after
// imports, replacements, merges, splits and source deletions; docs/ingest.md records the decision.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Raw bytes: typed arrays stored whole (see graph_communities, graph_layouts). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The GIN indexes the search box reads keep new rows in a pending list until it outgrows this many kB
 * (default 4 MB), and every search scans the whole list. PostgreSQL's autovacuum empties it; PGlite has
 * no autovacuum, so there it stayed full: 3–4× slower searches at 100,000 entries. 128 kB keeps it short.
 */
const SEARCH_GIN = { gin_pending_list_limit: 128 };

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Where sets come from: a site, an API, a DJ program, a file upload, the generator. */
export const sources = pgTable('sources', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  kind: text('kind').notNull(),
  baseUrl: text('base_url'),
  createdAt: createdAt(),
});

export const artists = pgTable(
  'artists',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** Normalised identity key (core's artistKey): case, diacritics, punctuation, "The" do not split an artist. */
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('artists_key_idx').on(t.key),
    index('artists_name_trgm_idx').using('gin', sql`${t.key} gin_trgm_ops`).with(SEARCH_GIN),
    index('artists_name_fts_idx').using('gin', sql`to_tsvector('simple', ${t.name})`).with(SEARCH_GIN),
  ],
);

export const artistAliases = pgTable(
  'artist_aliases',
  {
    artistId: integer('artist_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    aliasKey: text('alias_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.artistId, t.aliasKey] }),
    uniqueIndex('artist_aliases_key_idx').on(t.aliasKey),
  ],
);

export const tracks = pgTable(
  'tracks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Identity key: primary artists + base title + version (core's trackIdentity). */
    key: text('key').notNull(),
    /** The same key without the version: links a remix to its original. */
    originalKey: text('original_key').notNull(),
    /** The original this track is a remix/edit of, once that original is known. */
    originalTrackId: integer('original_track_id'),
    artistName: text('artist_name').notNull(),
    title: text('title').notNull(),
    /** Normalised title, for trigram near-duplicate candidates. */
    titleKey: text('title_key').notNull(),
    version: text('version'),
    versionKind: text('version_kind').notNull().default('original'),
    isMashup: boolean('is_mashup').notNull().default(false),
    /** Unknown is NULL, never a default. */
    bpm: real('bpm'),
    /** Camelot notation 1A…12B; unknown is NULL. */
    camelotKey: text('camelot_key'),
    genre: text('genre'),
    year: smallint('year'),
    /**
     * Seconds with their fraction (files give 176.32 s, milliseconds, CUE frames). `real` rather than
     * numeric or integer milliseconds: the same 4 bytes and COPY cost as the integer it replaces, read
     * back as a JS number by both drivers (numeric would come back as a string), and exact to 8 ms up to
     * 24 hours, finer than a CUE frame (1/75 s).
     */
    durationSeconds: real('duration_seconds'),
    /** Set when a dedupe merge folded this track into another; kept for provenance and split. */
    mergedInto: integer('merged_into'),
    /**
     * Users who may see this track when it is known only from private sets (their own imports); NULL
     * once any public set plays it. Every read filters `private_to IS NULL OR $me = ANY(private_to)`.
     */
    privateTo: integer('private_to').array(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tracks_key_idx').on(t.key),
    // Only remixes and edits are looked up by their original's key (to link them); an original's
    // original_key is its key, which tracks_key_idx answers.
    index('tracks_original_key_idx').on(t.originalKey).where(sql`${t.version} IS NOT NULL`),
    // A merge re-points tracks merged earlier into the merged one (`merged_into = $merged`): without
    // this index a sequential scan of every track, 0.1–0.5 s per merge at 790,000 tracks (PGlite).
    index('tracks_merged_into_idx').on(t.mergedInto).where(sql`${t.mergedInto} IS NOT NULL`),
    // The search box's tracks by title key: exact words of the query, and the keys search_titles proposes.
    index('tracks_title_key_idx').on(t.titleKey),
    // The few tracks hidden from some viewers: counting visible tracks (the search box's artists) checks
    // this small index instead of every track's row.
    index('tracks_private_idx').on(t.id).where(sql`${t.privateTo} IS NOT NULL`),
    // The search box: whole words of "artist title" (full text, 'simple' dictionary: names are not
    // English), next to the trigram index that catches typos.
    index('tracks_search_fts_idx')
      .using('gin', sql`to_tsvector('simple', ${t.artistName} || ' ' || ${t.title})`)
      .with(SEARCH_GIN),
    check(
      'tracks_camelot_key_check',
      sql`${t.camelotKey} IS NULL OR ${t.camelotKey} ~ '^(1[0-2]|[1-9])[AB]$'`,
    ),
    check('tracks_bpm_check', sql`${t.bpm} IS NULL OR (${t.bpm} >= 50 AND ${t.bpm} <= 300)`),
  ],
);

/**
 * Every distinct track title key, for the search box's typo matching: titles repeat across artists and
 * versions (1M set entries hold 790,000 tracks but 80,000 titles), and a trigram scan costs per row, so
 * it runs here and not over tracks (16–40 ms there at 1M entries, 1–5 ms here). Filled by a trigger on
 * tracks (migration 0013); a key whose tracks are gone only finds nothing.
 */
export const searchTitles = pgTable('search_titles', { key: text('key').primaryKey() }, (t) => [
  index('search_titles_trgm_idx').using('gin', sql`${t.key} gin_trgm_ops`).with(SEARCH_GIN),
]);

export const trackArtists = pgTable(
  'track_artists',
  {
    trackId: integer('track_id').notNull(),
    artistId: integer('artist_id').notNull(),
    role: text('role').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trackId, t.role, t.position] }),
    // With track_id: an artist's tracks are counted from the index alone (the search box counts them).
    index('track_artists_artist_idx').on(t.artistId, t.trackId),
    check('track_artists_role_check', sql`${t.role} IN ('primary', 'featured', 'remixer')`),
  ],
);

/** A mashup is a track of its own that points at the tracks it is made of. */
export const trackComponents = pgTable(
  'track_components',
  {
    trackId: integer('track_id').notNull(),
    componentTrackId: integer('component_track_id').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.position] })],
);

export const sets = pgTable(
  'sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    /** The source's own id; when it has none, a hash of the content stands in. */
    externalId: text('external_id').notNull(),
    contentHash: text('content_hash').notNull(),
    url: text('url'),
    title: text('title'),
    kind: text('kind').notNull(),
    event: text('event'),
    venue: text('venue'),
    playedOn: date('played_on'),
    /** How much of played_on is known: 'day', 'month' or 'year'. */
    datePrecision: text('date_precision'),
    entryCount: integer('entry_count').notNull().default(0),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who imported it, for a user's own (private) imports; NULL for the shared catalogue (CLI, scrapes, demo). */
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    /**
     * 'private': seen only by its owner, and its transitions are not written (the graph is built from
     * public evidence only); 'public': part of the shared graph. Sharing is one way.
     */
    visibility: text('visibility').notNull().default('public'),
  },
  (t) => [
    uniqueIndex('sets_source_external_idx').on(t.sourceId, t.externalId),
    index('sets_owner_idx').on(t.ownerId),
    check('sets_visibility_check', sql`${t.visibility} IN ('public', 'private')`),
    // The search box finds sets by the words of their title.
    index('sets_title_fts_idx')
      .using('gin', sql`to_tsvector('simple', coalesce(${t.title}, ''))`)
      .with(SEARCH_GIN),
    check(
      'sets_kind_check',
      sql`${t.kind} IN ('mix', 'radio_show', 'live_set', 'concert', 'history', 'playlist')`,
    ),
  ],
);

export const setPerformers = pgTable(
  'set_performers',
  {
    setId: integer('set_id').notNull(),
    artistId: integer('artist_id').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.position] }), index('set_performers_artist_idx').on(t.artistId)],
);

/** One line of a set: the evidence. track_id is NULL for unknown entries ("ID - ID"), which break chains. */
export const setEntries = pgTable(
  'set_entries',
  {
    setId: integer('set_id').notNull(),
    position: integer('position').notNull(),
    line: integer('line'),
    raw: text('raw').notNull(),
    artist: text('artist'),
    title: text('title'),
    version: text('version'),
    label: text('label'),
    catalogNumber: text('catalog_number'),
    /** Seconds from the start of the set, with their fraction (`real`: see tracks.duration_seconds). */
    cueSeconds: real('cue_seconds'),
    bpm: real('bpm'),
    camelotKey: text('camelot_key'),
    trackId: integer('track_id'),
    unknown: boolean('unknown').notNull(),
    withPrevious: boolean('with_previous').notNull().default(false),
    deck: smallint('deck'),
    playedAt: timestamp('played_at', { withTimezone: true }),
    /** Warnings found on this entry during import (field, message). */
    issues: jsonb('issues'),
  },
  (t) => [primaryKey({ columns: [t.setId, t.position] }), index('set_entries_track_idx').on(t.trackId)],
);

/** "to was played right after from": aggregated evidence, maintained by ingest. */
export const transitions = pgTable(
  'transitions',
  {
    fromTrackId: integer('from_track_id').notNull(),
    toTrackId: integer('to_track_id').notNull(),
    count: integer('count').notNull(),
    setCount: integer('set_count').notNull(),
    djCount: integer('dj_count').notNull(),
    firstDate: date('first_date'),
    lastDate: date('last_date'),
  },
  (t) => [primaryKey({ columns: [t.fromTrackId, t.toTrackId] }), index('transitions_to_idx').on(t.toTrackId)],
);

/**
 * Each transition as it occurs in a set: the evidence behind `transitions`, with unknown entries and
 * `w/` layers already resolved by ingest. Replacing a set removes exactly its rows here, which is how
 * the aggregates are corrected without rescanning the graph.
 */
export const setTransitions = pgTable(
  'set_transitions',
  {
    setId: integer('set_id').notNull(),
    /** Position of the `from` entry in the set. */
    position: integer('position').notNull(),
    fromTrackId: integer('from_track_id').notNull(),
    toTrackId: integer('to_track_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.setId, t.position] }),
    index('set_transitions_pair_idx').on(t.fromTrackId, t.toTrackId),
    index('set_transitions_to_idx').on(t.toTrackId),
  ],
);

/** Provenance of dedupe merges, so a merge can be listed, audited and split again. */
export const trackMerges = pgTable('track_merges', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  keptTrackId: integer('kept_track_id').notNull(),
  mergedTrackId: integer('merged_track_id').notNull(),
  score: doublePrecision('score'),
  method: text('method').notNull(),
  actor: text('actor'),
  createdAt: createdAt(),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
});

/** The set entries a merge moved from the merged track to the kept one: exactly what a split moves back. */
export const trackMergeEntries = pgTable(
  'track_merge_entries',
  {
    mergeId: integer('merge_id')
      .notNull()
      .references(() => trackMerges.id, { onDelete: 'cascade' }),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mergeId, t.setId, t.position] })],
);

/**
 * The set_transitions rows a merge rewrote (to the kept id) or dropped (self-loops of the kept track),
 * as they were before it: a split puts them back as they were.
 */
export const trackMergeTransitions = pgTable(
  'track_merge_transitions',
  {
    mergeId: integer('merge_id')
      .notNull()
      .references(() => trackMerges.id, { onDelete: 'cascade' }),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    fromTrackId: integer('from_track_id').notNull(),
    toTrackId: integer('to_track_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mergeId, t.setId, t.position] })],
);

/** Near-duplicate pairs the scorer was not sure enough to merge: listed for a person to decide. */
export const dedupeCandidates = pgTable(
  'dedupe_candidates',
  {
    trackId: integer('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    candidateTrackId: integer('candidate_track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    /** 'open', 'merged' or 'rejected'. */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.candidateTrackId] })],
);

/**
 * Accounts (issue 10; services/auth owns the rules). The email is stored lower-cased so that one
 * address is one account whatever its case; a disabled user can neither sign in, refresh, nor use
 * an API key. `password_changed_at` lets a password change end earlier sessions.
 */
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull().unique(),
    displayName: text('display_name'),
    /** argon2id PHC string; null for an account that cannot sign in with a password. */
    passwordHash: text('password_hash'),
    role: text('role').notNull().default('user'),
    createdAt: createdAt(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  },
  (t) => [
    check('users_role_check', sql`${t.role} IN ('guest', 'user', 'premium', 'admin')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * API keys for scripts: only the sha256 of the key is stored; the prefix (`snk_` + 8 characters)
 * lets a person recognise a key. `permissions` are the key's scopes, a subset of its owner's role.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_user_id_idx').on(t.userId)],
);

/**
 * Refresh tokens, stored as sha256. Every use rotates: the row used gets `used_at` and
 * `replaced_by`, a new row joins the same family. Presenting a used or revoked token again revokes
 * the whole family (someone holds a stolen copy).
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: text('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    replacedBy: integer('replaced_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('refresh_tokens_family_id_idx').on(t.familyId),
    index('refresh_tokens_user_id_idx').on(t.userId),
  ],
);

/**
 * Sensitive actions (logins, failed logins, role changes, merges, deletes, key creation, private
 * exports). No foreign key on `actor_user_id`: the record outlives the account it names. Never holds
 * a secret or a password.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** A label: the user's email, `api-key:<id>`, `local`, `system`, `guest`. */
    actor: text('actor').notNull(),
    actorUserId: integer('actor_user_id'),
    action: text('action').notNull(),
    target: text('target'),
    requestId: text('request_id'),
    ip: text('ip'),
    details: jsonb('details'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_at_idx').on(t.action, t.at)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Progress of durable jobs (pg-boss owns the jobs themselves): what a long import or layout has done
 * so far, readable by the API and pushed over WebSocket.
 */
export const jobProgress = pgTable('job_progress', {
  jobId: text('job_id').primaryKey(),
  queue: text('queue').notNull(),
  state: text('state').notNull(),
  progress: jsonb('progress').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A snapshot of the graph that communities and layouts were computed on. */
export const graphVersions = pgTable('graph_versions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  trackCount: integer('track_count').notNull(),
  transitionCount: integer('transition_count').notNull(),
  createdAt: createdAt(),
});

/**
 * Community of each track, stored as parallel typed arrays (Int32 track ids, Int32 communities):
 * loading 10^5–10^6 of them as rows would be the slow part of start-up.
 */
export const graphCommunities = pgTable('graph_communities', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  graphVersion: integer('graph_version')
    .notNull()
    .references(() => graphVersions.id, { onDelete: 'cascade' }),
  algorithm: text('algorithm').notNull(),
  trackIds: bytea('track_ids').notNull(),
  communities: bytea('communities').notNull(),
  /** Per community: size, dominant genres and artists. */
  labels: jsonb('labels').notNull(),
  modularity: doublePrecision('modularity'),
  createdAt: createdAt(),
});

/** A computed layout (positions as Float32 x,y pairs, parallel to Int32 track ids), so browsers never wait for one. */
export const graphLayouts = pgTable('graph_layouts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  graphVersion: integer('graph_version')
    .notNull()
    .references(() => graphVersions.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  trackIds: bytea('track_ids').notNull(),
  positions: bytea('positions').notNull(),
  params: jsonb('params').notNull(),
  createdAt: createdAt(),
});

// Data acquisition (packages/scrapers): the page cache that makes re-crawls conditional requests,
// scrape tasks with their de-duplication key, per-source daily quotas and health, and where each
// scraped set came from with how much its entries can be trusted.

/** Fetched pages and API responses with their validators, so a re-crawl asks "changed since?". */
export const scrapePages = pgTable('scrape_pages', {
  url: text('url').primaryKey(),
  status: smallint('status').notNull(),
  etag: text('etag'),
  lastModified: text('last_modified'),
  contentType: text('content_type'),
  body: bytea('body').notNull(),
  /** When the body last changed (a 200). */
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
  /** When the source last confirmed it (a 200 or a 304). */
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});

/**
 * One scrape request (a URL, a source query, or a target track). `key` identifies identical requests:
 * only one of them may be open (queued, running or waiting for quota) at a time.
 */
export const scrapeTasks = pgTable(
  'scrape_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    source: text('source').notNull(),
    /** 'url', 'query' or 'target'. */
    kind: text('kind').notNull(),
    spec: jsonb('spec').notNull(),
    /** 'high', 'normal' or 'low'. */
    priority: text('priority').notNull().default('normal'),
    /** 'queued', 'running', 'waiting_quota', 'completed', 'failed' or 'cancelled'. */
    state: text('state').notNull().default('queued'),
    jobId: text('job_id'),
    progress: jsonb('progress').notNull().default(sql`'{}'::jsonb`),
    result: jsonb('result'),
    error: text('error'),
    /** A task stopped by a daily quota runs again after this time. */
    resumeAt: timestamp('resume_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scrape_tasks_open_key_idx')
      .on(t.key)
      .where(sql`${t.state} IN ('queued', 'running', 'waiting_quota')`),
    index('scrape_tasks_created_idx').on(t.createdAt),
    check(
      'scrape_tasks_state_check',
      sql`${t.state} IN ('queued', 'running', 'waiting_quota', 'completed', 'failed', 'cancelled')`,
    ),
  ],
);

/** Items (pages, API pages) a task has finished: a resumed task skips them. */
export const scrapeTaskItems = pgTable(
  'scrape_task_items',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => scrapeTasks.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    setsStored: integer('sets_stored').notNull(),
    setsUnchanged: integer('sets_unchanged').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.url] })],
);

/** Requests spent per source and UTC day, against the source's daily quota. */
export const scrapeQuota = pgTable(
  'scrape_quota',
  {
    source: text('source').notNull(),
    day: date('day').notNull(),
    used: integer('used').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.day] })],
);

/** Outcome counters per source, for the health view. */
export const scrapeSourceHealth = pgTable('scrape_source_health', {
  source: text('source').primaryKey(),
  successes: integer('successes').notNull().default(0),
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
});

/**
 * Where a scraped set came from and how far its entries can be trusted: 1 for structured pages and
 * APIs, lower for tracklists pulled out of free text (Reddit). Every entry of a set shares it.
 */
export const scrapedSets = pgTable(
  'scraped_sets',
  {
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    url: text('url').notNull(),
    confidence: real('confidence').notNull(),
    taskId: integer('task_id'),
    scrapedAt: timestamp('scraped_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.externalId] }),
    check('scraped_sets_confidence_check', sql`${t.confidence} > 0 AND ${t.confidence} <= 1`),
  ],
);

/**
 * Target tracks: the tracks a user wants sets for. Searching one submits a target scrape task (shared
 * by everyone who lists the same track: the task key is the same); when the task ends, what it found
 * and stored is written to `last_result`. `user_id` null is the local owner (and the CLI). `key` is
 * artist and title case-folded, so one user lists a track once.
 */
export const scrapeTargets = pgTable(
  'scrape_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The graph's track, when the target was picked from it (kept as text too: tracks merge and go). */
    trackId: integer('track_id').references(() => tracks.id, { onDelete: 'set null' }),
    artist: text('artist').notNull(),
    title: text('title').notNull(),
    key: text('key').notNull(),
    createdAt: createdAt(),
    lastSearchedAt: timestamp('last_searched_at', { withTimezone: true }),
    /** The task of the last search (it may still be running). */
    taskId: integer('task_id').references(() => scrapeTasks.id, { onDelete: 'set null' }),
    /** What the last finished search found and added: counts and the sets found. */
    lastResult: jsonb('last_result'),
  },
  (t) => [
    unique('scrape_targets_user_key').on(t.userId, t.key).nullsNotDistinct(),
    index('scrape_targets_task_idx').on(t.taskId),
    index('scrape_targets_track_idx').on(t.trackId),
  ],
);

/**
 * A planned set kept by a person: the tracks in order and the constraints that made it (length,
 * harmonic rule, BPM change…), so it can be opened, changed, planned again and exported.
 */
export const savedPlans = pgTable('saved_plans', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  trackIds: integer('track_ids').array().notNull(),
  constraints: jsonb('constraints').notNull(),
  /** The user who saved it, once accounts exist (null: the local owner). */
  ownerId: integer('owner_id'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
