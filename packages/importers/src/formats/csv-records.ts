// CSV/TSV records from numbered lines, written for the files people really have rather than for
// RFC 4180 alone: a quote inside an unquoted field is a character, and a quote that opens a field and
// never closes (a stray quote, `"Heroes` in a title) must not swallow the rest of the file. A quoted
// field may still run over line breaks, but only when its quote closes cleanly within a few lines
// that do not look like rows of their own; otherwise the quote is read as a character and a warning
// names the line. Nothing here throws: every problem is a warning with its line.
import type { Line } from '../lines.ts';

/** How many lines a quoted field may span before its opening quote counts as stray. */
const MAX_FIELD_LINES = 8;

export interface CsvRecord {
  fields: string[];
  /** Line where the record starts. */
  line: number;
  /** Problems found on this record (stray quote), for the reader to report as warnings. */
  problems: string[];
}

interface Split {
  fields: string[];
  /** The line ended inside a quoted field (index of that field), or -1. */
  open: number;
  /** Some quoted field had text after its closing quote (`"a"b`): read, but not a clean close. */
  sloppy: boolean;
}

/**
 * Splits one record's text. Quoted fields start with `"` (after spaces), `""` inside is a quote;
 * a field with text after its closing quote (`"Heroes" (Live Edit)`) is kept as written, quotes and all.
 * With `literalFrom` set, a quote opening field `literalFrom` or later is an ordinary character.
 */
export function splitRecord(text: string, delimiter: string, literalFrom = Number.POSITIVE_INFINITY): Split {
  const fields: string[] = [];
  let sloppy = false;
  let i = 0;
  const n = text.length;
  for (;;) {
    let start = i;
    while (start < n && (text[start] === ' ' || (text[start] === '\t' && delimiter !== '\t'))) start++;
    if (text[start] === '"' && fields.length < literalFrom) {
      let value = '';
      let j = start + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          fields.push(value + text.slice(j));
          return { fields, open: fields.length - 1, sloppy };
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      const d = text.indexOf(delimiter, j);
      const tail = text.slice(j, d === -1 ? n : d);
      // Text after the closing quote (`"Heroes" (Live Edit)`): the quotes were part of the value.
      if (tail.trim() !== '') sloppy = true;
      fields.push(tail.trim() === '' ? value.trim() : text.slice(start, d === -1 ? n : d).trim());
      if (d === -1) return { fields, open: -1, sloppy };
      i = d + delimiter.length;
    } else {
      const d = text.indexOf(delimiter, i);
      fields.push(text.slice(i, d === -1 ? n : d).trim());
      if (d === -1) return { fields, open: -1, sloppy };
      i = d + delimiter.length;
    }
  }
}

/**
 * Records of a delimited file. `columns` (the header's field count, once known) tells a multi-line
 * field from a stray quote; before it is known every unclosed quote is stray. Empty lines are skipped.
 */
export async function* csvRecords(
  lines: AsyncIterable<Line>,
  delimiter: string,
  columns: () => number | undefined,
): AsyncIterable<CsvRecord> {
  // Lines read ahead while looking for a closing quote; replayed when the quote turns out stray.
  const queue: Line[] = [];
  const it = lines[Symbol.asyncIterator]();
  let done = false;
  const next = async (): Promise<Line | undefined> => {
    if (queue.length > 0) return queue.shift();
    if (done) return undefined;
    const r = await it.next();
    if (r.done) {
      done = true;
      return undefined;
    }
    return r.value;
  };
  for (;;) {
    const line = await next();
    if (!line) return;
    if (line.tooLong) {
      yield { fields: [], line: line.line, problems: ['line is too long to be a row; skipped'] };
      continue;
    }
    if (line.text.trim() === '') continue;
    const first = splitRecord(line.text, delimiter);
    if (first.open === -1) {
      yield { fields: first.fields, line: line.line, problems: [] };
      continue;
    }
    const literal = splitRecord(line.text, delimiter, first.open);
    const want = columns();
    const stray = (why: string): CsvRecord => ({
      fields: literal.fields,
      line: line.line,
      problems: [`a quote opens field ${first.open + 1} and ${why}; read as a plain character`],
    });
    if (want === undefined) {
      yield stray('does not close on this line');
      continue;
    }
    // A multi-line field closes cleanly (delimiter or end of line after its quote), within a few
    // lines, and the lines it takes in do not look like rows of their own.
    let text = line.text;
    const ahead: Line[] = [];
    let joined: Split | null = null;
    while (ahead.length < MAX_FIELD_LINES - 1) {
      const more = await next();
      if (!more) break;
      ahead.push(more);
      if (more.tooLong || (want > 1 && splitRecord(more.text, delimiter, 0).fields.length >= want)) break;
      text += `\n${more.text}`;
      const s = splitRecord(text, delimiter);
      if (s.open === -1) {
        joined = s;
        break;
      }
    }
    if (joined && !joined.sloppy && joined.fields.length <= want) {
      yield { fields: joined.fields, line: line.line, problems: [] };
      continue;
    }
    queue.unshift(...ahead);
    yield stray('does not close on this line');
  }
}

/**
 * Records of a fixed-width table: each field is the text from its column's start to the next one's.
 * Rule lines (`-----`, `=====`) and empty lines are skipped.
 */
export async function* fixedWidthRecords(
  lines: AsyncIterable<Line>,
  starts: readonly number[],
): AsyncIterable<CsvRecord> {
  for await (const { text, line, tooLong } of lines) {
    if (tooLong) {
      yield { fields: [], line, problems: ['line is too long to be a row; skipped'] };
      continue;
    }
    if (text.trim() === '' || /^[\s=_-]+$/.test(text)) continue;
    const fields = starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim());
    yield { fields, line, problems: [] };
  }
}
