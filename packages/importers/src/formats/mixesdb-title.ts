// MixesDB page titles follow "DATE - DJ(s) @ Event" or "DATE - DJ(s) - Show": the set's date,
// performers and event come from there (the djmix dataset, page HTML and raw wikitext share it).
import type { SetKind } from '@songnodes/core';
import { isoDate } from '../set-builder.ts';

export interface MixTitle {
  date?: string;
  performers: string[];
  event?: string;
  kind: SetKind;
}

const PERFORMER_SEPARATORS = /\s+(?:&|b2b|B2B|vs\.?|Vs\.?)\s+|,\s+/;

export function parseMixTitle(title: string): MixTitle {
  const m = /^\s*(\d{4})(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?\s+-\s+(.*)$/.exec(title);
  if (!m) return { performers: [], kind: 'mix' };
  const [, y, mo, d, rest] = m;
  const parts = [y, mo && mo !== 'XX' ? mo : undefined, mo && mo !== 'XX' && d && d !== 'XX' ? d : undefined];
  const date = isoDate(parts.filter(Boolean).join('-'));
  let who = rest!;
  let event: string | undefined;
  const at = rest!.indexOf(' @ ');
  if (at !== -1) {
    who = rest!.slice(0, at);
    event = rest!.slice(at + 3).trim();
  } else {
    const dash = rest!.indexOf(' - ');
    if (dash !== -1) {
      who = rest!.slice(0, dash);
      event = rest!.slice(dash + 3).trim();
    }
  }
  const performers = who
    .split(PERFORMER_SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  let kind: SetKind = 'mix';
  if (event && /essential mix|radio|podcast|\bshow\b|\bfm\b/i.test(event)) kind = 'radio_show';
  else if (at !== -1) kind = 'live_set';
  return { date, performers, event: event || undefined, kind };
}

/** MixesDB page name ("2019-05-04_-_DJ_@_Club") from a page URL, for a stable external id. */
export function pageNameFromUrl(url: string): string | undefined {
  const m = /\/w\/([^?#]+)/.exec(url) ?? /[?&]title=([^&#]+)/.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!).replace(/ /g, '_');
  } catch {
    return m[1];
  }
}
