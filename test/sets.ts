// Small hand-made sets for database tests: invented names, one line per entry.
import type { ParsedEntry, ParsedSet } from '@songnodes/core';

export interface TestSetOptions extends Partial<Omit<ParsedSet, 'entries'>> {
  /** Extra fields for each entry (BPM, key…), by position in the list. */
  entry?: (raw: string, index: number) => Partial<ParsedEntry>;
}

/** A mix from source `test` with one entry per line, positions 1…n. */
export function testSet(externalId: string, lines: string[], o: TestSetOptions = {}): ParsedSet {
  const { entry, ...set } = o;
  return {
    source: 'test',
    externalId,
    title: `Set ${externalId}`,
    performers: ['DJ Alpha'],
    date: '2024-05-01',
    kind: 'mix',
    issues: [],
    ...set,
    entries: lines.map((raw, i) => ({ position: i + 1, raw, ...entry?.(raw, i) })),
  };
}
