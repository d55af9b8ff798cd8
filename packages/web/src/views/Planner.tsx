// The set planner: start, end and waypoints by search, length, harmonic rule, tempo change and a
// slider weighing real-set evidence against harmonic/tempo fit. The alternatives are shown side by
// side, each step graded and explained, with the BPM curve and the key path on the wheel.
import { useId, useState } from 'react';
import { getNext, getTrack, getTransition, listPlans, plan, savePlan } from '../api/client.ts';
import {
  HARMONIC_RULES,
  type HarmonicRule,
  type Plan,
  type PlannedSet,
  type PlanStep,
  type TrackNames,
} from '../api/types.ts';
import { CamelotWheel } from '../components/CamelotWheel.tsx';
import { Curve } from '../components/Curve.tsx';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { Empty, ErrorState, failureText, Loading, PermissionNote } from '../components/states.tsx';
import { KeyBadge } from '../components/TrackList.tsx';
import { formatBpm, formatPercentChange, trackTitle } from '../format.ts';
import {
  editedSteps,
  editFits,
  gradeStep,
  moveTrack,
  newPairs,
  orderCurves,
  ordersFromParams,
  ordersToParams,
  type PairEvidence,
  type PlannerState,
  pairKey,
  pinAt,
  plannerFromParams,
  plannerToParams,
  planRequest,
  setCurves,
  swapTrack,
  type TrackFacts,
  undescribed,
} from '../planner-state.ts';
import { href, navigate, type Place } from '../router.ts';
import { useCan } from '../session.ts';
import { useAsync } from '../use-async.ts';

const RULE_LABELS: Record<HarmonicRule, string> = {
  same: 'same key only',
  adjacent: '± 1 on the wheel',
  relative: '± 1 or relative major/minor',
  energy_boost: '… or +2 (energy boost)',
  any: 'any key',
};

function TrackPick({
  label,
  id,
  onPick,
  onClear,
}: {
  label: string;
  id: number | null;
  onPick: (id: number) => void;
  onClear: () => void;
}) {
  const name = useAsync(async () => (id === null ? null : getTrack(id)), [id]);
  return (
    <div className="field track-pick">
      <span>{label}</span>
      {id !== null ? (
        <p className="picked">
          <a href={href({ view: 'track', id })}>
            {name.status === 'ready' && name.data
              ? trackTitle(name.data)
              : name.status === 'error'
                ? `track #${id} (not found)`
                : `track #${id}`}
          </a>{' '}
          <button
            type="button"
            className="link-button"
            onClick={onClear}
            aria-label={`Clear ${label.toLowerCase()}`}
          >
            change
          </button>
        </p>
      ) : (
        <SearchBox
          label={`${label}: search a track`}
          placeholder="Search a track…"
          kinds={['Tracks']}
          onPick={({ route }) => route.view === 'track' && onPick(route.id)}
        />
      )}
    </div>
  );
}

function SaveSet({
  set,
  constraints,
  onSaved,
}: {
  set: PlannedSet;
  constraints: Record<string, unknown>;
  onSaved: () => void;
}) {
  const [name, setName] = useState(`Set of ${set.tracks.length}, ${new Date().toLocaleDateString('en')}`);
  const [saved, setSaved] = useState<{ id?: number; error?: string } | null>(null);
  const may = useCan('write:sets');
  const nameId = useId();
  return (
    <form
      className="save-set"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const p = await savePlan(name.trim() || 'Untitled set', set.tracks, constraints);
          setSaved({ id: p.id });
          onSaved();
        } catch (err) {
          setSaved({ error: failureText(err) });
        }
      }}
    >
      <label htmlFor={nameId} className="muted small">
        Save as
      </label>
      <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      <button type="submit" className="secondary small-button" disabled={!may}>
        Save
      </button>
      <PermissionNote permission="write:sets" doing="Saving a set" />
      {saved?.id !== undefined && (
        <span className="muted small" role="status">
          saved (#{saved.id})
        </span>
      )}
      {saved?.error && (
        <span className="error small" role="alert">
          {saved.error}
        </span>
      )}
    </form>
  );
}

function SavedSets({ version }: { version: number }) {
  const plans = useAsync(() => listPlans(), [version]);
  if (plans.status === 'error') return <ErrorState error={plans.error} retry={plans.reload} />;
  if (!plans.data || plans.data.items.length === 0) return null;
  return (
    <section className="saved-sets" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Saved sets</h2>
      <ul>
        {plans.data.items.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>{' '}
            <span className="muted small">
              {p.trackIds.length} tracks · {new Date(p.createdAt).toLocaleDateString('en')}
            </span>
            <ExportMenu
              label="Export"
              formats={['rekordbox', 'traktor', 'm3u8', 'csv']}
              request={(format) => ({ kind: 'plan', format, planId: p.id })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Pin a track (it becomes a waypoint and the set is planned again through it), or swap it in
 * place for one of the tracks that could follow the one before.
 */
function StepActions({
  previous,
  inSet,
  rules,
  pinned,
  onPin,
  onUnpin,
  onSwap,
}: {
  previous: number;
  /** Tracks already in the set: not offered as a swap. */
  inSet: readonly number[];
  rules: Pick<PlannerState, 'harmonic' | 'maxBpmChange' | 'trust'>;
  pinned: boolean;
  onPin: () => void;
  onUnpin: () => void;
  onSwap: (track: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const next = useAsync(
    async () => (open ? getNext(previous, { ...rules, limit: 8 }) : null),
    [open, previous, rules.harmonic, rules.maxBpmChange, rules.trust],
  );
  const options = next.data?.recommendations.filter((r) => !inSet.includes(r.to)) ?? [];
  return (
    <div className="step-actions">
      {pinned ? (
        <button type="button" className="link-button small" onClick={onUnpin}>
          unpin
        </button>
      ) : (
        <button
          type="button"
          className="link-button small"
          onClick={onPin}
          title="Keep this track: the set is planned again through it (a waypoint)"
        >
          pin
        </button>
      )}
      <button
        type="button"
        className="link-button small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        swap…
      </button>
      {open && (
        <div className="swap-list">
          {next.status === 'loading' && <span className="muted small">Finding what could follow…</span>}
          {next.status === 'error' && <ErrorState error={next.error} retry={next.reload} />}
          {/* Only once this list's answer is in (the closed list's empty answer is not it). */}
          {next.status === 'ready' && next.data && options.length === 0 && (
            <span className="muted small">Nothing else fits after the previous track under these rules.</span>
          )}
          {options.length > 0 && (
            <ul>
              {options.map((r) => (
                <li key={r.to}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setOpen(false);
                      onSwap(r.to);
                    }}
                  >
                    {trackTitle(next.data!.tracks[r.to], r.to)}
                  </button>{' '}
                  <span className="muted small">{r.text}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The track pages of tracks no step describes (swapped in): their BPM, key and name. A track that
 * cannot be read stays unknown.
 */
function useTrackPages(ids: number[]) {
  return useAsync(async () => {
    const pages = await Promise.all(ids.map((t) => getTrack(t).catch(() => null)));
    const facts = new Map<number, TrackFacts>();
    const names: TrackNames = {};
    pages.forEach((p, i) => {
      if (!p) return;
      facts.set(ids[i]!, { bpm: p.bpm, key: p.key });
      names[ids[i]!] = {
        trackId: p.id,
        artist: p.artist,
        title: p.title,
        version: p.version,
        mergedInto: p.mergedInto,
      };
    });
    return { facts, names };
  }, [ids.join()]);
}

/** The evidence of the pairs an edited order has that no known step describes. */
function usePairEvidence(pairs: [number, number][]) {
  const key = JSON.stringify(pairs);
  return useAsync(async () => {
    const found = await Promise.all(pairs.map(([a, b]) => getTransition(a, b)));
    return new Map<string, PairEvidence>(pairs.map(([a, b], i) => [pairKey(a, b), found[i]!]));
  }, [key]);
}

function SetColumn({
  set,
  index,
  result,
  constraints,
  onSaved,
  rules,
  via,
  order,
  onOrder,
  onPin,
  onUnpin,
}: {
  set: PlannedSet;
  index: number;
  result: Plan;
  constraints: Record<string, unknown>;
  onSaved: () => void;
  rules: Pick<PlannerState, 'harmonic' | 'maxBpmChange' | 'trust' | 'halfDoubleTime'>;
  /** The waypoints: their tracks show as pinned. */
  via: readonly number[];
  /** The user's own order of this set (dragged, moved or swapped; kept in the URL), null while it is the planner's. */
  order: number[] | null;
  onOrder: (order: number[] | null) => void;
  /** Makes `track` a waypoint at this position of `order`; the plan is made again through it. */
  onPin: (order: number[], position: number, track: number) => void;
  onUnpin: (track: number) => void;
}) {
  const [dragging, setDragging] = useState<number | null>(null);
  const tracks = order ?? set.tracks;
  const pending = order ? newPairs(tracks, set.steps) : [];
  const evidence = usePairEvidence(pending);
  const fromPages = order ? undescribed(tracks, set.steps) : [];
  const pages = useTrackPages(fromPages);
  const more = pages.data?.facts;
  // Until their track pages are read, those tracks' BPM and key are not known to be unknown.
  const reading = new Set(pages.status === 'ready' ? [] : fromPages);
  const steps: (PlanStep | null)[] = order
    ? editedSteps(tracks, set.steps, evidence.data ?? new Map(), rules.halfDoubleTime, more).map((st) =>
        st && (reading.has(st.from) || reading.has(st.to)) ? null : st,
      )
    : set.steps;
  const curves = order ? orderCurves(tracks, set.steps, more) : setCurves(set);
  const names = { ...result.tracks, ...pages.data?.names };
  const seen = steps.filter((s) => s !== null && s.kind === 'observed').length;
  const movable = (i: number) => i > 0 && i < tracks.length - 1;
  const move = (from: number, to: number) => {
    const next = moveTrack(tracks, from, to);
    onOrder(next.join() === set.tracks.join() ? null : next);
  };
  return (
    <section
      className="plan-column"
      aria-labelledby={`alt-${index}`}
      data-alternative={index}
      data-edited={order ? 'true' : undefined}
    >
      <h2 id={`alt-${index}`}>
        {index === 0 ? 'Best set' : `Alternative ${index}`}
        {order ? ', your order' : ''}{' '}
        <span className="muted small">
          {seen} of {steps.length} steps seen in real sets
          {!order && set.totals.bridges > 0
            ? `, ${set.totals.bridges} bridge${set.totals.bridges > 1 ? 's' : ''}`
            : ''}
        </span>
      </h2>
      {order && (
        <p className="edited-note small">
          You changed the order: steps the planner did not choose are graded from what DJs played.{' '}
          <button type="button" className="link-button" onClick={() => onOrder(null)}>
            back to the planner's order
          </button>
        </p>
      )}
      <p className="muted small">Drag a track (or use ↑ ↓) to reorder; the first and last stay in place.</p>
      <ol className="plan-steps">
        {tracks.map((t, i) => {
          const step = i > 0 ? steps[i - 1] : undefined;
          const g = step ? gradeStep(step) : null;
          const title = trackTitle(names[t], t);
          return (
            <li
              // A track is in a set once (swapTrack keeps it so).
              key={t}
              className={`${g ? `grade-${g.grade}` : 'grade-start'}${dragging === i ? ' dragging' : ''}`}
              data-track={t}
              draggable={movable(i)}
              onDragStart={(e) => {
                e.dataTransfer.setData('text/plain', String(i));
                e.dataTransfer.effectAllowed = 'move';
                setDragging(i);
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => {
                if (movable(i)) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(null);
                move(Number(e.dataTransfer.getData('text/plain')), i);
              }}
            >
              {i > 0 && step === null && (
                <p className="step muted">
                  {evidence.status === 'error' ? failureText(evidence.error) : 'checking what DJs played…'}
                </p>
              )}
              {g && step && (
                <p className="step" title={step.text}>
                  <span className={`grade grade-${g.grade}`}>
                    {g.grade === 'bridge'
                      ? 'bridge'
                      : g.grade === 'strong'
                        ? 'strong'
                        : g.grade === 'unseen'
                          ? 'unseen'
                          : 'seen'}
                  </span>{' '}
                  {g.label}; key {step.key.relation ?? 'unknown'}
                  {step.bpm.changePercent !== null
                    ? `, tempo ${formatPercentChange(step.bpm.changePercent)}`
                    : ', tempo change unknown'}
                  {g.clash && <strong className="warn"> — keys clash</strong>}
                </p>
              )}
              <p className="plan-track">
                <span className="pos">{i + 1}</span>
                <a href={href({ view: 'track', id: t })}>{title}</a>
                {via.includes(t) && <span className="pill small">pinned</span>}
                <span className="muted">
                  {reading.has(t) ? (
                    'reading its BPM and key…'
                  ) : (
                    <>
                      {formatBpm(curves.bpm[i] ?? null)} BPM <KeyBadge k={curves.key[i] ?? null} />
                    </>
                  )}
                </span>
                {movable(i) && (
                  <span className="move-buttons">
                    <button
                      type="button"
                      className="link-button small"
                      disabled={!movable(i - 1)}
                      onClick={() => move(i, i - 1)}
                      aria-label={`Move ${title} earlier`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="link-button small"
                      disabled={!movable(i + 1)}
                      onClick={() => move(i, i + 1)}
                      aria-label={`Move ${title} later`}
                    >
                      ↓
                    </button>
                  </span>
                )}
              </p>
              {movable(i) && (
                <StepActions
                  previous={tracks[i - 1]!}
                  inSet={tracks}
                  rules={rules}
                  pinned={via.includes(t)}
                  onPin={() => onPin(tracks, i, t)}
                  onUnpin={() => onUnpin(t)}
                  onSwap={(track) => onOrder(swapTrack(tracks, i, track))}
                />
              )}
            </li>
          );
        })}
      </ol>
      <SaveSet set={{ ...set, tracks }} constraints={constraints} onSaved={onSaved} />
      <ExportMenu
        label="Export this set"
        formats={['rekordbox', 'traktor', 'm3u8', 'csv', 'json']}
        request={(format) => ({
          kind: 'plan',
          format,
          plan: {
            tracks,
            name: `SongNodes set ${index === 0 ? '' : `(alternative ${index}) `}${tracks.length} tracks`,
          },
        })}
      />
      <div className="plan-curves">
        <Curve values={curves.bpm} label="BPM" unit="BPM" />
        <CamelotWheel
          label={`Key path: ${curves.key.map((k) => k ?? 'unknown').join(' → ')}`}
          path={curves.key}
        />
      </div>
    </section>
  );
}

export function PlannerView({ place }: { place: Place }) {
  const state = plannerFromParams(place.params);
  const req = planRequest(state);
  const trustId = useId();
  // A change to the request drops the edited orders (plannerToParams does not carry them).
  const update = (patch: Partial<PlannerState>) =>
    navigate(place.route, plannerToParams({ ...state, ...patch }), true);
  const orders = ordersFromParams(place.params);
  const setOrder = (index: number, order: number[] | null) => {
    const next = new Map(orders);
    if (order) next.set(index, order);
    else next.delete(index);
    navigate(place.route, { ...plannerToParams(state), ...ordersToParams(next) }, true);
  };
  const result = useAsync(async () => ('request' in req ? plan(req.request) : null), [JSON.stringify(req)]);
  const [savedVersion, setSavedVersion] = useState(0);
  // What made the set, stored with it so a saved set says how it was planned.
  const constraints = 'request' in req ? { ...req.request } : {};

  return (
    <div className="planner">
      <aside className="planner-controls" aria-label="What the set should be">
        <h1>Plan a set</h1>
        <TrackPick
          label="First track"
          id={state.from}
          onPick={(id) => update({ from: id })}
          onClear={() => update({ from: null })}
        />
        {state.via
          .map((v, i) => ({ v, i, n: i + 1 }))
          .map(({ v, i, n }) => (
            <TrackPick
              key={n}
              label={`Waypoint ${i + 1}`}
              id={v}
              onPick={() => {}}
              onClear={() => update({ via: state.via.filter((_, j) => j !== i) })}
            />
          ))}
        <details className="add-waypoint">
          <summary>Add a waypoint</summary>
          <SearchBox
            label="Waypoint: search a track"
            placeholder="Search a track…"
            kinds={['Tracks']}
            onPick={({ route }) => route.view === 'track' && update({ via: [...state.via, route.id] })}
          />
        </details>
        <TrackPick
          label="Last track"
          id={state.to}
          onPick={(id) => update({ to: id })}
          onClear={() => update({ to: null })}
        />
        <div className="field-row">
          <label className="field">
            <span>Tracks in the set</span>
            <input
              type="number"
              min={2}
              max={100}
              value={state.length}
              onChange={(e) => Number(e.target.value) >= 2 && update({ length: Number(e.target.value) })}
            />
          </label>
          <label className="field">
            <span>Largest tempo change per step (%)</span>
            <input
              type="number"
              min={0.5}
              max={100}
              step={0.5}
              value={state.maxBpmChange}
              onChange={(e) => Number(e.target.value) > 0 && update({ maxBpmChange: Number(e.target.value) })}
            />
          </label>
        </div>
        <label className="field">
          <span>Harmonic rule</span>
          <select
            value={state.harmonic}
            onChange={(e) => update({ harmonic: e.target.value as HarmonicRule })}
          >
            {HARMONIC_RULES.map((r) => (
              <option key={r} value={r}>
                {RULE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label htmlFor={trustId}>
            Weigh: <strong>{Math.round(state.trust * 100)}%</strong> what DJs played,{' '}
            {Math.round((1 - state.trust) * 100)}% harmonic and tempo fit
          </label>
          <input
            id={trustId}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={state.trust}
            onChange={(e) => update({ trust: Number(e.target.value) })}
          />
          <span className="range-ends muted">
            <span>fit only</span>
            <span>evidence only</span>
          </span>
        </div>
        <label className="field">
          <span>Tempo shape (BPM stands in for energy)</span>
          <select
            value={state.energy ?? ''}
            onChange={(e) => update({ energy: (e.target.value || null) as PlannerState['energy'] })}
          >
            <option value="">no preference</option>
            <option value="rising">rising</option>
            <option value="falling">falling</option>
            <option value="peak">up to a peak, then down</option>
            <option value="flat">flat</option>
          </select>
        </label>
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={state.halfDoubleTime}
            onChange={(e) => update({ halfDoubleTime: e.target.checked })}
          />
          <span>Match at half or double tempo (87 → 174)</span>
        </label>
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={state.allowBridges}
            onChange={(e) => update({ allowBridges: e.target.checked })}
          />
          <span>Allow compatible steps nobody has played yet</span>
        </label>
        <label className="field">
          <span>Alternatives</span>
          <select value={state.k} onChange={(e) => update({ k: Number(e.target.value) })}>
            {[1, 2, 3, 4, 5].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <SavedSets version={savedVersion} />
      </aside>
      <section className="planner-result" aria-live="polite" aria-label="Planned sets">
        {'missing' in req && (
          <Empty title="Pick where the set starts and ends">
            <p>{req.missing} Search by artist or title; the planner finds a path real DJs would recognise.</p>
          </Empty>
        )}
        {result.status === 'loading' && 'request' in req && <Loading what="the planned set" />}
        {result.status === 'error' && <ErrorState error={result.error} retry={result.reload} />}
        {result.status === 'ready' && result.data && result.data.sets.length === 0 && (
          <Empty title="No set fits these rules">
            {result.data.blocked ? (
              <>
                <p>
                  It breaks between{' '}
                  <strong>
                    {trackTitle(
                      result.data.tracks[result.data.blocked.gap.from],
                      result.data.blocked.gap.from,
                    )}
                  </strong>{' '}
                  and{' '}
                  <strong>
                    {trackTitle(result.data.tracks[result.data.blocked.gap.to], result.data.blocked.gap.to)}
                  </strong>
                  .
                </p>
                {result.data.blocked.changes.length > 0 ? (
                  <>
                    <p>Any one of these changes would make a set possible, the cheapest first:</p>
                    <ul className="changes">
                      {result.data.blocked.changes.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>
                    No single change of the rules helps: try a different length
                    {state.via.length > 0 ? ' or drop a waypoint' : ''}, or other tracks.
                  </p>
                )}
              </>
            ) : (
              <p>
                Loosen the harmonic rule, allow a larger tempo change
                {state.via.length > 0 ? ', change the length, or drop a waypoint' : ', or change the length'}.
              </p>
            )}
          </Empty>
        )}
        {result.status === 'ready' &&
          result.data &&
          [...orders].some(
            ([i, o]) => !result.data!.sets[i] || editFits(o, result.data!.sets[i]!) !== null,
          ) && (
            <ul className="problems" role="status">
              {[...orders].map(([i, o]) => {
                const set = result.data!.sets[i];
                const why = set ? editFits(o, set) : 'The plan has no such alternative now.';
                return why ? (
                  <li key={i}>
                    {why} Showing the planner's order of {i === 0 ? 'the best set' : `alternative ${i}`}.
                  </li>
                ) : null;
              })}
            </ul>
          )}
        {result.status === 'ready' && result.data && result.data.sets.length > 0 && (
          <div className="plan-columns">
            {result.data.sets.map((s, i) => (
              <SetColumn
                key={s.tracks.join('-')}
                set={s}
                index={i}
                result={result.data!}
                constraints={constraints}
                onSaved={() => setSavedVersion((v) => v + 1)}
                rules={state}
                via={state.via}
                order={orders.has(i) && editFits(orders.get(i)!, s) === null ? orders.get(i)! : null}
                onOrder={(order) => setOrder(i, order)}
                onPin={(order, position, track) => update({ via: pinAt(state.via, order, position, track) })}
                onUnpin={(track) => update({ via: state.via.filter((v) => v !== track) })}
              />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
