// Public API of the importers: readers for every tracklist format DJs and sites use, each a stream
// of ParsedSet | UnreadableSet (the shapes of @songnodes/core). No database, no identity resolution.

export { detectFormat } from './detect.ts';
export { readCollection } from './read-collection.ts';
export { readSets } from './read-sets.ts';
export type { FormatId, ImportInput, LibraryTrack, ReadOptions } from './types.ts';
export { FORMAT_IDS } from './types.ts';
