// Splits a JSON text stream into its top-level values without parsing the whole file: a single
// object, the elements of a top-level array (the djmix dataset is one big array), or NDJSON lines.
// Each value is parsed on its own, so one broken value costs only itself.
import { splitLines } from './lines.ts';

/** Largest single JSON value (one set) we accept: generous for 100,000-entry sets, bounded for memory. */
export const MAX_VALUE_CHARS = 64 * 1024 * 1024;

export type JsonValue = { line: number; value: unknown } | { line: number; error: string };

export async function* jsonValues(text: AsyncIterable<string>): AsyncIterable<JsonValue> {
  const it = text[Symbol.asyncIterator]();
  // Look at the start to choose NDJSON (two lines that each start with `{`) or a value scanner.
  const first: string[] = [];
  let seen = '';
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    first.push(r.value);
    seen += r.value;
    if (seen.length > 256 * 1024 || nonEmptyLines(seen) > 2) break;
  }
  async function* replay(): AsyncIterable<string> {
    yield* first;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  const lines = seen.split('\n').filter((l) => l.trim() !== '');
  if (lines.length >= 2 && lines[0]!.startsWith('{') && lines[1]!.startsWith('{')) yield* ndjson(replay());
  else yield* scanValues(replay());
}

function nonEmptyLines(s: string): number {
  return s.split('\n').filter((l) => l.trim() !== '').length;
}

async function* ndjson(text: AsyncIterable<string>): AsyncIterable<JsonValue> {
  for await (const { line, text: content, tooLong } of splitLines(text, MAX_VALUE_CHARS)) {
    if (tooLong) yield { line, error: `line ${line} is longer than ${MAX_VALUE_CHARS} characters` };
    else if (content.trim() !== '') yield parse(content, line);
  }
}

function parse(text: string, line: number): JsonValue {
  try {
    return { line, value: JSON.parse(text) };
  } catch (err) {
    return { line, error: `invalid JSON at line ${line}: ${(err as Error).message}` };
  }
}

/** Scans for complete values at depth 0, or depth 1 inside one top-level array. */
async function* scanValues(text: AsyncIterable<string>): AsyncIterable<JsonValue> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let arrayMode: boolean | null = null;
  let buf: string[] = [];
  let size = 0;
  let valueLine = 0;
  let tooBig = false;
  const base = () => (arrayMode ? 1 : 0);
  for await (const chunk of text) {
    let start = -1; // where the current value starts in this chunk
    if (valueLine > 0) start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (arrayMode === null) {
        arrayMode = c === 91; // '['
        if (arrayMode) {
          depth = 1;
          continue;
        }
      }
      if (depth === base() && valueLine === 0) {
        if (c === 44) continue; // ',' between elements
        if (arrayMode && c === 93) {
          depth = 0; // closing ']' of the top-level array
          continue;
        }
        if (c !== 123 && c !== 91) {
          // Sets are objects; anything else at the top means this is not a JSON set file at all.
          yield { line, error: `unexpected "${chunk[i]}" at line ${line}: expected a JSON object` };
          return;
        }
        valueLine = line;
        start = i;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) depth--;
      if (valueLine > 0 && depth === base() && !inString) {
        const end = i + 1;
        if (!tooBig) buf.push(chunk.slice(start, end));
        yield tooBig
          ? {
              line: valueLine,
              error: `JSON value at line ${valueLine} is larger than ${MAX_VALUE_CHARS} characters`,
            }
          : parse(buf.join(''), valueLine);
        buf = [];
        size = 0;
        tooBig = false;
        valueLine = 0;
        start = -1;
      }
    }
    if (valueLine > 0 && start >= 0 && !tooBig) {
      const piece = chunk.slice(start);
      size += piece.length;
      if (size > MAX_VALUE_CHARS) {
        tooBig = true;
        buf = [];
      } else buf.push(piece);
    }
  }
  if (valueLine > 0 || depth > 0)
    yield {
      line: valueLine || line,
      error: `unexpected end of JSON (value started at line ${valueLine || line})`,
    };
}
