// Turning what the caller gives us (path, stream, string) into one byte stream, and undoing gzip
// on the fly so compressed exports (the djmix dataset ships as .json.gz) stream like plain files.
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ImportInput } from './types.ts';

/** How much of the start of a file detection and encoding sniffing look at. */
export const HEAD_BYTES = 64 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A string input is a path when it is a single line that names an existing file or looks like a path
 * (so a missing file surfaces as a read error naming it); anything else is the content itself.
 */
export function openInput(input: ImportInput): { bytes: AsyncIterable<Uint8Array>; path?: string } {
  if (typeof input !== 'string') return { bytes: input };
  const oneLine = !input.includes('\n') && input.length < 4096;
  if (oneLine && (existsSync(input) || /^[^\s[{<#].*\.[A-Za-z0-9]{1,5}$/.test(input.trim()))) {
    return { bytes: createReadStream(input, { highWaterMark: HEAD_BYTES }), path: input };
  }
  return {
    bytes: (async function* () {
      yield new TextEncoder().encode(input);
    })(),
  };
}

/** Reads until `want` bytes (or the end) are available, and gives them back with a stream that replays them. */
export async function peek(
  source: AsyncIterable<Uint8Array>,
  want = HEAD_BYTES,
): Promise<{ head: Uint8Array; bytes: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const chunk = typeof r.value === 'string' ? new TextEncoder().encode(r.value) : r.value;
    taken.push(chunk);
    size += chunk.length;
  }
  const head = concat(taken).subarray(0, want);
  async function* replay(): AsyncIterable<Uint8Array> {
    yield* taken;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield typeof r.value === 'string' ? new TextEncoder().encode(r.value) : r.value;
    }
  }
  return { head, bytes: replay() };
}

/** The byte stream with gzip undone when the first bytes are gzip's magic number. */
export async function ungzip(
  source: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; bytes: AsyncIterable<Uint8Array>; gzipped: boolean }> {
  const first = await peek(source);
  if (!isGzip(first.head)) return { ...first, gzipped: false };
  const gunzip = Readable.from(first.bytes).pipe(createGunzip());
  const plain = await peek(gunzip);
  return { ...plain, gzipped: true };
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
