// Reddit through its API with app-only OAuth (client credentials): threads where people post
// tracklists (set threads, ID requests). The post and each comment are free text; the lines of a
// block that read like tracklist lines go through the importers' text reader (and so core's track
// parser), as a set of lower confidence. The API's rate-limit headers are honoured.
import type { ParsedSet } from '@songnodes/core';
import { NotConfiguredError, ParseError, ScrapeError } from '../errors.ts';
import type { PoliteClient } from '../http-client.ts';
import {
  type Discovered,
  type ParsedPage,
  readPage,
  type SourceAdapter,
  type SourcePage,
  text,
} from './source.ts';

/** Entries read from free text are less sure than a structured page's. */
export const REDDIT_CONFIDENCE = 0.5;
/** A block needs this many tracklist-looking lines to count as a tracklist. */
const MIN_LINES = 3;
const MAX_ITEMS = 200;

export interface RedditOptions {
  baseUrl: string;
  authUrl: string;
  clientId?: string;
  clientSecret?: string;
}

type Thing = { kind?: string; data?: Record<string, unknown> };

/** "01. Artist - Title", "[12:30] Artist – Title", "Artist - Title (Remix)": a line with an artist–title dash. */
const TRACK_LINE =
  /^\s*(?:[-*•]\s*)?(?:\[?\(?\d{1,3}[.):\]]?\)?\s*)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?\S.*\s[-–—]\s.*\S/;

export function tracklistLines(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/^\s*(?:&gt;|>)\s*/, '')
        .replace(/\*\*|__|~~|`/g, '')
        .trim(),
    )
    .filter((l) => l.length <= 300 && TRACK_LINE.test(l) && !/https?:\/\//.test(l));
}

export function reddit(o: RedditOptions, client: PoliteClient): SourceAdapter {
  const base = new URL(o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`);
  const auth = new URL(o.authUrl);
  let token: { value: string; until: number } | null = null;

  async function accessToken(signal?: AbortSignal): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    if (!o.clientId || !o.clientSecret)
      throw new NotConfiguredError(
        'reddit',
        'set SCRAPER_REDDIT_CLIENT_ID and SCRAPER_REDDIT_CLIENT_SECRET (a "script" app at https://www.reddit.com/prefs/apps)',
      );
    const page = await client.get(new URL('/api/v1/access_token', auth).href, {
      signal,
      source: 'reddit',
      method: 'POST',
      body: 'grant_type=client_credentials',
      robots: false,
      cache: false,
      headers: {
        authorization: `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    const body = JSON.parse(text(page)) as { access_token?: string; expires_in?: number };
    if (!body.access_token)
      throw new ScrapeError('reddit: the token endpoint gave no access_token (wrong client id or secret?)');
    token = {
      value: body.access_token,
      until: Date.now() + Math.max(60, (body.expires_in ?? 3600) - 60) * 1000,
    };
    return token.value;
  }

  async function get(url: string, signal?: AbortSignal, cache = true): Promise<SourcePage> {
    const bearer = await accessToken(signal);
    const page = await client.get(url, {
      signal,
      source: 'reddit',
      robots: false, // the official API, used with our app's token under its terms
      cache,
      headers: { authorization: `bearer ${bearer}`, accept: 'application/json' },
      onHeaders: (h) => {
        // x-ratelimit-remaining / -reset (seconds until the window resets): wait out an empty window.
        const remaining = Number(h['x-ratelimit-remaining']);
        const reset = Number(h['x-ratelimit-reset']);
        if (Number.isFinite(remaining) && remaining < 1 && Number.isFinite(reset))
          client.holdHost(base.host, Date.now() + reset * 1000);
      },
    });
    return { ...page, item: url, format: 'text', file: url };
  }

  const threadUrl = (id: string) => new URL(`comments/${id}?raw_json=1&limit=500`, base).href;

  async function* listing(url: URL, signal?: AbortSignal): AsyncIterable<Discovered> {
    let count = 0;
    for (let after: string | null = null; ; ) {
      const u = new URL(url);
      u.searchParams.set('limit', '100');
      u.searchParams.set('raw_json', '1');
      if (after) u.searchParams.set('after', after);
      const page = await get(u.href, signal, false);
      const body = JSON.parse(text(page)) as Thing;
      const children = body.data?.children;
      if (body.kind !== 'Listing' || !Array.isArray(children))
        throw new ParseError('reddit', u.href, 'expected a Listing with data.children');
      for (const c of children as Thing[]) {
        const id = c.data?.id;
        if (c.kind === 't3' && typeof id === 'string') {
          yield { url: threadUrl(id) };
          if (++count >= MAX_ITEMS) return;
        }
      }
      after = typeof body.data?.after === 'string' ? body.data.after : null;
      if (!after) return;
    }
  }

  return {
    name: 'reddit',
    confidence: REDDIT_CONFIDENCE,
    queries: ['search:<text>', 'r/<subreddit>', 'r/<subreddit>:search:<text>'],
    hosts: () => [base.hostname, auth.hostname],
    itemUrl(u) {
      const m = /\/comments\/([a-z0-9]+)/i.exec(u.pathname);
      if (!m) return null;
      if (u.host === base.host || /(^|\.)reddit\.com$/.test(u.hostname))
        return threadUrl(m[1]!.toLowerCase());
      return null;
    },
    discover(query, signal) {
      const sub = /^r\/([A-Za-z0-9_]+)(?::search:(.+))?$/.exec(query.trim());
      if (sub) {
        const u = new URL(sub[2] ? `r/${sub[1]}/search` : `r/${sub[1]}/new`, base);
        if (sub[2]) {
          u.searchParams.set('q', sub[2].trim());
          u.searchParams.set('restrict_sr', 'on');
          u.searchParams.set('sort', 'new');
        }
        return listing(u, signal);
      }
      const search = /^search:(.+)$/.exec(query.trim());
      if (search) {
        const u = new URL('search', base);
        u.searchParams.set('q', search[1]!.trim());
        u.searchParams.set('type', 'link');
        u.searchParams.set('sort', 'new');
        return listing(u, signal);
      }
      throw new Error(`Reddit does not know the query "${query}"; use ${this.queries.join(', ')}`);
    },
    fetch: (item, signal) => get(item, signal),
    async parse(page): Promise<ParsedPage> {
      let body: unknown;
      try {
        body = JSON.parse(text(page));
      } catch {
        throw new ParseError('reddit', page.item, 'the answer is not JSON');
      }
      const [post, comments] = Array.isArray(body) ? (body as Thing[]) : [];
      const postData = (post?.data?.children as Thing[] | undefined)?.[0]?.data;
      if (!postData || !Array.isArray(comments?.data?.children))
        throw new ParseError(
          'reddit',
          page.item,
          'expected [post listing, comment listing] with data.children',
        );
      const title = typeof postData.title === 'string' ? postData.title : undefined;
      const blocks: { id: string; permalink: string; body: string }[] = [];
      if (typeof postData.selftext === 'string')
        blocks.push({
          id: `t3_${postData.id}`,
          permalink: String(postData.permalink ?? ''),
          body: postData.selftext,
        });
      const walk = (things: Thing[]) => {
        for (const t of things) {
          if (t.kind !== 't1' || !t.data) continue;
          if (typeof t.data.body === 'string')
            blocks.push({
              id: `t1_${t.data.id}`,
              permalink: String(t.data.permalink ?? ''),
              body: t.data.body,
            });
          const replies = (t.data.replies as Thing | undefined)?.data?.children;
          if (Array.isArray(replies)) walk(replies as Thing[]);
        }
      };
      walk(comments!.data!.children as Thing[]);
      const sets: ParsedSet[] = [];
      const skipped: ParsedPage['skipped'] = [];
      for (const b of blocks) {
        const lines = tracklistLines(b.body);
        if (lines.length < MIN_LINES) continue;
        const read = await readPage(
          'reddit',
          { ...page, body: new TextEncoder().encode(lines.join('\n')), format: 'text', file: b.id },
          { allowEmpty: true },
        );
        skipped.push(...read.skipped);
        for (const s of read.sets) {
          s.source = 'reddit';
          s.externalId = read.sets.length > 1 ? `${b.id}:${sets.length + 1}` : b.id;
          s.url = b.permalink ? new URL(b.permalink, 'https://www.reddit.com').href : page.item;
          s.title ??= title;
          sets.push(s);
        }
      }
      return { sets, skipped };
    },
  };
}
