import { describe, expect, it } from 'vitest';
import { parseRobots, rulesForStatus } from '../src/robots.ts';

describe('robots.txt (RFC 9309)', () => {
  const txt = [
    'User-agent: *',
    'Disallow: /search',
    'Allow: /search/about',
    'Disallow: /*.php$',
    'Disallow: /tmp*/x',
    'Crawl-delay: 10',
    '',
    'User-agent: OtherBot',
    'User-agent: SongNodes # us',
    'Disallow: /private/',
    'Allow: /private/open',
    'Crawl-delay: 3',
  ].join('\n');

  it('applies the group naming our token, case-insensitively, and its Crawl-delay', () => {
    const r = parseRobots(txt, 'songnodes');
    expect(r.isAllowed('/search')).toBe(true);
    expect(r.isAllowed('/private/x')).toBe(false);
    expect(r.isAllowed('/private/open/1')).toBe(true);
    expect(r.crawlDelaySeconds).toBe(3);
  });

  it('falls back to the * group with wildcards, $ anchors and the longest match', () => {
    const r = parseRobots(txt, 'SomethingElse');
    expect(r.isAllowed('/search?q=x')).toBe(false);
    expect(r.isAllowed('/search/about')).toBe(true);
    expect(r.isAllowed('/index.php')).toBe(false);
    expect(r.isAllowed('/index.php?x=1')).toBe(true);
    expect(r.isAllowed('/tmp123/x')).toBe(false);
    expect(r.isAllowed('/robots.txt')).toBe(true);
    expect(r.crawlDelaySeconds).toBe(10);
  });

  it('lets allow win a tie and treats an empty Disallow as allow-all', () => {
    expect(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n', 'x').isAllowed('/a')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n', 'x').isAllowed('/anything')).toBe(true);
  });

  it('reads a 4xx as allow-all and a 5xx as disallow-all', () => {
    expect(rulesForStatus(404, '', 'x').isAllowed('/a')).toBe(true);
    expect(rulesForStatus(503, '', 'x').isAllowed('/a')).toBe(false);
  });
});
