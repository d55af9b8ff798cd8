// How each pasted line reads, as you type: number, cue time, artists, title, version, or unknown.
// It runs core's track-line parser — the one the import itself runs — so the preview and the
// import agree. Loaded only on the import page.
import { isUnknownText, parseTrackLine, splitArtistTitle } from '@songnodes/core';
import { useDeferredValue } from 'react';

/** At most this many lines are previewed; a whole library is better dropped as a file. */
const MAX_LINES = 300;

export interface LinePreview {
  line: number;
  raw: string;
  kind: 'track' | 'unknown' | 'layer' | 'not a track';
  number: number | null;
  cue: string | null;
  artists: string;
  title: string;
  version: string | null;
  notes: string[];
}

const clock = (s: number | null) =>
  s === null ? null : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** One row per non-empty line (1-based line numbers as in the text). */
export function previewLines(text: string): LinePreview[] {
  const rows: LinePreview[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || rows.length >= MAX_LINES) return;
    const p = parseTrackLine(raw);
    const t = p.track;
    // As the import reads pasted text: `Artist - Title` is a track (unknown when it names none, as
    // `ID - ID`); a numbered or timed line without one, or a bare `ID`/`?`, is an unknown entry;
    // anything else (headings, page text) is skipped.
    const bareUnknown = p.text !== '' && isUnknownText(p.text.replace(/\s*[[(].*$/, ''));
    const listed =
      splitArtistTitle(p.text) !== null ||
      p.number !== null ||
      p.cueSeconds !== null ||
      p.withPrevious ||
      bareUnknown;
    rows.push({
      line: i + 1,
      raw,
      kind: !listed ? 'not a track' : p.withPrevious ? 'layer' : t.unknown ? 'unknown' : 'track',
      number: p.number,
      cue: clock(p.cueSeconds),
      artists: t.credit || t.primaryArtists.join(', '),
      title: t.title,
      version: t.version,
      notes: [
        ...(t.featuredArtists.length > 0 ? [`feat. ${t.featuredArtists.join(', ')}`] : []),
        ...(t.remixers.length > 0 ? [`remix by ${t.remixers.join(', ')}`] : []),
        ...(p.label ? [`label ${p.label}`] : []),
        ...p.notes,
      ],
    });
  });
  return rows;
}

export default function ParsePreview({ text }: { text: string }) {
  // Typing stays responsive: the preview follows the text when the browser has time.
  const deferred = useDeferredValue(text);
  const rows = previewLines(deferred);
  if (rows.length === 0) return null;
  const counts = rows.reduce<Record<string, number>>((c, r) => {
    c[r.kind] = (c[r.kind] ?? 0) + 1;
    return c;
  }, {});
  return (
    <section className="parse-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        How the lines read{' '}
        <span className="muted small">
          {Object.entries(counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(' · ')}
        </span>
      </h2>
      <p className="muted small">
        Unknown tracks (ID – ID) are kept as unknown and break the chain of transitions; a w/ line rides on
        the track before it. The server may also recognise names it already knows as artists.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Reads as</th>
            <th scope="col">Artists</th>
            <th scope="col">Title</th>
            <th scope="col">Version</th>
            <th scope="col">Also</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} data-kind={r.kind}>
              <td className="num">{r.line}</td>
              <td>
                <span className={`pill kind-${r.kind.replace(/ /g, '-')}`}>{r.kind}</span>
                {r.cue && <span className="muted small"> at {r.cue}</span>}
              </td>
              <td>{r.artists || <span className="muted">—</span>}</td>
              <td>{r.title || <span className="muted">—</span>}</td>
              <td>
                {r.version ??
                  (r.kind === 'track' || r.kind === 'layer' ? <span className="muted">original</span> : '')}
              </td>
              <td className="muted small">{r.notes.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
