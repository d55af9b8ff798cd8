// The text alternative of a graph view: every track and every transition it draws, as tables.
// It is also the whole view where WebGL 2 is missing.
import { formatBpm, formatKey } from '../format.ts';
import { href } from '../router.ts';
import type { ViewGraph } from './model.ts';

export function GraphTable({ graph, onSelect }: { graph: ViewGraph; onSelect?: (id: number) => void }) {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const nodes = [...graph.nodes].sort((a, b) => (a.hop ?? 0) - (b.hop ?? 0) || b.plays - a.plays);
  const edges = [...graph.edges].sort((a, b) => b.evidence - a.evidence);
  return (
    <div className="graph-table">
      <table>
        <caption>
          {nodes.length} tracks{graph.center !== null ? ' (hop 0 is the centre)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Track</th>
            {graph.center !== null && (
              <th scope="col" className="num">
                Hop
              </th>
            )}
            <th scope="col" className="num">
              BPM
            </th>
            <th scope="col">Key</th>
            <th scope="col">Genre</th>
            <th scope="col" className="num">
              Plays
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id}>
              <td>
                <a href={href({ view: 'track', id: n.id })}>{n.label}</a>
                {onSelect && (
                  <button type="button" className="link-button small" onClick={() => onSelect(n.id)}>
                    select
                  </button>
                )}
              </td>
              {graph.center !== null && <td className="num">{n.hop}</td>}
              <td className="num">{formatBpm(n.bpm)}</td>
              <td>{formatKey(n.key)}</td>
              <td>{n.genre ?? 'unknown'}</td>
              <td className="num">{n.plays}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{edges.length} transitions, strongest evidence first</caption>
        <thead>
          <tr>
            <th scope="col">Played</th>
            <th scope="col">then</th>
            <th scope="col" className="num">
              Times
            </th>
            <th scope="col" className="num">
              DJs
            </th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={`${e.source}-${e.target}`}>
              <td>{label.get(e.source)}</td>
              <td>{label.get(e.target)}</td>
              <td className="num">{e.count}</td>
              <td className="num">{e.djs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
