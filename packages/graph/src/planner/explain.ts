// Step explanations shared by the set planner and next-track recommendations: what evidence a
// step has (observed N times by M DJs, or a compatible bridge) and how key and tempo move.
import type { CamelotKey } from '@songnodes/core';
import { KEY_SCORES, keyCompatibility } from '@songnodes/core';
import { bpmValue } from '../describe.ts';
import type { GraphIndex } from '../graph-index.ts';
import { keyName } from '../keys.ts';
import { transitionProbability } from '../weights.ts';
import { tempoMove } from './constraints.ts';

export interface StepExplanation {
  from: number;
  to: number;
  kind: 'observed' | 'bridge';
  /** Observed steps: the transition's evidence. */
  count: number;
  sets: number;
  djs: number;
  probability: number;
  evidence: number;
  key: { from: string | null; to: string | null; relation: string | null; score: number | null };
  /** True when a harmonic rule applied and a key was unknown: the step was let through unchecked. */
  keyUnchecked: boolean;
  bpm: {
    from: number | null;
    to: number | null;
    changePercent: number | null;
    matchedAt: 'half' | 'double' | null;
  };
  text: string;
}

function relationName(a: CamelotKey, b: CamelotKey): { relation: string; score: number } {
  const c = keyCompatibility(a, b);
  const named = c.relations.find((r) => r !== 'any');
  return { relation: named ?? (c.score > 0 ? 'loose' : 'clash'), score: c.score };
}

/**
 * Explains the step u→v; e is the observed edge id or -1 for a bridge. `keyRule`: a harmonic rule
 * other than 'any' applies, so an unknown key is said to be unchecked.
 */
export function explainStep(
  g: GraphIndex,
  u: number,
  v: number,
  e: number,
  rules: { halfDouble: boolean; anyKey: boolean },
): StepExplanation {
  const halfDouble = rules.halfDouble;
  const ka = keyName(g.key[u]!);
  const kb = keyName(g.key[v]!);
  const rel = ka && kb ? relationName(ka, kb) : null;
  const m = tempoMove(g.bpm[u]!, g.bpm[v]!, halfDouble);
  const bpmA = bpmValue(g.bpm[u]!);
  const bpmB = bpmValue(g.bpm[v]!);
  const keyUnchecked = rel === null && !rules.anyKey;
  const keyText = rel
    ? `key ${ka}→${kb} (${rel.relation})`
    : keyUnchecked
      ? `key unknown (${ka ?? '?'}→${kb ?? '?'}): not checked against the harmonic rule`
      : 'key unknown';
  const bpmText = m
    ? `BPM ${bpmA}→${bpmB} (${m.percent >= 0 ? '+' : ''}${m.percent.toFixed(1)}%${m.ratio === 1 ? '' : m.ratio === 2 ? ', at double time' : ', at half time'})`
    : 'BPM unknown';
  const observed = e >= 0;
  const count = observed ? g.e.count[e]! : 0;
  const djs = observed ? g.e.djs[e]! : 0;
  const sets = observed ? g.e.sets[e]! : 0;
  const probability = observed ? transitionProbability(count, g.outTotal[u]!) : 0;
  const text = observed
    ? `observed ${count}× by ${djs} DJ${djs === 1 ? '' : 's'} in ${sets} set${sets === 1 ? '' : 's'} (p=${probability.toFixed(2)}); ${keyText}, ${bpmText}`
    : `bridge: not observed, ${rel === null || rel.score >= KEY_SCORES.diagonal ? 'compatible' : 'allowed by the rules'} — ${keyText}, ${bpmText}`;
  return {
    from: g.trackId[u]!,
    to: g.trackId[v]!,
    kind: observed ? 'observed' : 'bridge',
    count,
    sets,
    djs,
    probability,
    evidence: observed ? g.e.weight[e]! : 0,
    key: { from: ka, to: kb, relation: rel?.relation ?? null, score: rel?.score ?? null },
    keyUnchecked,
    bpm: {
      from: bpmA,
      to: bpmB,
      changePercent: m ? m.percent : null,
      matchedAt: m === null || m.ratio === 1 ? null : m.ratio === 2 ? 'double' : 'half',
    },
    text,
  };
}
