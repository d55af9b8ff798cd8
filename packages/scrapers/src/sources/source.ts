// One interface for every source: discover the pages that hold sets for a query, fetch one page, parse
// it into sets with the same reader the file importer uses for that format. A page that no longer has
// the expected shape fails with a ParseError naming the source and what was missing.
import { type ImportIssue, isUnreadable, type ParsedSet } from '@songnodes/core';
import { type FormatId, readSets } from '@songnodes/importers';
import { ParseError } from '../errors.ts';
import type { FetchedPage } from '../http-client.ts';

export type SourceName = '1001tracklists' | 'mixesdb' | 'setlistfm' | 'reddit';
export const SOURCE_NAMES: readonly SourceName[] = ['1001tracklists', 'mixesdb', 'setlistfm', 'reddit'];

/** A fetched page with how to read it. */
export interface SourcePage extends FetchedPage {
  /** The item URL the page was fetched for (what tasks record as done). */
  item: string;
  format: FormatId;
  /** Name the importer gets as `file` (MixesDB wikitext takes the set's title from it). */
  file: string;
}

/** Something discovery found: an item URL, sometimes with its page already fetched (API result pages). */
export interface Discovered {
  url: string;
  page?: SourcePage;
}

export interface ParsedPage {
  sets: ParsedSet[];
  /** Sets of the page that could not be read (an empty setlist, say), with why. */
  skipped: ImportIssue[];
}

export interface SourceAdapter {
  readonly name: SourceName;
  /** How far entries from this source can be trusted (1: structured; lower: free text). */
  readonly confidence: number;
  /** Query forms it understands, e.g. "dj:<slug>", for help texts and errors. */
  readonly queries: readonly string[];
  /** Host names its URLs (and the URLs users may submit) live on. */
  hosts(): string[];
  /** The item URL for a URL a user submitted, or null when it is not a page of this source that holds sets. */
  itemUrl(url: URL): string | null;
  /** A listing URL (DJ page, search page) the user submitted: its items. Null when not a listing. */
  listing?(url: URL, signal?: AbortSignal): AsyncIterable<Discovered> | null;
  discover(query: string, signal?: AbortSignal): AsyncIterable<Discovered>;
  fetch(item: string, signal?: AbortSignal): Promise<SourcePage>;
  parse(page: SourcePage): Promise<ParsedPage>;
}

/** Reads a page with the importer of its format; all sets unreadable = the page is not what we expect. */
export async function readPage(
  source: SourceName,
  page: SourcePage,
  opts: { whatIsMissing?: string; allowEmpty?: boolean } = {},
): Promise<ParsedPage> {
  const bytes = (async function* () {
    yield page.body;
  })();
  const sets: ParsedSet[] = [];
  const skipped: ImportIssue[] = [];
  for await (const item of readSets(bytes, { format: page.format, file: page.file })) {
    if (isUnreadable(item)) skipped.push(item.issue);
    else sets.push(item);
  }
  if (sets.length === 0 && !opts.allowEmpty)
    throw new ParseError(
      source,
      page.item,
      opts.whatIsMissing ?? skipped[0]?.message ?? 'no set found on the page',
    );
  return { sets, skipped };
}

export const text = (page: FetchedPage) => new TextDecoder().decode(page.body);
