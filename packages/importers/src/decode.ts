// Bytes → text for every format: BOM-aware (UTF-8, UTF-16 LE/BE), UTF-8 by default, and a fallback
// to Windows-1252 (the usual "Latin-1" of old Windows tools) with a warning when the bytes are not
// valid UTF-8. Binary files are recognised from their head so they are refused rather than parsed.
import { issue } from './set-builder.ts';
import type { ReadContext } from './types.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Sniffed {
  encoding: Encoding;
  /** Bytes of BOM to skip. */
  bom: number;
  binary: boolean;
}

/** Looks at the head of a file: which encoding, and whether it is binary rather than text. */
export function sniff(head: Uint8Array): Sniffed {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3, binary: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, binary: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2, binary: false };
  // UTF-16 without BOM: mostly-ASCII text has a zero in every other byte.
  const n = Math.min(head.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  const pairs = n / 2;
  if (pairs >= 2 && zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05)
    return { encoding: 'utf-16le', bom: 0, binary: false };
  if (pairs >= 2 && zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05)
    return { encoding: 'utf-16be', bom: 0, binary: false };
  const binary = zeroEven + zeroOdd > 0 || control > n * 0.1;
  return { encoding: 'utf-8', bom: 0, binary };
}

/**
 * Decodes a byte stream as text. UTF-8 is decoded strictly; at the first invalid byte the rest of
 * the file is decoded as Windows-1252 and a warning naming the line is queued on the context.
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  sniffed: Sniffed,
  ctx: ReadContext,
): AsyncIterable<string> {
  let decoder = new TextDecoder(sniffed.encoding, { fatal: sniffed.encoding === 'utf-8', ignoreBOM: false });
  let strict = sniffed.encoding === 'utf-8';
  let line = 1;
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of bytes) {
    let out: string;
    if (strict) {
      try {
        out = decoder.decode(chunk, { stream: true });
        carry = incompleteUtf8Tail(chunk);
      } catch {
        strict = false;
        ctx.pending.push(
          issue('warning', 'file is not valid UTF-8; decoded as Windows-1252 (Latin-1) from this line on', {
            file: ctx.file,
            line,
            field: 'encoding',
          }),
        );
        decoder = new TextDecoder('windows-1252');
        const again = new Uint8Array(carry.length + chunk.length);
        again.set(carry);
        again.set(chunk, carry.length);
        out = decoder.decode(again, { stream: true });
      }
    } else out = decoder.decode(chunk, { stream: true });
    for (let i = out.indexOf('\n'); i !== -1; i = out.indexOf('\n', i + 1)) line++;
    if (out) yield out;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The trailing bytes of a chunk that start a UTF-8 sequence the chunk does not finish (held by the decoder). */
function incompleteUtf8Tail(chunk: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const b = chunk[chunk.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? chunk.subarray(chunk.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** Decodes a head for detection, tolerating a cut multi-byte sequence at the end. */
export function decodeHead(head: Uint8Array, sniffed: Sniffed): string {
  const text = new TextDecoder(sniffed.encoding, { fatal: false }).decode(head.subarray(sniffed.bom));
  return text;
}
