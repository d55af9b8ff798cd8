// Saved 1001tracklists tracklist pages. Each row is a `div.tlpItem`: its number (or "w/" for a
// track played together with the previous one), the cue time (`input[id$=_cue_seconds]`, shown in
// `div.cue`), the track text (`span.trackValue` plus an edit note), and the label. Mashup parts
// (`tlpSubTog` rows) are played with the row above. Set data come from the MusicPlaylist microdata.
import type { ImportItem, ParsedEntry } from '@songnodes/core';
import type { Element } from 'domhandler';
import { elements, first, hasClass, lineOf, parsePage, readWhole, textOf } from '../html.ts';
import { finishSet, isoDate, newSet, parseClock, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

const meta = (scope: Element, prop: string): string[] =>
  elements(scope, (el) => el.name === 'meta' && el.attribs.itemprop === prop)
    .map((el) => (el.attribs.content ?? '').trim())
    .filter(Boolean);

export async function* read1001Tracklists(
  text: AsyncIterable<string>,
  ctx: ReadContext,
): AsyncIterable<ImportItem> {
  const html = await readWhole(text);
  const dom = parsePage(html);
  const rows = elements(dom, (el) => el.name === 'div' && hasClass(el, 'tlpItem'));
  if (rows.length === 0) {
    yield unreadable(ctx, 'no tracklist rows (div.tlpItem) in the 1001tracklists page');
    return;
  }
  const set = newSet(ctx, '1001tracklists', 'mix', 1);
  const playlist = first(dom, (el) => el.attribs.itemtype?.endsWith('schema.org/MusicPlaylist') === true);
  if (playlist) {
    set.title = meta(playlist, 'name')[0];
    // The playlist's own author metas are the DJs; the page's other author meta is the submitting user.
    set.performers = meta(playlist, 'author').filter((a, i, all) => all.indexOf(a) === i);
    set.date = isoDate(meta(playlist, 'datePublished')[0]);
    set.externalId = playlist.attribs['data-id'];
  }
  if (!set.title) {
    const t = first(dom, (el) => el.name === 'title');
    if (t) set.title = textOf(t);
  }
  const canonical = first(dom, (el) => el.name === 'link' && el.attribs.rel === 'canonical');
  if (canonical?.attribs.href) {
    set.url = canonical.attribs.href;
    set.externalId ??= /\/tracklist\/([^/]+)\//.exec(canonical.attribs.href)?.[1];
  }
  for (const row of rows) {
    const entry = rowToEntry(row, set.entries.length + 1, lineOf(html, row));
    if (entry) set.entries.push(entry);
  }
  if (set.entries.length === 0) {
    yield unreadable(ctx, 'the tracklist rows of the 1001tracklists page hold no track text');
    return;
  }
  yield finishSet(set, ctx);
}

function rowToEntry(row: Element, position: number, line: number | undefined): ParsedEntry | null {
  const value = first(row, (el) => hasClass(el, 'trackValue'));
  const fallback = first(row, (el) => el.name === 'meta' && el.attribs.itemprop === 'name');
  let raw = value ? textOf(value) : (fallback?.attribs.content ?? '').trim();
  if (!raw) return null;
  const edit = first(row, (el) => hasClass(el, 'trackEditData'));
  if (edit) raw = `${raw} ${textOf(edit)}`;
  const entry: ParsedEntry = { position, raw, line };
  const number = first(row, (el) => /_tracknumber_value$/.test(el.attribs.id ?? ''));
  if ((number && /^w\/?$/i.test(textOf(number))) || hasClass(row, 'tlpSubTog')) entry.withPrevious = true;
  // The hidden input says 0 when no cue is known; the visible cue div is empty then.
  const cueShown = first(row, (el) => hasClass(el, 'cue'));
  const cueInput = first(row, (el) => el.name === 'input' && /_cue_seconds$/.test(el.attribs.id ?? ''));
  if (cueShown && textOf(cueShown) !== '') {
    const fromInput = cueInput ? parseClock(cueInput.attribs.value) : null;
    entry.cueSeconds = fromInput ?? parseClock(textOf(cueShown));
  }
  const label = first(row, (el) => hasClass(el, 'trackLabel'));
  if (label && textOf(label)) entry.label = textOf(label);
  const trackId = row.attribs['data-trackid'];
  if (trackId) entry.externalIds = { '1001tracklists': trackId };
  return entry;
}
