// A DJ's library (Rekordbox COLLECTION, Traktor COLLECTION) as a stream of tracks: what
// "recommend only from my library" filters on. Streams like the set readers, in bounded memory.
import { readRekordboxCollection } from './formats/rekordbox.ts';
import { readTraktorCollection } from './formats/traktor.ts';
import { openText } from './read-sets.ts';
import type { ImportInput, LibraryTrack, ReadOptions } from './types.ts';

/** Throws (with the reason) when the input is not a Rekordbox XML or Traktor NML library. */
export async function* readCollection(
  input: ImportInput,
  opts: Pick<ReadOptions, 'format' | 'file'> = {},
): AsyncIterable<LibraryTrack> {
  const opened = await openText(input, opts);
  if (!opened.text)
    throw new Error(`cannot read a library from ${opened.ctx.file ?? 'input'}: ${opened.refusal}`);
  if (opened.format === 'rekordbox') yield* readRekordboxCollection(opened.text, opened.ctx);
  else if (opened.format === 'traktor') yield* readTraktorCollection(opened.text, opened.ctx);
  else
    throw new Error(
      `a library is a Rekordbox XML or Traktor NML file; ${opened.ctx.file ?? 'input'} is ${opened.format}`,
    );
}
