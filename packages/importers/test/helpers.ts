import { fileURLToPath } from 'node:url';
import type { ImportItem, ParsedSet, UnreadableSet } from '@songnodes/core';
import { type ImportInput, type ReadOptions, readSets } from '../src/index.ts';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const sharedData = (path: string): string =>
  fileURLToPath(new URL(`../../../../shared/data/${path}`, import.meta.url));

export async function collect(
  input: ImportInput,
  opts?: ReadOptions,
): Promise<{ items: ImportItem[]; sets: ParsedSet[]; unreadable: UnreadableSet[] }> {
  const items: ImportItem[] = [];
  for await (const item of readSets(input, opts)) items.push(item);
  return {
    items,
    sets: items.filter((i): i is ParsedSet => !('unreadable' in i)),
    unreadable: items.filter((i): i is UnreadableSet => 'unreadable' in i),
  };
}

/** A byte stream made on the fly, so huge inputs never exist on disk or whole in memory. */
export async function* generated(parts: () => Iterable<string>): AsyncIterable<Uint8Array> {
  const enc = new TextEncoder();
  for (const p of parts()) yield enc.encode(p);
}
