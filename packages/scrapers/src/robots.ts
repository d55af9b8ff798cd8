// robots.txt as RFC 9309 defines it: groups of user-agent lines followed by allow/disallow rules; the
// group matching our product token (case-insensitive) applies, else the `*` group; the longest matching
// rule wins and `allow` wins a tie; `*` matches any run of characters and a final `$` anchors the end.
// `Crawl-delay` is not in the RFC but widely used: it is honoured as a minimum gap between requests.

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelaySeconds?: number;
}

export interface RobotsRules {
  isAllowed(pathAndQuery: string): boolean;
  /** Seconds between requests the site asks for, if it does. */
  crawlDelaySeconds?: number;
}

export const ALLOW_ALL: RobotsRules = { isAllowed: () => true };
export const DISALLOW_ALL: RobotsRules = { isAllowed: () => false };

/** Percent-encodes what RFC 9309 says to compare encoded, so `/a b` and `/a%20b` match alike. */
function normalisePath(p: string): string {
  return p
    .replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase())
    .replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
}

function toRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

export function parseRobots(text: string, productToken: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share one group.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value === '') continue;
      const pattern = normalisePath(value);
      current.rules.push({ allow: key === 'allow', pattern, regex: toRegex(pattern) });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelaySeconds = n;
    }
  }
  const token = productToken.toLowerCase();
  let matching = groups.filter((g) => g.agents.includes(token));
  if (matching.length === 0) matching = groups.filter((g) => g.agents.includes('*'));
  // RFC 9309 2.2.1: several groups for the same agent are combined.
  const rules = matching.flatMap((g) => g.rules);
  const delays = matching.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== undefined);
  return {
    crawlDelaySeconds: delays.length ? Math.max(...delays) : undefined,
    isAllowed(pathAndQuery) {
      if (pathAndQuery === '/robots.txt') return true;
      const path = normalisePath(pathAndQuery);
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.regex.test(path)) continue;
        if (
          !best ||
          r.pattern.length > best.pattern.length ||
          (r.pattern.length === best.pattern.length && r.allow)
        )
          best = r;
      }
      return best ? best.allow : true;
    },
  };
}

/**
 * Rules for a robots.txt answer's status (RFC 9309 2.3.1): 2xx is parsed; 4xx means "no robots.txt",
 * everything allowed; 5xx or an unreachable host means "assume complete disallow" until it can be read.
 */
export function rulesForStatus(status: number, body: string, productToken: string): RobotsRules {
  if (status >= 200 && status < 300) return parseRobots(body, productToken);
  if (status >= 400 && status < 500) return ALLOW_ALL;
  return DISALLOW_ALL;
}
