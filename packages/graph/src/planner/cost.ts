// The planner cost of one step u→v, before position-dependent penalties: weights.ts's stepCost of
// the evidence (observed edge e, or a bridge when e < 0) and the key/tempo compatibility.
import type { GraphIndex } from '../graph-index.ts';
import { keyScore } from '../keys.ts';
import { bridgeCost, compatibilityCost, observedCost, stepCost } from '../weights.ts';
import type { StepRules, TempoMove } from './constraints.ts';
import { tempoMove } from './constraints.ts';

export function pairCost(
  g: GraphIndex,
  u: number,
  v: number,
  e: number,
  rules: StepRules,
  penalties: (m: TempoMove | null) => number = () => 0,
): number {
  const m = tempoMove(g.bpm[u]!, g.bpm[v]!, rules.halfDouble);
  const compat = compatibilityCost(keyScore(g.key[u]!, g.key[v]!), m === null ? Number.NaN : m.percent);
  const evidence = e >= 0 ? observedCost(g.e.count[e]!, g.outTotal[u]!) : bridgeCost(g.outTotal[u]!);
  return stepCost(evidence, compat, rules.trust, penalties(m));
}
