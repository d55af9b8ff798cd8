import type { Legend as LegendData } from '../colours.ts';
import { formatNumber } from '../format.ts';

/** Says what the node colours mean, and how many tracks on screen have each. */
export function Legend({ legend, extra }: { legend: LegendData; extra?: React.ReactNode }) {
  return (
    <figure className="legend" aria-label={legend.title}>
      <figcaption>{legend.title}</figcaption>
      <details open>
        <summary className="muted small">{legend.entries.length} colours</summary>
        {legend.note && <p className="legend-note">{legend.note}</p>}
        <ul>
          {legend.entries.map((e) => (
            <li key={e.label}>
              <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
              {e.label} <span className="muted">({formatNumber(e.count)})</span>
            </li>
          ))}
        </ul>
      </details>
      {extra}
    </figure>
  );
}
