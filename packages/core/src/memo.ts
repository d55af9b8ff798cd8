// Bounded memoisation of pure string functions: the same names and versions come back thousands of
// times in a large import (every `Original Mix`, every popular artist), and normalising them is the
// parser's main cost. The cache is cleared when full, so memory stays bounded whatever the input.

const LIMIT = 20_000;

/** `fn` with its results remembered for the last (up to) 20,000 distinct arguments. Only for pure functions. */
export function memoise<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = fn(text);
      if (cache.size >= LIMIT) cache.clear();
      cache.set(text, v);
    }
    return v;
  };
}
