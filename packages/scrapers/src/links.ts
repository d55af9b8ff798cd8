// Links of an HTML page, resolved against the page's URL (discovery on DJ pages and search results).
import { DomUtils, parseDocument } from 'htmlparser2';

export function pageLinks(html: string, base: string): URL[] {
  const dom = parseDocument(html);
  const out: URL[] = [];
  for (const a of DomUtils.getElementsByTagName('a', dom.children, true)) {
    const href = a.attribs.href;
    if (!href || href.startsWith('javascript:')) continue;
    try {
      const u = new URL(href, base);
      u.hash = '';
      out.push(u);
    } catch {
      // an unreadable href is not a link we could follow
    }
  }
  return out;
}

/** The page's "next page" link (`rel="next"` on a link or anchor), if any. */
export function nextPageLink(html: string, base: string): URL | null {
  const dom = parseDocument(html);
  const el = DomUtils.findOne(
    (e) =>
      (e.name === 'link' || e.name === 'a') &&
      /(^|\s)next(\s|$)/i.test(e.attribs.rel ?? '') &&
      !!e.attribs.href,
    dom.children,
    true,
  );
  if (!el) return null;
  try {
    return new URL(el.attribs.href!, base);
  } catch {
    return null;
  }
}
