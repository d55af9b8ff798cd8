// What a scrape task asks for, checked at the boundary: a URL on a source's site, a source plus a
// query ("mixesdb:category:2022"), or a target track to find sets for. Identical requests share one key.
import { createHash } from 'node:crypto';
import type { ScrapePriority } from '@songnodes/db';
import { RefusedUrlError } from './errors.ts';
import type { Sources } from './sources/index.ts';
import { SOURCE_NAMES, type SourceName } from './sources/source.ts';

export type TaskSpec =
  | { kind: 'url'; url: string }
  | { kind: 'query'; source: SourceName; query: string }
  | { kind: 'target'; artist: string; title: string };

export const PRIORITIES: readonly ScrapePriority[] = ['high', 'normal', 'low'];
/** pg-boss runs higher numbers first. */
export const PRIORITY_NUMBER: Record<ScrapePriority, number> = { high: 10, normal: 0, low: -10 };

const ALIASES: Record<string, SourceName> = {
  '1001tracklists': '1001tracklists',
  '1001tl': '1001tracklists',
  mixesdb: 'mixesdb',
  setlistfm: 'setlistfm',
  'setlist.fm': 'setlistfm',
  reddit: 'reddit',
};

export class TaskSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskSpecError';
  }
}

/**
 * Reads what a user typed: `https://…` (a page of a source), `<source>:<query>`, or
 * `target:<artist> - <title>`.
 */
export function parseTaskInput(input: string): TaskSpec {
  const t = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return { kind: 'url', url: t };
  const target = /^target:(.+?)\s+[-–]\s+(.+)$/i.exec(t);
  if (target) return { kind: 'target', artist: target[1]!.trim(), title: target[2]!.trim() };
  const colon = t.indexOf(':');
  const source = colon > 0 ? ALIASES[t.slice(0, colon).toLowerCase()] : undefined;
  const query = t.slice(colon + 1).trim();
  if (!source || !query)
    throw new TaskSpecError(
      `"${input}" is not a URL, "<source>:<query>" (sources: ${SOURCE_NAMES.join(', ')}) or "target:<artist> - <title>"`,
    );
  return { kind: 'query', source, query };
}

/** Checks a spec that came from outside (API, job payload) and gives it back typed. */
export function checkTaskSpec(v: unknown): TaskSpec {
  const o = v as Record<string, unknown>;
  if (o?.kind === 'url' && typeof o.url === 'string' && o.url !== '') return { kind: 'url', url: o.url };
  if (
    o?.kind === 'query' &&
    SOURCE_NAMES.includes(o.source as SourceName) &&
    typeof o.query === 'string' &&
    o.query.trim()
  )
    return { kind: 'query', source: o.source as SourceName, query: o.query.trim() };
  if (
    o?.kind === 'target' &&
    typeof o.artist === 'string' &&
    o.artist.trim() &&
    typeof o.title === 'string' &&
    o.title.trim()
  )
    return { kind: 'target', artist: o.artist.trim(), title: o.title.trim() };
  throw new TaskSpecError(
    'a scrape task is {kind:"url", url} or {kind:"query", source, query} or {kind:"target", artist, title}',
  );
}

export interface ResolvedUrl {
  source: SourceName;
  /** The page that holds a set, or null when the URL is a listing (DJ page, search). */
  item: string | null;
  url: URL;
}

/**
 * A user's URL: http(s), no credentials, and a page one of the sources knows (its own host, or the
 * public site of an API source, which is then read through the API). Anything else is refused before
 * a request is made; the client checks the address it connects to on top of this.
 */
export function resolveUserUrl(raw: string, sources: Sources, allowAnyPort: boolean): ResolvedUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedUrlError(raw, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RefusedUrlError(raw, `scheme ${url.protocol} is not http or https`);
  if (url.username || url.password) throw new RefusedUrlError(raw, 'URLs with credentials are refused');
  if (!allowAnyPort && url.port !== '')
    throw new RefusedUrlError(raw, `port ${url.port} is not the default port of ${url.protocol}`);
  for (const s of Object.values(sources)) {
    const item = s.itemUrl(url);
    if (item) return { source: s.name, item, url };
    if (s.listing?.(url)) return { source: s.name, item: null, url };
  }
  throw new RefusedUrlError(
    raw,
    `not a page of a configured source (${Object.values(sources)
      .flatMap((s) => s.hosts())
      .join(', ')})`,
  );
}

/** Source of a task, for listings and health. Target tasks span sources. */
export function sourceOf(spec: TaskSpec, sources: Sources, allowAnyPort: boolean): string {
  if (spec.kind === 'query') return spec.source;
  if (spec.kind === 'target') return 'target';
  return resolveUserUrl(spec.url, sources, allowAnyPort).source;
}

/** Same request, same key: URLs by the item they name, queries trimmed, targets case-folded. */
export function taskKey(spec: TaskSpec, sources: Sources, allowAnyPort: boolean): string {
  let canonical: unknown;
  if (spec.kind === 'url') {
    const r = resolveUserUrl(spec.url, sources, allowAnyPort);
    canonical = ['url', r.source, r.item ?? r.url.href];
  } else if (spec.kind === 'query') canonical = ['query', spec.source, spec.query.trim()];
  else canonical = ['target', spec.artist.toLowerCase(), spec.title.toLowerCase()];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}

/** Key and source of a task, as stored with it. */
export function taskIdentity(
  spec: TaskSpec,
  rt: { sources: Sources; allowAnyPort: boolean },
): { key: string; source: string } {
  return {
    key: taskKey(spec, rt.sources, rt.allowAnyPort),
    source: sourceOf(spec, rt.sources, rt.allowAnyPort),
  };
}
