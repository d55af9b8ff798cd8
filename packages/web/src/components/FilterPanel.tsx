// The shared filters (kept in the URL by the view): BPM range, Camelot keys on a clickable wheel,
// genres, years, sources, and the minimum evidence a transition needs to be drawn.
import { useEffect, useId, useState } from 'react';
import { activeFilterCount, type Filters } from '../filters.ts';
import { CamelotWheel } from './CamelotWheel.tsx';

function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  step = 1,
}: {
  label: string;
  value: number | undefined;
  onCommit: (v: number | undefined) => void;
  min: number;
  max: number;
  step?: number;
}) {
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  useEffect(() => setDraft(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    const t = draft.trim();
    const n = Number(t);
    if (t === '') onCommit(undefined);
    else if (Number.isFinite(n) && n >= min && n <= max) onCommit(n);
    else setDraft(value === undefined ? '' : String(value));
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={draft}
        placeholder="any"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

function ListField({
  label,
  value,
  onCommit,
  hint,
}: {
  label: string;
  value: string[];
  onCommit: (v: string[]) => void;
  hint: string;
}) {
  const [draft, setDraft] = useState(value.join(', '));
  useEffect(() => setDraft(value.join(', ')), [value]);
  const commit = () =>
    onCommit(
      draft
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    );
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={draft}
        placeholder={hint}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

export function EvidenceSlider({
  value,
  onChange,
  max = 10,
}: {
  value: number;
  onChange: (v: number) => void;
  max?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        Minimum evidence: played together at least <strong>{value}×</strong>
      </label>
      <input
        id={id}
        type="range"
        min={1}
        max={max}
        step={1}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={`at least ${value} times`}
      />
    </div>
  );
}

export function FilterPanel({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const n = activeFilterCount(filters);
  return (
    <fieldset className="filters">
      <legend>Filters {n > 0 && <span className="badge">{n} on</span>}</legend>
      <EvidenceSlider
        value={filters.minCount ?? 1}
        onChange={(v) => set({ minCount: v <= 1 ? undefined : v })}
      />
      <div className="field-row">
        <NumberField
          label="BPM from"
          value={filters.bpmMin}
          min={0}
          max={1000}
          step={0.5}
          onCommit={(v) => set({ bpmMin: v })}
        />
        <NumberField
          label="BPM to"
          value={filters.bpmMax}
          min={0}
          max={1000}
          step={0.5}
          onCommit={(v) => set({ bpmMax: v })}
        />
      </div>
      <details className="key-picker" open={filters.keys.length > 0}>
        <summary>Keys: {filters.keys.length === 0 ? 'any' : filters.keys.join(', ')}</summary>
        <CamelotWheel
          label="Pick Camelot keys to keep"
          selected={filters.keys}
          onToggle={(k) =>
            set({
              keys: filters.keys.includes(k) ? filters.keys.filter((x) => x !== k) : [...filters.keys, k],
            })
          }
        />
      </details>
      <ListField
        label="Genres"
        hint="House, Techno"
        value={filters.genres}
        onCommit={(v) => set({ genres: v })}
      />
      <div className="field-row">
        <NumberField
          label="Year from"
          value={filters.yearFrom}
          min={1900}
          max={2100}
          onCommit={(v) => set({ yearFrom: v })}
        />
        <NumberField
          label="Year to"
          value={filters.yearTo}
          min={1900}
          max={2100}
          onCommit={(v) => set({ yearTo: v })}
        />
      </div>
      <NumberField
        label="Minimum DJs per transition"
        value={filters.minDjs}
        min={0}
        max={1000}
        onCommit={(v) => set({ minDjs: v })}
      />
      <ListField
        label="Sources"
        hint="demo, 1001tracklists"
        value={filters.sources}
        onCommit={(v) => set({ sources: v })}
      />
      {n > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ keys: [], genres: [], sources: [] })}
        >
          Clear all filters
        </button>
      )}
    </fieldset>
  );
}
