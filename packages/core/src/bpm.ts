// Tempo: parsing BPM values as sources write them, the valid range, and half/double-time relations.

export const BPM_MIN = 50;
export const BPM_MAX = 300;

/**
 * BPM from a number or a string (`128`, `"128.00"`, `"128 BPM"`, `"127,5"`). Null when absent,
 * unreadable or outside 50–300 (a BPM of 0 is how many tools say "not analysed").
 */
export function parseBpm(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  let value: number;
  if (typeof input === 'number') value = input;
  else {
    const m = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:bpm)?\s*$/i.exec(input);
    if (!m) return null;
    value = Number(m[1]!.replace(',', '.'));
  }
  return isValidBpm(value) ? value : null;
}

export function isValidBpm(value: number): boolean {
  return Number.isFinite(value) && value >= BPM_MIN && value <= BPM_MAX;
}

/**
 * The factor that best relates b to a when half/double time is allowed: 1, 2 (b played at double
 * time, e.g. 87 → 174) or 0.5. Without allowHalfDouble it is always 1.
 */
export function bpmRatio(a: number, b: number, options: { allowHalfDouble?: boolean } = {}): number {
  if (!options.allowHalfDouble) return 1;
  let best = 1;
  for (const ratio of [0.5, 2]) {
    if (Math.abs(b / ratio - a) < Math.abs(b / best - a)) best = ratio;
  }
  return best;
}

/**
 * Percent tempo change needed to go from a to b (positive = faster), after the half/double-time
 * adjustment when it is allowed: 128 → 130 is +1.56 %, 87 → 174 with half/double is 0 %.
 */
export function bpmChangePercent(a: number, b: number, options: { allowHalfDouble?: boolean } = {}): number {
  const ratio = bpmRatio(a, b, options);
  return ((b / ratio - a) / a) * 100;
}
