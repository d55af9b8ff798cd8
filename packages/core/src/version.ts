// Classifying the version part of a track string: `(Original Mix)` is the base recording,
// `(Bicep Remix)` is a distinct version by a remixer, `(Set Me Free)` is not a version at all.

import { splitNames } from './artists.ts';
import { memoise } from './memo.ts';
import { cleanText, foldCase, normaliseName } from './normalise.ts';

export type VersionKind =
  | 'original'
  | 'remix'
  | 'edit'
  | 'dub'
  | 'rework'
  | 'bootleg'
  | 'vip'
  | 'mashup'
  | 'live'
  | 'other';

export interface VersionInfo {
  /** True for the base recording under another name (Original/Extended/Club Mix, Radio Edit…). */
  base: boolean;
  kind: VersionKind;
  /** The version text as written, null for the base version. */
  version: string | null;
  remixers: string[];
  /**
   * What identifies the version apart from its remixers, normalised: the kind plus descriptive
   * words (`dub house vocal`, `other instrumental`). Empty for the base version.
   */
  tag: string;
  /** The remixer is given as `ID`/`Unknown`: the version cannot be identified. */
  unknown: boolean;
}

// Words that, alone or together, name the base recording of a track.
const BASE_WORDS = new Set([
  'original',
  'extended',
  'radio',
  'club',
  'album',
  'single',
  'main',
  'full',
  'length',
  'long',
  'lp',
  'remaster',
  'remastered',
  // A shortened cut of the recording, like a radio edit (`(Excerpt)`).
  'excerpt',
  '12',
  '12inch',
  '7',
  'inch',
  'clean',
  'explicit',
  'dirty',
]);
const BASE_FILLERS = new Set(['mix', 'version', 'edit', 'cut', 'the', 'of']);

// Trailing words that mark a version, with the kind each implies (the order of KIND_PRIORITY decides
// when several appear: `Dub Mix` is a dub, `VIP Mix` a VIP).
// A Map, not an object: `constructor` or `valueOf` in a version is no kind word.
const KIND_OF_WORD = new Map<string, VersionKind>(
  Object.entries({
    remix: 'remix',
    remixed: 'remix',
    rmx: 'remix',
    mix: 'remix',
    mixdown: 'remix',
    edit: 'edit',
    reedit: 'edit',
    cut: 'edit',
    recut: 'edit',
    dub: 'dub',
    overdub: 'dub',
    rework: 'rework',
    reworked: 'rework',
    respray: 'rework',
    refix: 'rework',
    remake: 'rework',
    rebuild: 'rework',
    remode: 'rework',
    revamp: 'rework',
    rerub: 'rework',
    reruff: 'rework',
    repaint: 'rework',
    reconstruction: 'rework',
    flip: 'rework',
    treatment: 'rework',
    interpretation: 'rework',
    rendition: 'rework',
    bootleg: 'bootleg',
    boot: 'bootleg',
    vip: 'vip',
    mashup: 'mashup',
    blend: 'mashup',
    live: 'live',
    version: 'other',
    cover: 'other',
    instrumental: 'other',
    acapella: 'other',
    reprise: 'other',
    beats: 'other',
    tool: 'other',
    megamix: 'other',
    medley: 'other',
  }) as [string, VersionKind][],
);
const KIND_PRIORITY: readonly VersionKind[] = [
  'mashup',
  'bootleg',
  'vip',
  'rework',
  'dub',
  'edit',
  'remix',
  'live',
  'other',
];

// Words that describe a mix rather than name its maker (`Vocal Mix`, `House Dub`, `Beat Mix`).
const DESCRIPTORS = new Set([
  'dub',
  'vocal',
  'vox',
  'instrumental',
  'inst',
  'club',
  'deep',
  'dark',
  'acid',
  'tech',
  'house',
  'techno',
  'trance',
  'breaks',
  'electro',
  'tribal',
  'garage',
  'ambient',
  'piano',
  'main',
  'original',
  'extended',
  'radio',
  'short',
  'long',
  'alternative',
  'alternate',
  'alt',
  'special',
  'bonus',
  'beat',
  'beats',
  'tool',
  'reprise',
  'peaktime',
  'warmup',
  'afterhours',
  'sunrise',
  'classic',
  'vinyl',
  '12inch',
  'version',
  'mix',
  'edit',
]);

const UNKNOWN_NAME = /^(?:id|i d|unknown|unknown artist|tba|tbc|\?+)$/;

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };

/** `2` → 2, `II` → 2, `iv` → 4. */
function romanOrNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i]!]!;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Lowercase form with compound version words joined: `Re-Edit` → `reedit`, `Mash Up` → `mashup`. */
function canonicalWords(text: string): string {
  return (
    foldCase(text)
      // A `DJ Edit`/`DJ-Mix` is the maker's edit or mix: `Len Faki DJ-Edit` = `Len Faki Edit`.
      .replace(/\bdj[\s-]?(edit|mix|cut)\b/g, '$1')
      .replace(/\bre[\s-]?(edit|mix|work|fix|make|build|mode|cut|rub|ruff|paint)\b/g, 're$1')
      .replace(/\bmash[\s-]?up\b/g, 'mashup')
      .replace(/\ba[\s-]?cap+ell?a\b/g, 'acapella')
      .replace(/\bmix[\s-]?down\b/g, 'mixdown')
      .replace(/\b12\s*(?:"|''|in\b|inch\b)/g, '12inch')
  );
}

function isBase(text: string): boolean {
  const words = normaliseName(canonicalWords(text)).split(' ');
  if (words.length === 0 || !words.some((w) => BASE_WORDS.has(w))) return false;
  const remaster = words.includes('remaster') || words.includes('remastered');
  return words.every((w) => BASE_WORDS.has(w) || BASE_FILLERS.has(w) || (remaster && /^\d{4}$/.test(w)));
}

function strongestKind(kinds: Iterable<VersionKind>): VersionKind {
  const set = new Set(kinds);
  return KIND_PRIORITY.find((k) => set.has(k)) ?? 'other';
}

function versionResult(
  version: string,
  kinds: VersionKind[],
  kindWords: string[],
  maker: string,
): VersionInfo {
  // `Fracture's Astrophonica Remix` is Fracture's: the possessive is not part of the name.
  const makerWords = maker
    .split(/\s+/)
    .map((w) => w.replace(/'s$/i, ''))
    .filter((w) => w !== '');
  // Descriptive words at the end belong to the version's tag (`Kerri Chandler Vocal Mix`), the rest
  // names the remixer. Only the end: `Deep Dish Remix` is by Deep Dish.
  const flavour: string[] = [];
  while (makerWords.length > 0 && DESCRIPTORS.has(normaliseName(makerWords[makerWords.length - 1]!))) {
    flavour.unshift(normaliseName(makerWords.pop()!));
  }
  const name = makerWords.join(' ').trim();
  const unknown = UNKNOWN_NAME.test(foldCase(name));
  // A named person's `Version` is their remix under another word (`Dixon Version` = `Dixon Remix`).
  const namedVersion =
    strongestKind(kinds) === 'other' && name !== '' && kindWords.every((w) => w === 'version');
  const versionKind = namedVersion ? 'remix' : strongestKind(kinds);
  // Words that name another recording (`Instrumental`, `Acapella`) stay in the tag beside a stronger
  // kind: `X Instrumental Mix` is not `X Mix`.
  const kindTag =
    versionKind === 'other' || versionKind === 'live'
      ? kindWords.filter((w) => KIND_OF_WORD.get(w) === versionKind)
      : [versionKind, ...kindWords.filter((w) => KIND_OF_WORD.get(w) === 'other' && w !== 'version').sort()];
  // Base-version words (`Club`, `Extended`, `Radio`) do not make a remix another version, just as
  // they do not for the original: `X Extended Remix` = `X Club Mix` = `X Remix`.
  const tagWords = flavour.filter((w) => !KIND_OF_WORD.has(w) && !BASE_WORDS.has(w)).sort();
  return {
    base: false,
    kind: versionKind,
    version,
    remixers: name === '' || unknown ? [] : splitNames(name),
    tag: [...kindTag, ...tagWords].join(' '),
    unknown,
  };
}

/**
 * Classifies the text of a version (without its brackets). Returns null when the text is not a
 * version (a subtitle such as `Set Me Free`, a year, a note), so the caller keeps it in the title.
 */
export function classifyVersion(text: string): VersionInfo | null {
  const v = classified(text);
  // A copy: callers own what they are given, the cache keeps its own.
  return v === null ? null : { ...v, remixers: [...v.remixers] };
}

const classified = memoise(function classify(text: string): VersionInfo | null {
  // Underscores stand for spaces in file names and some tracklists (`Orkidea_Remix`).
  const version = cleanText(text).replace(/_/g, ' ');
  if (version === '') return null;
  if (isBase(version))
    return { base: true, kind: 'original', version: null, remixers: [], tag: '', unknown: false };
  // `Bicep Remix - Extended`, `Radio Edit / Bicep Dub`, `Bicep Remix - Edit`: the one named part
  // decides; a part without a maker (`Edit`, `Extended`) only qualifies it.
  const parts = version.split(/\s+[-/]\s+/);
  if (parts.length > 1) {
    const named = parts.map(classifyVersion).filter((v) => v !== null && !v.base);
    const made = named.filter((v) => v!.remixers.length > 0 || v!.unknown);
    const decides = named.length === 1 ? named[0] : made.length === 1 ? made[0] : undefined;
    return decides ? { ...decides, version } : null;
  }
  // A base-version name after a named version (`X Re-Cut Club Version`, `X Remix Extended`, `X Dub
  // Radio Edit`) says which cut of that version it is, as `X Remix - Extended` does: the named version
  // before it decides. Without a kind word before it (`X Club Mix`), it is read as usual below.
  const words = version.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    if (!isBase(words.slice(i).join(' '))) continue;
    const before = words.slice(0, i).join(' ');
    const lastWord = canonicalWords(before)
      .split(/\s+/)
      .at(-1)!
      .replace(/[^a-z0-9]/g, '');
    const inner = KIND_OF_WORD.has(lastWord) ? classified(before) : null;
    if (inner && !inner.base) return { ...inner, version };
  }
  const lower = canonicalWords(version);
  // `Remix by X`, `Edited by X`, `Mixed by X`.
  const by =
    /^(remix|remixed|reedit|edit|edited|rework|reworked|mix|mixed|dub|dubbed|bootleg)\s+by\s+(.+)$/.exec(
      lower,
    );
  if (by) {
    const word = by[1]!.replace(/ed$/, '').replace(/^remixe$/, 'remix');
    const kind = KIND_OF_WORD.get(word) ?? KIND_OF_WORD.get(by[1]!) ?? 'remix';
    const makerStart = version.length - by[2]!.length;
    return versionResult(version, [kind], [word], version.slice(makerStart));
  }
  if (/^live\b/.test(lower)) return versionResult(version, ['live'], ['live'], '');
  // A number after the kind word tells two versions by one maker apart (`X Mix 2`, `X Remix #2`,
  // `X Mix Part II`, `X Mix Version 2`); it is kept in the tag, written one way. Roman numerals count
  // only after `Part`/`Pt` (`X Mix I` is more likely a name).
  const numbered = /\s+(?:(part|pt\.?|no\.?|version|#)\s*)?#?(\d{1,2}|[ivx]{1,4})$/i.exec(version);
  if (numbered && (/\d/.test(numbered[2]!) || /^p/i.test(numbered[1] ?? ''))) {
    const before = version.slice(0, numbered.index);
    const lastWord = canonicalWords(before)
      .split(/\s+/)
      .at(-1)!
      .replace(/[^a-z0-9]/g, '');
    const inner = KIND_OF_WORD.has(lastWord) ? classified(before) : null;
    if (inner && !inner.base) {
      return { ...inner, version, tag: `${inner.tag} n${romanOrNumber(numbered[2]!.toLowerCase())}` };
    }
  }
  // Peel kind words off the end: `Format:B Dub Mix` → [mix, dub], maker `Format:B`.
  const lowerWords = lower.split(/\s+/);
  const kinds: VersionKind[] = [];
  const kindWords: string[] = [];
  while (lowerWords.length > 0) {
    const w = lowerWords[lowerWords.length - 1]!.replace(/[^a-z0-9]/g, '');
    const kind = KIND_OF_WORD.get(w);
    if (!kind) break;
    kinds.push(kind);
    kindWords.push(w);
    lowerWords.pop();
  }
  // Compound words (`Re-Edit`, `Mash Up`) can take two source words for one canonical word.
  const maker = lowerWords.length === 0 ? '' : version.split(/\s+/).slice(0, lowerWords.length).join(' ');
  if (kinds.length === 0) return null;
  return versionResult(version, kinds, kindWords, maker.replace(/[\s,&-]+$/, ''));
});
