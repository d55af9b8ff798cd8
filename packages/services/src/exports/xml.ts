// XML text and attribute values, escaped once for every XML writer: track names hold `<`, `&` and
// quotes, and a stray control character would make the whole file unreadable to an XML parser.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** A value safe inside a double-quoted attribute or element text. */
export function xml(value: string | number): string {
  return (
    String(value)
      // XML 1.0 cannot hold these at all, even escaped: they are dropped.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      // Line breaks inside attributes would be normalised to spaces by readers: keep them as written.
      .replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? `&#${c.charCodeAt(0)};`)
  );
}

/** ` name="value"` for each defined value, in order; null and undefined leave the attribute out. */
export function attrs(values: Record<string, string | number | null | undefined>): string {
  let out = '';
  for (const [name, v] of Object.entries(values))
    if (v !== null && v !== undefined) out += ` ${name}="${xml(v)}"`;
  return out;
}
