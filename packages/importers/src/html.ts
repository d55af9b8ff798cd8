// Small DOM helpers over htmlparser2 for the saved-page readers. Pages are read whole (they are
// small), with a cap so that a huge or endless "page" is refused instead of filling memory.
import type { AnyNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';

export const MAX_PAGE_CHARS = 32 * 1024 * 1024;

export class PageTooLargeError extends Error {}

export async function readWhole(text: AsyncIterable<string>, cap = MAX_PAGE_CHARS): Promise<string> {
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of text) {
    size += chunk.length;
    if (size > cap) throw new PageTooLargeError(`page is larger than ${cap} characters`);
    parts.push(chunk);
  }
  return parts.join('');
}

/** Parsed page; scripts and styles stay inert nodes: nothing is ever executed or interpreted as markup. */
export function parsePage(html: string): AnyNode[] {
  return parseDocument(html, { withStartIndices: true }).children;
}

export function elements(nodes: AnyNode[] | AnyNode, test: (el: Element) => boolean): Element[] {
  return DomUtils.findAll(test, Array.isArray(nodes) ? nodes : [nodes]);
}

export function first(nodes: AnyNode[] | AnyNode, test: (el: Element) => boolean): Element | null {
  return DomUtils.findOne(test, Array.isArray(nodes) ? nodes : [nodes]);
}

export function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

/** Visible text of a node, whitespace collapsed. Entities are decoded; tags inside names stay text. */
export function textOf(node: AnyNode | AnyNode[]): string {
  return DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
}

/** 1-based line of an element in the page (for issues). */
export function lineOf(html: string, el: Element): number | undefined {
  if (el.startIndex == null) return undefined;
  let n = 1;
  for (let i = html.indexOf('\n'); i !== -1 && i < el.startIndex; i = html.indexOf('\n', i + 1)) n++;
  return n;
}
