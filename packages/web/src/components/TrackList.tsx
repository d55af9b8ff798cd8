// A list of tracks with the facts a DJ scans for: name, BPM, key, and one number that says why it
// is listed (plays, evidence…). Used by the home page, the graph's list view and the artist page.
import type { TrackInfo, TrackNames } from '../api/types.ts';
import { camelotColour, textOn } from '../colours.ts';
import { formatBpm, formatKey, trackTitle } from '../format.ts';
import { href } from '../router.ts';

export interface TrackRow {
  info: Pick<TrackInfo, 'trackId' | 'bpm' | 'key'> & Partial<TrackInfo>;
  /** e.g. "21 plays" */
  why?: string;
}

export function KeyBadge({ k }: { k: string | null | undefined }) {
  if (!k) return <span className="key-badge unknown">key unknown</span>;
  return (
    <span className="key-badge" style={{ background: camelotColour(k), color: textOn(camelotColour(k)) }}>
      {formatKey(k)}
    </span>
  );
}

export function TrackList({
  rows,
  names,
  caption,
}: {
  rows: TrackRow[];
  names: TrackNames;
  caption: string;
}) {
  return (
    <table className="track-list">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Track</th>
          <th scope="col" className="num">
            BPM
          </th>
          <th scope="col">Key</th>
          {rows.some((r) => r.why) && <th scope="col">Why listed</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ info, why }) => (
          <tr key={info.trackId}>
            <td>
              <a href={href({ view: 'track', id: info.trackId })}>
                {trackTitle(names[info.trackId], info.trackId)}
              </a>
            </td>
            <td className={`num${info.bpm === null ? ' unknown' : ''}`}>{formatBpm(info.bpm)}</td>
            <td>
              <KeyBadge k={info.key} />
            </td>
            {why !== undefined && <td className="muted">{why}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
