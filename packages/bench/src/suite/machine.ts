// What the figures were measured on. Every result file carries it: a rate means nothing without the machine.
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface MachineDescription {
  cpu: string;
  /** Logical cores the OS reports. */
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  /** Server version of the PostgreSQL the suite measured, or null when it ran without one. */
  postgres: string | null;
  /** Version of the embedded engine (@electric-sql/pglite). */
  pglite: string | null;
  /** 1/5/15-minute load averages when the suite started: the machine is shared, so it tells how busy it was. */
  loadAverage: [number, number, number];
}

export function describeMachine(engines: {
  postgres: string | null;
  pglite: string | null;
}): MachineDescription {
  const list = cpus();
  const [l1 = 0, l5 = 0, l15 = 0] = loadavg();
  return {
    cpu: list[0]?.model.trim() || 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    os: `${process.platform} ${release()} ${process.arch}`,
    node: process.version,
    postgres: engines.postgres,
    pglite: engines.pglite,
    loadAverage: [round2(l1), round2(l5), round2(l15)],
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
