// Splitting decoded text into numbered lines without ever holding more than one capped line:
// a 1 GB line becomes one `tooLong` record instead of a 1 GB string.

/** Longest line the line-based formats keep. */
export const MAX_LINE_CHARS = 64 * 1024;

export interface Line {
  /** 1-based line number. */
  line: number;
  /** The line without its line break ('' when tooLong). */
  text: string;
  /** The line was longer than the cap; its text was dropped. */
  tooLong?: boolean;
}

export async function* splitLines(
  text: AsyncIterable<string>,
  maxChars = MAX_LINE_CHARS,
): AsyncIterable<Line> {
  let buf = '';
  let overflow = false;
  let line = 1;
  for await (const chunk of text) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      const piece = chunk.slice(start, nl === -1 ? undefined : nl);
      if (!overflow) {
        if (buf.length + piece.length > maxChars) {
          overflow = true;
          buf = '';
        } else buf += piece;
      }
      if (nl === -1) break;
      yield overflow ? { line, text: '', tooLong: true } : { line, text: stripCr(buf) };
      buf = '';
      overflow = false;
      line++;
      start = nl + 1;
    }
  }
  if (overflow) yield { line, text: '', tooLong: true };
  else if (buf !== '') yield { line, text: stripCr(buf) };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
