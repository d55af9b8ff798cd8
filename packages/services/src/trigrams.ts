// Trigram similarity as pg_trgm computes it (each word padded with two spaces in front and one behind;
// |A ∩ B| / |A ∪ B|), for ranking search candidates in the service where the whole query is known.
// Costs O(length) per string; the service ranks a few hundred candidates per query.

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
