// Streaming XML for Rekordbox and Traktor exports (hundreds of MB): saxes reads the text as it
// arrives, a handler keeps only what it needs, and finished items are handed out after each chunk.
// Safety: any DOCTYPE is refused (no entity can be declared, so none is expanded: no XML bombs),
// undefined entities are errors, and a single tag or text run is capped so one endless attribute
// cannot fill memory.
import type { ImportItem } from '@songnodes/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { unreadable } from './set-builder.ts';
import type { LibraryTrack, ReadContext } from './types.ts';

/** Longest run of characters without `<` or `>` (one attribute value or text node). */
export const MAX_XML_RUN = 16 * 1024 * 1024;

export class XmlError extends Error {
  line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

export interface XmlHandler<T> {
  open(tag: SaxesTagPlain, line: number, out: T[]): void;
  close(name: string, line: number, out: T[]): void;
  /** True once the handler has all it wants: parsing stops early. */
  done?(): boolean;
}

export async function* parseXml<T>(text: AsyncIterable<string>, handler: XmlHandler<T>): AsyncIterable<T> {
  const parser = new SaxesParser({ position: true });
  const out: T[] = [];
  parser.on('doctype', () => {
    throw new XmlError(
      `DOCTYPE declaration at line ${parser.line} refused: entity expansion is off (DOCTYPEs can hide XML bombs)`,
      parser.line,
    );
  });
  parser.on('error', (err) => {
    throw new XmlError(`malformed XML at line ${parser.line}: ${err.message}`, parser.line);
  });
  parser.on('opentag', (tag) => handler.open(tag as SaxesTagPlain, parser.line, out));
  parser.on('closetag', (tag) => handler.close(tag.name, parser.line, out));
  let run = 0;
  for await (const chunk of text) {
    const lastMark = Math.max(chunk.lastIndexOf('<'), chunk.lastIndexOf('>'));
    run = lastMark === -1 ? run + chunk.length : chunk.length - lastMark - 1;
    if (run > MAX_XML_RUN) {
      throw new XmlError(
        `a single tag or text longer than ${MAX_XML_RUN} characters near line ${parser.line}`,
        parser.line,
      );
    }
    try {
      parser.write(chunk);
    } catch (err) {
      // Sets finished before the error in this chunk are good: hand them out, then fail.
      yield* out.splice(0);
      throw err;
    }
    if (out.length) yield* out.splice(0);
    if (handler.done?.()) return;
  }
  parser.close();
  if (out.length) yield* out.splice(0);
}

/**
 * Attribute value, trimmed, undefined when empty. saxes hands out slices of the chunk it parsed,
 * and V8 keeps a whole chunk alive for any slice of it that survives: kept values are copied, or a
 * library of 100,000 tracks would pin the entire file in memory.
 */
export function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : own(t);
}

/** A copy of `s` that shares no memory with the chunk it came from (flattening a cons string copies). */
export function own(s: string): string {
  return ` ${s}`.slice(1);
}

/** A DJ-library handler: knows whether the root element of its format was seen. */
export interface LibraryHandler extends XmlHandler<ImportItem | LibraryTrack> {
  sawRoot(): boolean;
}

/**
 * The sets (playlists, histories) of a DJ-library XML (Rekordbox, Traktor): each one as it completes;
 * an unreadable item for malformed XML, a file of another kind, or a library without any playlist.
 */
export async function* readLibrarySets(
  text: AsyncIterable<string>,
  ctx: ReadContext,
  handler: LibraryHandler,
  format: { name: string; root: string },
): AsyncIterable<ImportItem> {
  let count = 0;
  try {
    for await (const item of parseXml(text, handler)) {
      count++;
      yield item as ImportItem;
    }
  } catch (err) {
    yield unreadable(ctx, (err as Error).message, (err as XmlError).line);
    return;
  }
  if (!handler.sawRoot()) yield unreadable(ctx, `not a ${format.name} file (no ${format.root} element)`);
  else if (count === 0)
    yield unreadable(
      ctx,
      `no playlist with tracks in this ${format.name} (its collection alone is not a set: read it with readCollection)`,
    );
}
