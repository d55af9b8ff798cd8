// The conservative near-duplicate scorer. Candidates come from elsewhere (pg_trgm in the database,
// a blocking key in the evaluation); this decides how sure we are that two identities are one track.
// It never merges different versions (remix vs original, two remixes) or tracks of unrelated artists.

import { artistKey, artistSetKey, titleKey, trackIdentity, versionKey } from './identity.ts';
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

function digits(s: string): string {
  return s.replace(/\D+/g, ' ').trim();
}

function artistSimilarity(a: TrackParse, b: TrackParse): number {
  const pa = artistSetKey(a.primaryArtists);
  const pb = artistSetKey(b.primaryArtists);
  if (pa === pb) return 1;
  const all = (p: TrackParse) => artistSetKey([...p.primaryArtists, ...p.featuredArtists]);
  if (all(a) === all(b)) return CREDIT_SHUFFLE_SCORE;
  // Typo-level differences only, and never for short names where one letter is a different artist.
  if (Math.min(pa.length, pb.length) < 6) return 0;
  const sim = jaroWinkler(pa, pb);
  return sim >= MIN_ARTIST_SIMILARITY ? sim : 0;
}

/**
 * How likely two parsed tracks are the same track, in [0, 1]. 0 when either is unknown, when their
 * versions differ, or when their titles carry different numbers (`Part 1`/`Part 2`, `2006`/`2007`).
 */
export function nearDuplicateScore(a: TrackParse, b: TrackParse): number {
  const ia = trackIdentity(a);
  const ib = trackIdentity(b);
  if (!ia || !ib) return 0;
  if (ia.key === ib.key) return 1;
  if (versionKey(a) !== versionKey(b)) return 0;
  const ta = titleKey(a.title);
  const tb = titleKey(b.title);
  if (digits(ta) !== digits(tb)) return 0;
  const artist = artistSimilarity(a, b);
  if (artist === 0) return 0;
  const title = ta === tb ? 1 : jaroWinkler(ta, tb);
  return artist * title;
}

/** A cheap blocking key for candidate generation without a database: each primary artist's key. */
export function blockingKeys(p: TrackParse): string[] {
  return [...new Set([...p.primaryArtists, ...p.featuredArtists].map(artistKey).filter((k) => k !== ''))];
}
