// The Camelot wheel: minor keys (A) on the inner ring, major keys (B) on the outer, 12 at the top.
// It shows a track's key, picks keys for a filter (each segment is a checkbox), and traces a
// planned set's path from key to key.
import { camelotColour, textOn } from '../colours.ts';

const SIZE = 220;
const C = SIZE / 2;
const RINGS = { A: [38, 70], B: [72, 104] } as const;

function polar(r: number, angle: number) {
  return [C + r * Math.sin(angle), C - r * Math.cos(angle)] as const;
}

function segment(hour: number, ring: 'A' | 'B'): string {
  const [r0, r1] = RINGS[ring];
  const a0 = ((hour - 0.5) * Math.PI) / 6;
  const a1 = ((hour + 0.5) * Math.PI) / 6;
  const [x0, y0] = polar(r1, a0);
  const [x1, y1] = polar(r1, a1);
  const [x2, y2] = polar(r0, a1);
  const [x3, y3] = polar(r0, a0);
  return `M${x0},${y0} A${r1},${r1} 0 0 1 ${x1},${y1} L${x2},${y2} A${r0},${r0} 0 0 0 ${x3},${y3} Z`;
}

export function keyCentre(key: string): readonly [number, number] | null {
  const m = /^(1[0-2]|[1-9])([AB])$/.exec(key);
  if (!m) return null;
  const [r0, r1] = RINGS[m[2] as 'A' | 'B'];
  return polar((r0 + r1) / 2, (Number(m[1]) * Math.PI) / 6);
}

export function CamelotWheel({
  selected = [],
  onToggle,
  path,
  label,
}: {
  selected?: readonly string[];
  /** Makes the wheel a key picker. */
  onToggle?: (key: string) => void;
  /** Keys in order, drawn as a line from segment to segment. */
  path?: readonly (string | null)[];
  label: string;
}) {
  const active = new Set(selected);
  const any = active.size > 0 || (path?.length ?? 0) > 0;
  const points = (path ?? []).map((k) => (k ? keyCentre(k) : null));
  return (
    <svg
      className="camelot-wheel"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role={onToggle ? 'group' : 'img'}
      aria-label={label}
    >
      {(['B', 'A'] as const).map((ring) =>
        Array.from({ length: 12 }, (_, i) => {
          const hour = i + 1;
          const key = `${hour}${ring}`;
          const on = active.has(key) || (path?.includes(key) ?? false);
          const [tx, ty] = keyCentre(key)!;
          const interactive = onToggle
            ? {
                role: 'checkbox',
                tabIndex: 0,
                'aria-checked': active.has(key),
                'aria-label': `key ${key}`,
                onClick: () => onToggle(key),
                onKeyDown: (e: React.KeyboardEvent) => {
                  if (e.key === ' ' || e.key === 'Enter') {
                    e.preventDefault();
                    onToggle(key);
                  }
                },
              }
            : {};
          return (
            <g key={key} className={`wheel-segment${on ? ' on' : ''}`} {...interactive}>
              <path
                d={segment(hour, ring)}
                fill={camelotColour(key)}
                opacity={!any || on ? 1 : 0.28}
                stroke="var(--bg)"
                strokeWidth={on ? 2.5 : 1}
              />
              <text
                x={tx}
                y={ty}
                textAnchor="middle"
                dominantBaseline="central"
                className="wheel-label"
                fill={!any || on ? textOn(camelotColour(key)) : 'var(--text)'}
              >
                {key}
              </text>
            </g>
          );
        }),
      )}
      {/* A line per pair of consecutive known keys: an unknown key breaks the path, as in the graph. */}
      {points
        .map((p, n) => ({ p, q: n > 0 ? points[n - 1] : null, step: n + 1 }))
        .map(({ p, q, step }) =>
          p && q ? <line key={step} className="wheel-path" x1={q[0]} y1={q[1]} x2={p[0]} y2={p[1]} /> : null,
        )}
      {points
        .map((p, i) => ({ p, i, stop: i + 1 }))
        .map(({ p, i, stop }) =>
          p ? (
            <circle
              key={stop}
              cx={p[0]}
              cy={p[1]}
              r={i === 0 || i === points.length - 1 ? 5 : 3}
              className="wheel-stop"
            />
          ) : null,
        )}
    </svg>
  );
}
