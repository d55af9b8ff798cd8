// The shape of a result file (bench/results/<date>.json): what was measured, every run, and the machine.
import type { MachineDescription } from './machine.ts';

export type Profile = 'quick' | 'full';

/** One measured quantity, repeated `runs.length` times; `median` is what tables show. */
export interface Measurement {
  section: string;
  label: string;
  /** A short name for this measurement where another one is compared with it. */
  short?: string;
  unit: string;
  /** Whether more is better (rates) or worse (times, memory); decides how the ratio reads. */
  better: 'higher' | 'lower';
  runs: number[];
  median: number;
  /** The same-run baseline this is compared with, and median / baseline median. */
  baseline?: { label: string; ratio: number };
  target?: { value: number; met: boolean };
  /** Largest peak resident memory of the process over the runs. */
  peakRssBytes?: number;
  note?: string;
}

export interface SectionResult {
  id: string;
  title: string;
  measurements: Measurement[];
  /** Why something was skipped or is pending, and how it was measured. */
  notes: string[];
}

export interface BenchResults {
  format: 'songnodes.bench/v1';
  date: string;
  profile: Profile;
  startedAt: string;
  seconds: number;
  machine: MachineDescription;
  sections: SectionResult[];
  notes: string[];
}

/**
 * `base` with the sections of `again` (a partial run of the same profile) in place of their namesakes,
 * in `order`, and a note saying when and at which commit they were measured again.
 */
export function mergeSections(
  base: BenchResults,
  again: BenchResults,
  order: readonly string[],
): BenchResults {
  if (base.profile !== again.profile)
    throw new Error(`--merge: the result file is a ${base.profile} profile, this run is ${again.profile}`);
  const replaced = new Map(again.sections.map((s) => [s.id, s]));
  const ids = [...new Set([...base.sections.map((s) => s.id), ...replaced.keys()])];
  ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const sections = ids.map((id) => replaced.get(id) ?? base.sections.find((s) => s.id === id)!);
  const measuredAt = again.notes.find((n) => n.startsWith('measured the tree')) ?? '';
  return {
    ...base,
    sections,
    notes: [
      ...base.notes,
      `${[...replaced.keys()].join(', ')}: measured again on ${again.startedAt} (${(again.seconds / 60).toFixed(1)} min)${measuredAt ? `, ${measuredAt}` : ''}`,
    ],
  };
}
