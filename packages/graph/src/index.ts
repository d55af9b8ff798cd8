// Public API of @songnodes/graph: the in-memory transition graph and its algorithms. Pure code
// over a GraphSnapshot (the db module loads one); no database access here.
export * from './snapshot.ts';
export * from './records.ts';
export * from './weights.ts';
export { keyCode, keyName } from './keys.ts';
export { GraphIndex } from './graph-index.ts';
export * from './filters.ts';
export * from './describe.ts';
export * from './neighbourhood.ts';
export * from './rankings.ts';
export { seededRandom, randomSnapshot } from './random.ts';
export type { RandomSnapshotOptions } from './random.ts';
export * from './planner/constraints.ts';
export * from './planner/plan.ts';
export * from './planner/recommend.ts';
export type { StepExplanation } from './planner/explain.ts';
