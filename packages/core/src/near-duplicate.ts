// The conservative near-duplicate scorer. Candidates come from blocking (blocking.ts); this decides
// how sure we are that two identities are one track.
// It never merges different versions (remix vs original, two remixes) or tracks of unrelated artists;
// the one original it joins to a remix is that remix written with its maker alone in brackets
// (`Title (Max Vale)`), which no parser can tell from a subtitle without knowing the name.

import { splitNames } from './artists.ts';
import { trailingGroup } from './brackets.ts';
import { artistKey, artistSetKey, titleKey, trackIdentity, versionKey } from './identity.ts';
import { normaliseTitle } from './normalise.ts';
import { jaroWinkler } from './similarity.ts';
import type { TrackParse } from './track-parse.ts';

/** At or above this score two tracks are merged automatically. */
export const AUTO_MERGE = 0.95;
/** At or above this score (and below AUTO_MERGE) a pair is listed for review. */
export const REVIEW = 0.85;

// Below this, two artist credits are treated as different artists outright.
const MIN_ARTIST_SIMILARITY = 0.92;
// Credits that differ only in how a collaborator is credited (`A & B` vs `A feat. B`).
const CREDIT_SHUFFLE_SCORE = 0.97;
// A collaborator left out of one credit (`A - Title` vs `A & B - Title`): listed for review, never
// merged alone. On the MixesDB data the cleaner truth keeps about half of such pairs apart (a solo
// track and a collaboration of the same name, an alias credited beside its owner).
const CREDIT_SUBSET_SCORE = 0.9;
// A remix written with its maker alone in brackets (`Title (Max Graham)` vs `Title (Max Graham Remix)`).
const MAKER_ALONE_SCORE = 0.97;
// The same maker's version written with and without a descriptive name (`Fracture Remix` vs
// `Fracture's Astrophonica Remix`, `Len Faki Mix` vs `Len Faki Podium Mix`): listed for review, never
// merged alone, because makers often do two (`Skrillex Goin' Hard Mix` and `Skrillex Goin' Down Mix`
// would both meet `Skrillex Remix`, and merges chain).
const VERSION_NAME_SCORE = 0.9;
// A subtitle in round brackets written on one side only (`Ear Drums (Good Times)` vs `Ear Drums`):
// listed for review, never merged alone (on the MixesDB data the truth keeps two in three such pairs
// apart: `Raging` and `Raging (The Storm)` can be two records).
const SUBTITLE_SCORE = 0.88;

// Words that tell records apart rather than spell them: numbers as digits, roman numerals or words
// (`Part 2`, `Part II`, `Remix Two`) and vinyl sides and cuts (`A`, `AA`, `B1`, `2b`). `Untitled (A)`
// and `Untitled (B)`, `THX-1139 (A1)` and `(B1)`, `Untitled 1` and `Untitled B1` are different tracks
// on one record: a typo-level difference in one of these words is a different track, never a typo.
const MARKER_WORD =
  /^(?:\d+|[ivx]+|[a-z]|([a-z])\1|[a-z]\d{1,2}|\d{1,2}[a-z]|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third)$/;

/** The words of a title that matter for comparing: normalised, `and` dropped (`Seek & Destroy` = `Seek Destroy`). */
function titleWords(title: string): string[] {
  return normaliseTitle(title)
    .split(' ')
    .filter((w) => w !== '' && w !== 'and');
}

/** The marker words of a title, and the digits inside other words (`2006` in `Live2006`), in order. */
function markers(words: readonly string[]): string {
  return words.flatMap((w) => (MARKER_WORD.test(w) ? [w] : (w.match(/\d+/g) ?? []))).join(' ');
}

/** Each name of one credit matched to a distinct name of the other with a typo-level difference. */
function namesMatch(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  const left = a.map(artistKey);
  const right = b.map(artistKey);
  let worst = 1;
  for (const name of left) {
    let best = 0;
    let bestIndex = -1;
    right.forEach((other, i) => {
      // Short names are never fuzzy-matched: one letter there is another artist; nor are names whose
      // numbers or single letters differ (`Unit 1`/`Unit 2`, `Kay Loom A`/`Kay Loom B`).
      const sim =
        name === other
          ? 1
          : Math.min(name.length, other.length) < 6 || markers(name.split(' ')) !== markers(other.split(' '))
            ? 0
            : jaroWinkler(name, other);
      if (sim > best) {
        best = sim;
        bestIndex = i;
      }
    });
    if (best < MIN_ARTIST_SIMILARITY) return 0;
    right.splice(bestIndex, 1);
    worst = Math.min(worst, best);
  }
  return worst;
}

function artistSimilarity(a: TrackParse, b: TrackParse): number {
  if (artistSetKey(a.primaryArtists) === artistSetKey(b.primaryArtists)) return 1;
  const all = (p: TrackParse) => [...p.primaryArtists, ...p.featuredArtists];
  if (artistSetKey(all(a)) === artistSetKey(all(b))) return CREDIT_SHUFFLE_SCORE;
  // A joiner lost in typing (`Kasra Enei` for `Kasra & Enei`) leaves the same letters in the same order.
  const joined = (p: TrackParse) => p.primaryArtists.map(artistKey).join('');
  if (joined(a) === joined(b)) return CREDIT_SHUFFLE_SCORE;
  if (creditWithin(a, b) || creditWithin(b, a)) return CREDIT_SUBSET_SCORE;
  return namesMatch(a.primaryArtists, b.primaryArtists);
}

/** Every primary artist of `a` is credited on `b`, which credits more: a collaborator left out of `a`. */
function creditWithin(a: TrackParse, b: TrackParse): boolean {
  const mine = new Set(a.primaryArtists.map(artistKey).filter((k) => k !== ''));
  const theirs = new Set([...b.primaryArtists, ...b.featuredArtists].map(artistKey).filter((k) => k !== ''));
  return mine.size > 0 && theirs.size > mine.size && [...mine].every((k) => theirs.has(k));
}

/** The words of a maker's name for comparing: `Fracture's` → `fracture`. */
function makerWords(name: string): string[] {
  return normaliseTitle(name.replace(/'s\b/gi, ''))
    .split(' ')
    .filter((w) => w !== '');
}

/**
 * Two versions of one kind by one maker, one of them with descriptive words after the maker's name
 * (`Fracture Remix` / `Fracture's Astrophonica Remix`): every remixer the same but the last, whose words
 * in the shorter credit start the longer one. Words with digits never count as description
 * (`X Remix` / `X 2012 Remix` may be two remixes).
 */
function sameMakerVersion(a: TrackParse, b: TrackParse): boolean {
  if (a.versionKind === 'original' || a.versionKind !== b.versionKind) return false;
  const tagOf = (p: TrackParse) => versionKey(p).split(':')[0];
  if (tagOf(a) !== tagOf(b)) return false;
  if (a.remixers.length !== b.remixers.length || a.remixers.length === 0) return false;
  const n = a.remixers.length - 1;
  if (artistSetKey(a.remixers.slice(0, n)) !== artistSetKey(b.remixers.slice(0, n))) return false;
  const [short, long] = [makerWords(a.remixers[n]!), makerWords(b.remixers[n]!)].sort(
    (x, y) => x.length - y.length,
  );
  if (short!.length === 0 || short!.join('').length < 4 || long!.length === short!.length) return false;
  const extra = long!.slice(short!.length);
  return short!.every((w, i) => long![i] === w) && !extra.some((w) => /\d/.test(w));
}

/**
 * `orig` is `Title (Maker)` with no version word, `remix` is `Title (Maker Remix)`: MixesDB and many
 * tracklists name a remix by its maker alone.
 */
function remixNamedByMaker(orig: TrackParse, remix: TrackParse): boolean {
  if (orig.versionKind !== 'original' || remix.versionKind !== 'remix' || remix.remixers.length === 0)
    return false;
  if (versionKey(remix).split(':')[0] !== 'remix') return false;
  const group = trailingGroup(orig.title);
  if (group?.open !== '(' || group.before === '') return false;
  return (
    titleKey(group.before) === titleKey(remix.title) &&
    artistSetKey(splitNames(group.inner)) === artistSetKey(remix.remixers)
  );
}

/** `long` is `short` with a round-bracketed subtitle after it that carries no number or side (`(Part 2)`, `(B)`). */
function subtitleOnOneSide(long: string, short: string): boolean {
  const group = trailingGroup(long);
  if (group?.open !== '(' || group.before === '' || titleKey(group.before) !== titleKey(short)) return false;
  return markers(titleWords(group.inner)) === '';
}

/**
 * How likely two parsed tracks are the same track, in [0, 1]. 0 when either is unknown, when their
 * versions differ (but for a remix named by its maker alone, and one maker's mix with and without a
 * descriptive name, listed for review), when their titles carry different numbers or sides
 * (`Part 1`/`Part II`, `2006`/`2007`, `(A1)`/`(B1)`, `AA`/`A`), or when one title has words the other
 * lacks (`Raging`/`Raging Storm`; a subtitle in round brackets on one side only is listed for review):
 * otherwise only typo-level differences inside words count as near-duplicates.
 */
export function nearDuplicateScore(a: TrackParse, b: TrackParse): number {
  const ia = trackIdentity(a);
  const ib = trackIdentity(b);
  if (!ia || !ib) return 0;
  if (ia.key === ib.key) return 1;
  if (remixNamedByMaker(a, b) || remixNamedByMaker(b, a)) return artistSimilarity(a, b) * MAKER_ALONE_SCORE;
  const versionFactor = versionKey(a) === versionKey(b) ? 1 : sameMakerVersion(a, b) ? VERSION_NAME_SCORE : 0;
  if (versionFactor === 0) return 0;
  const wa = titleWords(a.title);
  const wb = titleWords(b.title);
  if (subtitleOnOneSide(a.title, b.title) || subtitleOnOneSide(b.title, a.title)) {
    return artistSimilarity(a, b) * versionFactor * SUBTITLE_SCORE;
  }
  if (wa.length !== wb.length || markers(wa) !== markers(wb)) return 0;
  const ta = titleKey(a.title);
  const tb = titleKey(b.title);
  const artist = artistSimilarity(a, b);
  if (artist === 0) return 0;
  const title = ta === tb ? 1 : jaroWinkler(ta, tb);
  return artist * title * versionFactor;
}
