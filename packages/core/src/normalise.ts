// Text cleanup for display, and name/title normalisation for identity keys.
// cleanText keeps what the source said (case, diacritics) but in one canonical Unicode/ASCII form;
// normaliseName throws away every difference that must not split an identity.
import { memoise } from './memo.ts';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '-',
  mdash: '-',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  hellip: '...',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  oacute: 'ó',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  ntilde: 'ñ',
  ccedil: 'ç',
};

/** Decodes HTML character references as text (`&amp;` → `&`); unknown names stay as written. Never interprets markup. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // Own names only: `&constructor;` is no entity.
    const name = ref.toLowerCase();
    return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : whole;
  });
}

/**
 * Canonical text for display: entities decoded, NFC, fullwidth forms, ligatures and odd spaces as
 * their plain forms, unicode dashes/quotes as ASCII, invisible characters removed, whitespace
 * collapsed and trimmed. Case, diacritics and stylised characters (superscripts, symbols: `MØ`,
 * `Mira²`) are kept as written; keys fold those (foldCase).
 */
// Printable ASCII words separated by single spaces, without `&` (entities) or a backtick (a quote to map):
// already canonical, and by far the most common input, so it skips the seven passes below.
const CANONICAL_ASCII = /^[\x21-\x25\x27-\x5f\x61-\x7e]+(?: [\x21-\x25\x27-\x5f\x61-\x7e]+)*$/;

// Fullwidth ASCII, Latin ligatures and typographic spaces: the same letters in another width.
const PLAIN_FORMS = /[\uFB00-\uFB06\uFF01-\uFF5E\u2000-\u200A\u202F\u205F\u3000]/g;

export function cleanText(text: string): string {
  if (CANONICAL_ASCII.test(text)) return text;
  return (
    decodeHtmlEntities(text)
      .normalize('NFC')
      .replace(PLAIN_FORMS, (c) => c.normalize('NFKC'))
      // hyphen, non-breaking hyphen, figure dash, en/em dash, horizontal bar, minus sign
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .replace(/[\s\u00A0]+/g, ' ')
      .trim()
  );
}

// Letters that NFD does not decompose into base + combining mark.
const FOLDED_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Lowercase, diacritics removed and compatibility forms folded (`Fürstenberg` → `furstenberg`,
 * `Røyksopp` → `royksopp`, `Mira²` → `mira2`).
 */
export const foldCase = memoise(function foldCase(text: string): string {
  const clean = cleanText(text);
  // ASCII has no diacritics or special letters to fold.
  if (ASCII.test(clean)) return clean.toLowerCase();
  return clean
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßđðłþı]/g, (c) => FOLDED_LETTERS[c] ?? c);
});

/**
 * The normalised form of a name or title for keys: lowercase, no diacritics, `&`/`+`/`and`/`n`
 * unified to `and`, apostrophes and dots dropped inside words (`Lil' Louis`, `D.J.`), other
 * punctuation turned into spaces, whitespace collapsed. ALL CAPS and mixed case become equal.
 */
export const normaliseName = memoise(function normaliseName(text: string): string {
  return foldCase(text)
    .replace(/\s*(?:&|\+)\s*/g, ' and ')
    .replace(/\s'?n'?\s/g, ' and ')
    .replace(/['.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
});

/**
 * An artist name for keys: normalised, with a leading `The` or `DJ` dropped (`The Cure` = `Cure`,
 * `DJ Tiësto` = `Tiësto`): both are written or left out at will for the same act.
 */
export function normaliseArtist(name: string): string {
  return normaliseName(name).replace(/^(?:the|dj)\s+(?=\S)/, '');
}

/**
 * A title for keys: normalised, with the article `the` and the joiner `and` dropped (`The Angels Fell`
 * = `Angels Fell`, `Seek & Destroy` = `Seek Destroy` = `Seek And Destroy`): both are left out at will,
 * and an `&` typed into a tracklist is often lost on the way (`Hit & Run` → `Hit Run`).
 */
export function normaliseTitle(title: string): string {
  const words = normaliseName(title).split(' ');
  const kept = words.filter((w) => w !== 'the' && w !== 'and');
  return (kept.length > 0 ? kept : words).join(' ');
}
