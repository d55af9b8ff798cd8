// MixesDB: mix pages as saved HTML, the wikitext of `?action=raw`, and the djmix dataset's JSON
// mixes (which are MixesDB pages too). Tracklist lines are kept raw ("[05] Artist - Title [Label]").
import type { ImportItem, ParsedSet } from '@songnodes/core';
import type { Element } from 'domhandler';
import { elements, first, hasClass, lineOf, parsePage, readWhole, textOf } from '../html.ts';
import { splitLines } from '../lines.ts';
import { finishSet, issue, newSet, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';
import { pageNameFromUrl, parseMixTitle } from './mixesdb-title.ts';

type Obj = Record<string, unknown>;

/** A mix of the djmix dataset: `{ id, title, url, tracklist: [{ id, title }] }`. */
export function isDjmixMix(v: unknown): v is Obj {
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as Obj).tracklist) &&
    typeof (v as Obj).title === 'string'
  );
}

function titled(set: ParsedSet, title: string): void {
  const t = parseMixTitle(title);
  set.title = title;
  set.performers = t.performers;
  set.kind = t.kind;
  if (t.date) set.date = t.date;
  if (t.event) set.event = t.event;
}

export function djmixToSet(v: Obj, line: number, ctx: ReadContext): ImportItem {
  const set = newSet(ctx, 'mixesdb', 'mix', line);
  titled(set, String(v.title));
  if (typeof v.url === 'string') {
    set.url = v.url;
    set.externalId = pageNameFromUrl(v.url);
  }
  set.externalId ??= typeof v.id === 'string' ? v.id : undefined;
  (v.tracklist as unknown[]).forEach((t, i) => {
    const track = t as Obj;
    const raw = typeof track?.title === 'string' ? track.title.trim() : '';
    if (!raw) {
      set.issues.push(
        issue('warning', `tracklist item ${i + 1} has no title; skipped`, {
          file: ctx.file,
          line,
          position: i + 1,
        }),
      );
      return;
    }
    set.entries.push({
      position: set.entries.length + 1,
      raw,
      ...(typeof track.id === 'string' && track.id ? { externalIds: { youtube: track.id } } : {}),
    });
  });
  return finishSet(set, ctx);
}

export async function* readMixesDb(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const it = text[Symbol.asyncIterator]();
  const firstChunk = await it.next();
  if (firstChunk.done) return;
  async function* replay(): AsyncIterable<string> {
    yield firstChunk.value as string;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  if ((firstChunk.value as string).trimStart().startsWith('<')) yield* readPage(replay(), ctx);
  else yield* readWikitext(replay(), ctx);
}

/** `?action=raw` wikitext: the lines of the "Tracklist" section, list markup and wiki links removed. */
async function* readWikitext(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const set = newSet(ctx, 'mixesdb', 'mix', 1);
  const name = ctx.file
    ?.split(/[/\\]/)
    .pop()
    ?.replace(/\.(txt|wiki|wikitext)$/i, '');
  if (name) {
    const title = name.replace(/_/g, ' ');
    if (parseMixTitle(title).performers.length > 0) {
      titled(set, title);
      set.externalId = title.replace(/ /g, '_');
    }
  }
  let section: 'before' | 'in' | 'after' = 'before';
  let tracklistHeading = false;
  const lines: { line: number; raw: string; inTracklist: boolean }[] = [];
  for await (const { line, text: content, tooLong } of splitLines(text)) {
    if (tooLong) {
      set.issues.push(issue('error', `line ${line} is too long; skipped`, { file: ctx.file, line }));
      continue;
    }
    const heading = /^(=+)\s*(.*?)\s*\1\s*$/.exec(content.trim());
    if (heading) {
      if (heading[1]!.length <= 2) {
        const isTracklist = /^track\s*list/i.test(heading[2]!);
        tracklistHeading ||= isTracklist;
        section = isTracklist ? 'in' : section === 'in' ? 'after' : section;
      }
      continue;
    }
    if (section === 'after') continue;
    const raw = wikiLine(content);
    if (raw) lines.push({ line, raw, inTracklist: section === 'in' });
  }
  // Without a Tracklist heading the whole text is the tracklist; with one, only its section.
  for (const l of tracklistHeading ? lines.filter((x) => x.inTracklist) : lines) {
    set.entries.push({ position: set.entries.length + 1, raw: l.raw, line: l.line });
  }
  if (set.entries.length === 0) {
    yield unreadable(ctx, 'no tracklist lines in the MixesDB wikitext');
    return;
  }
  yield finishSet(set, ctx);
}

/** One wikitext line as a tracklist line, or '' for markup-only lines (templates, categories, tags). */
function wikiLine(line: string): string {
  const t = line.trim();
  if (t === '' || /^(\{\{|\}\}|\[\[Category:|<\/?\w|__|\||!|\{\|)/i.test(t)) return '';
  return t
    .replace(/^[#*:;]+\s*/, '')
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/'{2,}/g, '')
    .trim();
}

async function* readPage(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const html = await readWhole(text);
  const dom = parsePage(html);
  const set = newSet(ctx, 'mixesdb', 'mix', 1);
  const h1 = first(dom, (el) => el.name === 'h1');
  const titleEl = first(dom, (el) => el.name === 'title');
  const title = (
    h1 ? textOf(h1) : titleEl ? textOf(titleEl).replace(/\s*[|–-]\s*MixesDB\s*$/i, '') : ''
  ).trim();
  if (title) titled(set, title);
  const canonical = first(dom, (el) => el.name === 'link' && el.attribs.rel === 'canonical');
  if (canonical?.attribs.href) {
    set.url = canonical.attribs.href;
    set.externalId = pageNameFromUrl(canonical.attribs.href);
  }
  if (!set.externalId && title) set.externalId = title.replace(/ /g, '_');
  for (const el of tracklistItems(dom)) {
    const raw = textOf(el);
    if (raw) set.entries.push({ position: set.entries.length + 1, raw, line: lineOf(html, el) });
  }
  if (set.entries.length === 0) {
    yield unreadable(ctx, 'no tracklist found in the MixesDB page (no list under a "Tracklist" heading)');
    return;
  }
  yield finishSet(set, ctx);
}

/** List items (and `div.list-track` lines) between the "Tracklist" heading and the next h2. */
function tracklistItems(dom: ReturnType<typeof parsePage>): Element[] {
  const heading = first(dom, (el) => /^h[23]$/.test(el.name) && /^track\s*list/i.test(textOf(el)));
  const isItem = (el: Element) => el.name === 'li' || hasClass(el, 'list-track');
  if (!heading) {
    const content = first(dom, (el) => el.attribs.id === 'mw-content-text');
    return content
      ? elements(
          content,
          (el) => el.name === 'li' && el.parent?.type === 'tag' && (el.parent as Element).name === 'ol',
        )
      : [];
  }
  const out: Element[] = [];
  for (let n = heading.nextSibling; n; n = n.nextSibling) {
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'h2' || (heading.name === 'h3' && el.name === 'h3')) break;
    if (isItem(el)) out.push(el);
    else out.push(...elements(el, isItem).filter((x) => !elements(x.children, isItem).length));
  }
  return out;
}
