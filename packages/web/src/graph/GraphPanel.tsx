// A graph with everything around it: legend, the WebGL view (sigma.js, loaded on demand), the
// side panel of the selected track, and the text alternative. Where WebGL 2 is missing it says so
// and shows the list instead — never a blank canvas.
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { type ColourBy, colourScale } from '../colours.ts';
import { Legend } from '../components/Legend.tsx';
import { Empty, Loading } from '../components/states.tsx';
import { KeyBadge } from '../components/TrackList.tsx';
import { download } from '../download.ts';
import { evidenceText, formatBpm, plural } from '../format.ts';
import { href } from '../router.ts';
import type { Theme } from '../theme.ts';
import { GraphTable } from './GraphTable.tsx';
import { neighboursOf, type ViewGraph } from './model.ts';
import type { GraphHandle } from './SigmaGraph.tsx';
import { hasWebGL2 } from './webgl.ts';

const SigmaGraph = lazy(() => import('./SigmaGraph.tsx'));

function SidePanel({
  graph,
  id,
  onClose,
  onCentre,
}: {
  graph: ViewGraph;
  id: number;
  onClose: () => void;
  onCentre?: (id: number) => void;
}) {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return null;
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const { in: before, out: after } = neighboursOf(graph, id);
  const list = (edges: typeof before, other: (e: (typeof before)[number]) => number) =>
    edges.length === 0 ? (
      <p className="muted">none in this view</p>
    ) : (
      <ol>
        {edges.slice(0, 6).map((e) => (
          <li key={`${e.source}-${e.target}`}>
            <a href={href({ view: 'track', id: other(e) })}>{label.get(other(e))}</a>{' '}
            <span className="muted">{evidenceText(e.count, e.djs)}</span>
          </li>
        ))}
      </ol>
    );
  return (
    <aside className="side-panel" aria-label="Selected track" data-selected={id}>
      <button type="button" className="close" onClick={onClose} aria-label="Close the panel">
        ×
      </button>
      <h2>{node.label}</h2>
      <dl className="facts">
        <dt>BPM</dt>
        <dd>{formatBpm(node.bpm)}</dd>
        <dt>Key</dt>
        <dd>
          <KeyBadge k={node.key} />
        </dd>
        <dt>Genre</dt>
        <dd>{node.genre ?? 'unknown'}</dd>
        <dt>Plays</dt>
        <dd>{plural(node.plays, 'play')}</dd>
      </dl>
      <h3>Played after it</h3>
      {list(after, (e) => e.target)}
      <h3>Played before it</h3>
      {list(before, (e) => e.source)}
      <p className="actions">
        <a className="button" href={href({ view: 'track', id })}>
          Track page
        </a>
        {onCentre && graph.center !== id && (
          <button type="button" onClick={() => onCentre(id)}>
            Centre here
          </button>
        )}
        <a className="button secondary" href={href({ view: 'plan' }, { from: String(id) })}>
          Plan from here
        </a>
      </p>
    </aside>
  );
}

export function GraphPanel({
  graph,
  colourBy,
  theme,
  caption,
  onCentre,
  legendExtra,
  encoding = 'Arrow: played right after. Width: evidence. Size: plays.',
}: {
  graph: ViewGraph;
  colourBy: ColourBy;
  theme: Theme;
  /** What the view shows, in words (also the start of the text alternative). */
  caption: string;
  onCentre?: (id: number) => void;
  legendExtra?: React.ReactNode;
  /** What arrows, widths and sizes mean in this view. */
  encoding?: string;
}) {
  const [selected, setSelected] = useState<number | null>(null);
  const drawn = useRef<GraphHandle | null>(null);
  const surface = () =>
    getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#ffffff';
  const savePng = () => {
    const url = drawn.current?.toPng(surface());
    if (url) download(url, 'songnodes-graph.png');
  };
  const saveSvg = () => {
    const svg = drawn.current?.toSvg(surface());
    if (!svg) return;
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    download(url, 'songnodes-graph.svg');
    // The download has started from the link; the blob can go after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const scale = useMemo(() => colourScale(colourBy, graph.nodes), [colourBy, graph]);
  const webgl = hasWebGL2();
  if (graph.nodes.length === 0)
    return (
      <Empty title="Nothing to draw">
        <p>No tracks or transitions pass these filters. Lower the minimum evidence or widen the filters.</p>
      </Empty>
    );
  return (
    <div className="graph-panel">
      <div className="graph-caption-row">
        <p className="graph-caption" id="graph-caption">
          {caption}
        </p>
        {webgl && (
          <>
            <button type="button" className="secondary small-button" onClick={savePng}>
              Save view as PNG
            </button>
            <button type="button" className="secondary small-button" onClick={saveSvg}>
              Save view as SVG
            </button>
          </>
        )}
      </div>
      <div className="graph-stage">
        {webgl ? (
          <Suspense fallback={<Loading what="the graph renderer" />}>
            <SigmaGraph
              onReady={(h) => {
                drawn.current = h;
              }}
              graph={graph}
              colourOf={scale.colourOf}
              selected={selected}
              onSelect={setSelected}
              theme={theme}
            />
          </Suspense>
        ) : (
          <div className="state state-error" role="alert" data-state="no-webgl">
            <strong>This browser cannot draw the graph (WebGL 2 is not available).</strong>
            <p>Here is what the graph holds, as a list.</p>
          </div>
        )}
        <Legend
          legend={scale.legend}
          extra={
            <>
              <p className="legend-note">{encoding}</p>
              {legendExtra}
            </>
          }
        />
        {selected !== null && (
          <SidePanel graph={graph} id={selected} onClose={() => setSelected(null)} onCentre={onCentre} />
        )}
      </div>
      {webgl ? (
        <details className="graph-text">
          <summary>What the graph shows, as text</summary>
          <GraphTable graph={graph} onSelect={setSelected} />
        </details>
      ) : (
        <GraphTable graph={graph} onSelect={setSelected} />
      )}
    </div>
  );
}
