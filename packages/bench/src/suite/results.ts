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
