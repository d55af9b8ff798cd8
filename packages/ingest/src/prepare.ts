// From a parsed set to what the database stores: each entry parsed (core's track-string parser),
// its identity resolved to a key (core's identity rules), the chain of transitions drawn. Pure: no I/O,
// so the rules can be tested without a database and the database sees only set-based writes.
import { createHash } from 'node:crypto';
import {
  artistKey,
  ENTRY_RULES,
  type ImportIssue,
  type ParsedEntry,
  type ParsedSet,
  parseKey,
  parseTrack,
  parseTrackLine,
  SET_RULES,
  type TrackIdentity,
  type TrackParse,
  titleKey,
  trackIdentity,
} from '@songnodes/core';
import type { ArtistWrite, EntryWrite, SetWrite, TrackWrite } from '@songnodes/db';
import { transitionChain } from './chain.ts';

export interface PreparedSet {
  set: SetWrite;
  artists: ArtistWrite[];
  tracks: TrackWrite[];
  issues: ImportIssue[];
}

interface Problem {
  severity: ImportIssue['severity'];
  field: string;
  message: string;
}

/** Runs a rule list of core's validation registry over one value. */
function check<T>(
  rules: readonly {
    severity: ImportIssue['severity'];
    field: string;
    check(v: T, ctx: { now: Date }): string | null;
  }[],
  value: T,
  now: Date,
): Problem[] {
  const out: Problem[] = [];
  for (const r of rules) {
    const message = r.check(value, { now });
    if (message !== null) out.push({ severity: r.severity, field: r.field, message });
  }
  return out;
}

/** What the caller knows that the set may not say. */
export interface PrepareContext {
  file?: string;
  /** Source name used when the set names none. */
  source?: string;
}

// PostgreSQL text cannot hold NUL; other control characters are kept as text.
const NUL = /\u0000/g;

/** The primary credit for display: as the source wrote it (core keeps it), else the names joined. */
function creditName(p: TrackParse): string {
  return p.credit || p.primaryArtists.join(' & ');
}

interface Resolved {
  parse: TrackParse;
  identity: TrackIdentity | null;
  key: string | null;
  cueSeconds: number | null;
  label: string | null;
  catalogNumber: string | null;
  withPrevious: boolean;
  year: number | null;
}

function resolveEntry(e: ParsedEntry): Resolved {
  if (e.artist !== undefined || e.title !== undefined) {
    // Field-based sources (DJ software, CSV columns, APIs): the fields are the truth.
    const parse = parseTrack({
      artist: e.artist,
      title: e.title,
      version: e.version,
      remixer: e.remixer,
      raw: e.raw,
    });
    const identity = trackIdentity(parse);
    return {
      parse,
      identity,
      key: identity?.key ?? null,
      cueSeconds: e.cueSeconds ?? null,
      label: e.label ?? null,
      catalogNumber: e.catalogNumber ?? null,
      withPrevious: e.withPrevious ?? false,
      year: e.year ?? null,
    };
  }
  const line = parseTrackLine(e.raw);
  const identity = trackIdentity(line.track);
  return {
    parse: line.track,
    identity,
    key: identity?.key ?? null,
    cueSeconds: e.cueSeconds ?? line.cueSeconds,
    label: e.label ?? line.label,
    catalogNumber: e.catalogNumber ?? line.catalogNumber,
    withPrevious: (e.withPrevious ?? false) || line.withPrevious,
    year: e.year ?? line.year,
  };
}

function trackWrite(
  p: TrackParse,
  extra: Partial<TrackWrite>,
  id: TrackIdentity | null = trackIdentity(p),
): TrackWrite | null {
  if (!id) return null;
  const artists: TrackWrite['artists'] = [
    ...p.primaryArtists.map((name, i) => ({
      key: artistKey(name),
      role: 'primary' as const,
      position: i + 1,
    })),
    ...p.featuredArtists.map((name, i) => ({
      key: artistKey(name),
      role: 'featured' as const,
      position: i + 1,
    })),
    ...p.remixers.map((name, i) => ({ key: artistKey(name), role: 'remixer' as const, position: i + 1 })),
  ].filter((a) => a.key !== '');
  return {
    key: id.key,
    originalKey: id.originalKey,
    artistName: creditName(p),
    title: p.title,
    titleKey: titleKey(p.title),
    version: p.version,
    versionKind: p.versionKind,
    isMashup: (p.mashupOf?.length ?? 0) > 0,
    bpm: null,
    camelotKey: null,
    genre: null,
    year: null,
    durationSeconds: null,
    artists,
    components: (p.mashupOf ?? []).flatMap((c) => trackIdentity(c)?.key ?? []),
    ...extra,
  };
}

function artistWrites(p: TrackParse): ArtistWrite[] {
  const names = [...p.primaryArtists, ...p.featuredArtists, ...p.remixers];
  return names.map((name) => ({ key: artistKey(name), name })).filter((a) => a.key !== '');
}

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to a date and how much of it is known. */
export function setDate(date: string | undefined): {
  playedOn: string | null;
  precision: SetWrite['datePrecision'];
} {
  if (!date) return { playedOn: null, precision: null };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) {
    const d = new Date(`${date}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(date))
      return { playedOn: date, precision: 'day' };
    return { playedOn: null, precision: null };
  }
  m = /^(\d{4})-(\d{2})$/.exec(date);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { playedOn: `${date}-01`, precision: 'month' };
  if (/^\d{4}$/.test(date)) return { playedOn: `${date}-01-01`, precision: 'year' };
  return { playedOn: null, precision: null };
}

/** Stable over re-imports of the same content, different when anything stored would differ. */
function contentHash(set: ParsedSet): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify([
      set.title,
      set.performers,
      set.event,
      set.venue,
      set.date,
      set.kind,
      set.url,
      set.entries.map((e) => [
        e.position,
        e.raw,
        e.artist,
        e.title,
        e.version,
        e.remixer,
        e.label,
        e.catalogNumber,
        e.cueSeconds,
        e.bpm,
        e.key,
        e.genre,
        e.year,
        e.durationSeconds,
        e.deck,
        e.playedAt,
        e.withPrevious,
      ]),
    ]),
  );
  return h.digest('hex');
}

/** Performers as people: `A b2b B` is two DJs. */
function performerNames(performers: readonly string[]): string[] {
  return performers
    .flatMap((p) => p.split(/\s+(?:b2b|b3b|back\s*to\s*back)\s+/i))
    .map((p) => p.replace(NUL, '').trim())
    .filter((p) => p !== '');
}

/**
 * Prepares one set for storage. Entry problems become warnings on that entry and the offending
 * value is dropped (never guessed); a set that cannot be stored at all returns an error instead.
 */
export function prepareSet(input: ParsedSet, ctx: PrepareContext = {}): PreparedSet | { error: ImportIssue } {
  const where = { file: ctx.file ?? input.location?.file, line: input.location?.line };
  const now = new Date();
  const setProblems = check(SET_RULES, input, now);
  const fatal = setProblems.find((p) => p.severity === 'error');
  if (fatal) return { error: { ...where, ...fatal } };
  const issues: ImportIssue[] = [...input.issues, ...setProblems].map((i) => ({ ...where, ...i }));

  // Positions must be unique and ordered; the source's numbering is kept when it is, else renumbered.
  const ordered = [...input.entries].sort((a, b) => a.position - b.position);
  const duplicates = ordered.some((e, i) => i > 0 && e.position === ordered[i - 1]!.position);
  if (duplicates) {
    issues.push({
      ...where,
      severity: 'warning',
      field: 'position',
      message: 'duplicate positions: entries renumbered in file order',
    });
  }
  const entriesInOrder = duplicates ? input.entries : ordered;

  const artists = new Map<string, ArtistWrite>();
  const tracks = new Map<string, TrackWrite>();
  const entries: EntryWrite[] = [];

  entriesInOrder.forEach((raw, i) => {
    const position = duplicates ? i + 1 : raw.position;
    const e: ParsedEntry = { ...raw, raw: raw.raw.replace(NUL, '') };
    const problems = check(ENTRY_RULES, e, now);
    const entryIssues = problems.map((p) => ({ field: p.field, message: p.message }));
    for (const p of problems) issues.push({ ...where, line: e.line ?? where.line, position, ...p });
    const dropped = new Set(problems.map((p) => p.field));

    const r = resolveEntry(e);
    const camelot = dropped.has('key') ? null : parseKey(e.key ?? null);
    const bpm = dropped.has('bpm') ? null : (e.bpm ?? null);
    const key = r.key;
    if (key !== null) {
      for (const a of artistWrites(r.parse)) if (!artists.has(a.key)) artists.set(a.key, a);
      for (const c of r.parse.mashupOf ?? []) {
        const cw = trackWrite(c, {});
        if (cw && !tracks.has(cw.key)) tracks.set(cw.key, cw);
        for (const a of artistWrites(c)) if (!artists.has(a.key)) artists.set(a.key, a);
      }
      const known = tracks.get(key);
      const tw = trackWrite(
        r.parse,
        {
          bpm,
          camelotKey: camelot,
          genre: e.genre ?? null,
          year: dropped.has('year') ? null : r.year,
          durationSeconds: dropped.has('durationSeconds') ? null : (e.durationSeconds ?? null),
        },
        r.identity,
      );
      if (tw && !known) tracks.set(key, tw);
      else if (tw && known) {
        // The same track twice in one set: keep what either occurrence knows.
        known.bpm ??= tw.bpm;
        known.camelotKey ??= tw.camelotKey;
        known.genre ??= tw.genre;
        known.year ??= tw.year;
        known.durationSeconds ??= tw.durationSeconds;
      }
    }
    entries.push({
      position,
      line: e.line ?? null,
      raw: e.raw,
      artist: r.parse.primaryArtists.length > 0 ? creditName(r.parse) : (e.artist ?? null),
      title: r.parse.title || (e.title ?? null),
      version: r.parse.version,
      label: r.label,
      catalogNumber: r.catalogNumber,
      cueSeconds: dropped.has('cueSeconds') ? null : r.cueSeconds,
      bpm,
      camelotKey: camelot,
      trackKey: key,
      unknown: key === null,
      withPrevious: r.withPrevious,
      deck: dropped.has('deck') ? null : (e.deck ?? null),
      playedAt: dropped.has('playedAt') ? null : (e.playedAt ?? null),
      issues: entryIssues.length > 0 ? entryIssues : null,
    });
  });
  const transitions: SetWrite['transitions'] = transitionChain(
    entries.map((e) => ({ position: e.position, key: e.trackKey, withPrevious: e.withPrevious })),
  ).map((t) => ({ position: t.position, fromKey: t.from, toKey: t.to }));

  const performers = performerNames(input.performers);
  for (const name of performers) {
    const k = artistKey(name);
    if (k !== '' && !artists.has(k)) artists.set(k, { key: k, name });
  }
  const hash = contentHash(input);
  const date = setDate(input.date);
  if (input.date && date.playedOn === null) {
    issues.push({
      ...where,
      severity: 'warning',
      field: 'date',
      message: `unreadable date "${input.date}": stored without one`,
    });
  }
  const clean = (s: string | undefined) => (s === undefined ? null : s.replace(NUL, '').trim() || null);
  return {
    set: {
      sourceName: input.source || ctx.source || 'file',
      externalId: input.externalId ?? `sha256:${hash.slice(0, 32)}`,
      contentHash: hash,
      url: clean(input.url),
      title: clean(input.title),
      kind: input.kind,
      event: clean(input.event),
      venue: clean(input.venue),
      playedOn: date.playedOn,
      datePrecision: date.precision,
      performerKeys: performers.map(artistKey).filter((k) => k !== ''),
      entries,
      transitions,
    },
    artists: [...artists.values()],
    tracks: [...tracks.values()],
    issues,
  };
}
