// A small line chart of one value along a set (BPM per position). Unknown values leave a gap in
// the line instead of being drawn as something they are not.
const W = 320;
const H = 110;
const PAD = { l: 36, r: 8, t: 8, b: 20 };

export function Curve({ values, label, unit }: { values: (number | null)[]; label: string; unit: string }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return <p className="muted">{label}: unknown for every track.</p>;
  const lo = Math.floor(Math.min(...known) - 1);
  const hi = Math.ceil(Math.max(...known) + 1);
  const x = (i: number) => PAD.l + (values.length <= 1 ? 0 : (i * (W - PAD.l - PAD.r)) / (values.length - 1));
  const y = (v: number) => PAD.t + ((hi - v) * (H - PAD.t - PAD.b)) / (hi - lo);
  // Runs of known values, each drawn as its own line.
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push([x(i), y(v)]);
  });
  if (run.length) runs.push(run);
  const description = values.map((v, i) => `${i + 1}: ${v === null ? 'unknown' : v.toFixed(1)}`).join(', ');
  return (
    <figure className="curve">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label} by position: ${description}`}>
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="axis" />
        <text x={PAD.l - 4} y={y(hi) + 4} textAnchor="end" className="tick">
          {hi}
        </text>
        <text x={PAD.l - 4} y={y(lo)} textAnchor="end" className="tick">
          {lo}
        </text>
        <text x={W - PAD.r} y={H - 4} textAnchor="end" className="tick">
          position → ({unit})
        </text>
        {runs.map((r) => (
          <polyline
            key={r.map((p) => p.join()).join()}
            points={r.map((p) => p.join(',')).join(' ')}
            className="line"
          />
        ))}
        {values
          .map((v, i) => ({ v, i, position: i + 1 }))
          .map(({ v, i, position }) =>
            v === null ? (
              <text key={position} x={x(i)} y={H - PAD.b - 4} textAnchor="middle" className="tick unknown">
                ?
              </text>
            ) : (
              <circle key={position} cx={x(i)} cy={y(v)} r={3} className="dot" />
            ),
          )}
      </svg>
    </figure>
  );
}
