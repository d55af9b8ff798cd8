// Splitting an artist credit into primary and featured artists (and performers for b2b / pres.).
// Collaborations are split on every common joiner, so `Above & Beyond` becomes two names: that is
// harmless for identity because both spellings of the credit split the same way and the key is a set.

import { cleanText } from './normalise.ts';

export interface ArtistCredit {
  /** The primary credit as written, for display (`Simon & Garfunkel`, `Alba x Tomo`): names are not re-joined. */
  written: string;
  primary: string[];
  featured: string[];
  /** People credited as performing or presenting rather than as the artist (`A pres. B`, `A b2b B`). */
  performers: string[];
}

// Joiners between collaborating artists (case-insensitive). The collaboration ` x ` is matched
// separately: lower case always joins (`Alba x Tomo`); a capital X joins when a name of two words
// or more stands beside it (`Kay Loom X Mira Vale`), since a capital X between single words is
// usually part of a name (`Malcolm X Band`).
const JOINERS =
  /\s*,\s*|\s*&\s*|\s*\+\s*|\s+and\s+|\s+×\s+|\s+vs\.?\s+|\s+versus\s+|\s+\/\s+|\s+meets\s+|\s+with\s+|\s+b2b\s+|\s+b3b\s+/i;
const JOINERS_ALL = new RegExp(JOINERS.source, 'gi');
const LOWER_X = /(?<=\S) x (?=\S)/g;
const CAPITAL_X = /(?<=\S) X (?=\S)/g;
const OTHER_JOINER = new RegExp(JOINERS.source, 'i');

/** Capital ` X ` as a joiner where a multi-word name stands beside it. */
function joinCapitalX(text: string): string {
  if (!text.includes(' X ')) return text;
  const pieces = text.split(CAPITAL_X);
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) {
    const left = pieces[i - 1]!.split(OTHER_JOINER).at(-1)!.trim();
    const right = pieces[i]!.split(OTHER_JOINER)[0]!.trim();
    const joins = left.includes(' ') || right.includes(' ');
    out += (joins ? ' & ' : ' X ') + pieces[i];
  }
  return out;
}

const FEATURING = /(?:^|\s+|(?<=[([]))(?:featuring|feat|ft)\.?(?=\s|$)\s*/i;
const PRESENTS = /\s+(?:pres\.?|presents)\s+/i;
const B2B = /\s+b[23]b\s+/i;

/** Splits a list of names on the collaboration joiners; empty pieces and repeats are dropped. */
export function splitNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of joinCapitalX(cleanText(text)).replace(LOWER_X, ' & ').split(JOINERS_ALL)) {
    const name = piece
      .replace(/^[\s,&/+-]+|[\s,&/+-]+$/g, '')
      .replace(/^\((.*)\)$/, '$1')
      .trim();
    if (name !== '' && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/** Splits `text` at a `feat.`/`ft.`/`featuring` marker: what comes before, and the featured names (brackets removed). */
export function splitFeaturing(text: string): { main: string; featured: string[] } {
  const m = FEATURING.exec(text);
  if (!m) return { main: text.trim(), featured: [] };
  let main = text.slice(0, m.index);
  let rest = text.slice(m.index + m[0].length);
  // `Artist (feat. X)` or `Title [ft. X] (Y Remix)`: the featured list ends at the bracket that opened it.
  const opener = main.trimEnd().slice(-1);
  if (opener === '(' || opener === '[') {
    main = main.trimEnd().slice(0, -1);
    const closer = opener === '(' ? ')' : ']';
    const end = rest.indexOf(closer);
    const after = end >= 0 ? rest.slice(end + 1) : '';
    rest = end >= 0 ? rest.slice(0, end) : rest;
    main = `${main.trim()} ${after.trim()}`;
  }
  return { main: main.trim(), featured: splitNames(rest) };
}

/** Splits an artist credit: `A & B feat. C`, `A pres. B`, `A b2b B`, `A vs. B`, `A x B`, `A, B and C`. */
export function splitArtistCredit(text: string): ArtistCredit {
  const { main, featured } = splitFeaturing(cleanText(text));
  const presents = PRESENTS.exec(main);
  if (presents) {
    // `Armin van Buuren pres. Gaia`: the track belongs to the project; the presenter is kept as performer.
    const project = main.slice(presents.index + presents[0].length).trim();
    return {
      written: project,
      primary: splitNames(project),
      featured,
      performers: splitNames(main.slice(0, presents.index)),
    };
  }
  const primary = splitNames(main);
  return { written: main.trim(), primary, featured, performers: B2B.test(main) ? primary : [] };
}
