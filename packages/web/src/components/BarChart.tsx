// Horizontal bars for ranked counts: the label, the bar and the number, readable as a table too.
import { formatNumber } from '../format.ts';

export interface Bar {
  key: string;
  label: React.ReactNode;
  value: number;
  /** Said after the number: "12 plays", "3 DJs". */
  detail?: string;
}

export function BarChart({ bars, caption }: { bars: Bar[]; caption: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <table className="bar-chart">
      <caption>{caption}</caption>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row">{b.label}</th>
            <td className="bar-cell">
              <span className="bar" style={{ width: `${(100 * b.value) / max}%` }} />
            </td>
            <td className="num">
              {formatNumber(b.value)}
              {b.detail && <span className="muted small"> {b.detail}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
