// Next-track recommendations: what to play after the current track, optionally only from a
// library, ranked by the planner's step cost (evidence and compatibility, weights.ts) and explained.
import { nodeOf } from '../describe.ts';
import type { GraphIndex } from '../graph-index.ts';
import { bridgesFor } from './bridges.ts';
import type { StepOptions } from './constraints.ts';
import { stepAllowed, stepRules } from './constraints.ts';
import { pairCost } from './cost.ts';
import type { StepExplanation } from './explain.ts';
import { explainStep } from './explain.ts';

export interface NextTrackQuery extends Omit<StepOptions, 'energy'> {
  trackId: number;
  /** Only recommend these tracks (e.g. an imported collection). */
  library?: number[];
  limit?: number;
}

export interface Recommendation extends StepExplanation {
  /** Planner cost of the step: lower is a better next track. */
  cost: number;
}

const BRIDGE_CANDIDATES = 20;

export function recommendNext(g: GraphIndex, q: NextTrackQuery): Recommendation[] {
  const u = nodeOf(g, q.trackId);
  const rules = stepRules(q);
  const library = q.library ? new Set(q.library.map((id) => g.indexOf(id)).filter((v) => v >= 0)) : null;
  const inLibrary = (v: number) => library === null || library.has(v);
  const found = new Map<number, number>();
  g.forEachOut(u, (v, e) => {
    if (v !== u && inLibrary(v) && stepAllowed(g, u, v, rules, false)) found.set(v, e);
  });
  if (rules.allowBridges) {
    const bridges = bridgesFor(g, library);
    for (const v of bridges.candidates(u, rules, BRIDGE_CANDIDATES, inLibrary))
      if (!found.has(v)) found.set(v, -1);
  }
  const recs = [...found].map(([v, e]) => ({
    ...explainStep(g, u, v, e, rules),
    cost: pairCost(g, u, v, e, rules),
  }));
  recs.sort((a, b) => a.cost - b.cost || b.evidence - a.evidence || a.to - b.to);
  return recs.slice(0, q.limit ?? 20);
}
