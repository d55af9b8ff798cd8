// Bracket groups at the end of a string — `(X Remix)`, `[Label - CAT]`, `{Label}` — found by matching
// brackets from the end, so nested groups like `[NM2 (Noir Music) - NM2 018B]` stay whole.

const CLOSER_TO_OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export interface TrailingGroup {
  /** Text before the group, trimmed. */
  before: string;
  /** Text inside the brackets, trimmed. */
  inner: string;
  /** The opening bracket: `(`, `[` or `{`. */
  open: '(' | '[' | '{';
}

/**
 * The last bracket group of `text` when the text ends with one, else null. An opening bracket that is
 * never closed (`Title (X Remix`) also counts as a group ending at the end of the text.
 */
export function trailingGroup(text: string): TrailingGroup | null {
  const s = text.trimEnd();
  const last = s[s.length - 1];
  if (last !== undefined && last in CLOSER_TO_OPENER) {
    const opener = CLOSER_TO_OPENER[last]!;
    let depth = 0;
    for (let i = s.length - 1; i >= 0; i--) {
      const c = s[i]!;
      if (c === last) depth++;
      else if (c === opener) {
        depth--;
        if (depth === 0) {
          return {
            before: s.slice(0, i).trim(),
            inner: s.slice(i + 1, -1).trim(),
            open: opener as TrailingGroup['open'],
          };
        }
      }
    }
    // A stray `]` closing a label whose own brackets were typed unevenly (`Title [Label] - Note]`,
    // `Title [Label] (Sub)]`): the group runs from the last `[` to the end.
    const open = s.lastIndexOf('[');
    if (last === ']' && open > 0) {
      return { before: s.slice(0, open).trim(), inner: s.slice(open + 1, -1).trim(), open: '[' };
    }
    return null;
  }
  const unclosed = /^(.*\S)\s*([([])([^()[\]]+)$/.exec(s);
  if (unclosed) {
    return {
      before: unclosed[1]!.trim(),
      inner: unclosed[3]!.trim(),
      open: unclosed[2] as TrailingGroup['open'],
    };
  }
  return null;
}

/** The first bracket group when the text starts with one (`[05] …`, `(12:30) …`), else null. */
export function leadingGroup(text: string): { inner: string; after: string; open: string } | null {
  const m = /^([([{])([^()[\]{}]*)([)\]}])\s*/.exec(text);
  if (!m || CLOSER_TO_OPENER[m[3]!] !== m[1]) return null;
  return { inner: m[2]!.trim(), after: text.slice(m[0].length), open: m[1]! };
}
