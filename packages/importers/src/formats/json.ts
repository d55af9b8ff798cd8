// JSON input: our own "songnodes set" objects, the djmix dataset's mixes and setlist.fm setlists,
// as one object, an array of them, or NDJSON. Each top-level value is recognised on its own.
import type { ImportItem } from '@songnodes/core';
import { jsonValues } from '../json-values.ts';
import { unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';
import { djmixToSet, isDjmixMix } from './mixesdb.ts';
import { isSetlistFm, setlistFmToSets } from './setlistfm.ts';
import { isSongnodesSet, songnodesToSet } from './songnodes.ts';

export async function* readJson(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  for await (const v of jsonValues(text)) {
    if ('error' in v) {
      yield unreadable(ctx, v.error, v.line);
      continue;
    }
    const { value, line } = v;
    if (Array.isArray(value)) {
      // An array nested in an NDJSON line or inside a wrapper: each element is a value of its own.
      for (const el of value) yield* convert(el, line, ctx);
    } else yield* convert(value, line, ctx);
  }
}

function* convert(value: unknown, line: number, ctx: ReadContext): Iterable<ImportItem> {
  if (isSongnodesSet(value)) yield songnodesToSet(value, line, ctx);
  else if (isDjmixMix(value)) yield djmixToSet(value, line, ctx);
  else if (isSetlistFm(value)) yield* setlistFmToSets(value, line, ctx);
  else
    yield unreadable(
      ctx,
      `JSON value at line ${line} is not a songnodes set (format "songnodes.set/v1"), a djmix mix or a setlist.fm setlist`,
      line,
    );
}
