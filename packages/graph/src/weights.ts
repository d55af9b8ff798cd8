// The one definition of weight in SongNodes. Every ranking, layout, community and planner step
// reads transition evidence through these functions, and higher evidence is always better:
// rankings sort by evidenceStrength descending; costs (planner) are lower for stronger evidence.

/**
 * Evidence strength of a transition A→B: log1p(count) · (1 + log1p(distinctDjs)).
 * - grows with the number of plays but with diminishing returns, so one DJ's personal history
 *   replaying a pair 50 times (log1p(50)·(1+log1p(1)) ≈ 6.6) ranks below 10 DJs playing it once
 *   each (log1p(10)·(1+log1p(10)) ≈ 8.2): agreement between DJs is the stronger signal;
 * - is 0 for an unobserved pair and strictly increasing in both arguments.
 */
export function evidenceStrength(count: number, distinctDjs: number): number {
  return Math.log1p(count) * (1 + Math.log1p(distinctDjs));
}

/** p(B|A) = count(A→B) / total out-count of A: how often DJs who played A went on to B. */
export function transitionProbability(count: number, outTotal: number): number {
  return outTotal > 0 ? count / outTotal : 0;
}

/** Planner evidence cost of an observed step: −log p(B|A). 0 when A is always followed by B. */
export function observedCost(count: number, outTotal: number): number {
  return -Math.log(transitionProbability(count, outTotal));
}

/**
 * Evidence cost of a bridge (a step nobody was seen playing): scored as half an observation,
 * Laplace-smoothed, −log(0.5 / (out(A) + 1)). It is always above the cost of every observed
 * transition out of A, so an observed transition is preferred over a bridge with the same compatibility.
 */
export function bridgeCost(outTotal: number): number {
  return Math.log(2 * (outTotal + 1));
}

/** Key part of the compatibility cost per unit of missing score (core's score: 1 same … 0 clash). */
export const KEY_COST = 2;
/** BPM part of the compatibility cost per percent of tempo change. */
export const BPM_COST_PER_PERCENT = 0.5;
/** Cost charged when a key or BPM is unknown: that of a half-compatible move, so known-compatible pairs win. */
export const UNKNOWN_KEY_COST = KEY_COST * 0.5;
export const UNKNOWN_BPM_COST = BPM_COST_PER_PERCENT * 2;

/** Compatibility cost of a step: (1 − keyScore)·KEY_COST + |ΔBPM%|·BPM_COST_PER_PERCENT; NaN inputs mean unknown. */
export function compatibilityCost(keyScore: number, bpmChangePercent: number): number {
  const k = Number.isNaN(keyScore) ? UNKNOWN_KEY_COST : (1 - keyScore) * KEY_COST;
  const b = Number.isNaN(bpmChangePercent)
    ? UNKNOWN_BPM_COST
    : Math.abs(bpmChangePercent) * BPM_COST_PER_PERCENT;
  return k + b;
}

/**
 * Planner cost of one step: trust · evidence cost + (1 − trust) · compatibility cost + penalties.
 * trust = 1 listens only to what DJs did; trust = 0 only to harmonic/tempo compatibility.
 */
export function stepCost(evidenceCost: number, compatCost: number, trust: number, penalties = 0): number {
  return trust * evidenceCost + (1 - trust) * compatCost + penalties;
}
