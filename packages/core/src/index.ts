// Public API of @songnodes/core: pure domain code, no I/O.
export * from './artists.ts';
export * from './blocking.ts';
export * from './bpm.ts';
export * from './brackets.ts';
export * from './camelot.ts';
export * from './date.ts';
export * from './duration.ts';
export * from './identity.ts';
export * from './near-duplicate.ts';
export * from './normalise.ts';
export * from './similarity.ts';
export * from './track-line.ts';
export * from './track-parse.ts';
export * from './types.ts';
export * from './validation.ts';
export * from './version.ts';
