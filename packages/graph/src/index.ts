// Public API of @songnodes/graph: the in-memory transition graph and its algorithms. Pure code
// over a GraphSnapshot (the db module loads one); no database access here. The service (src/service)
// runs the index against a GraphStore, which @songnodes/db implements.

export * from './artist-graph.ts';
export * from './communities.ts';
export * from './describe.ts';
export * from './filters.ts';
export { GraphIndex } from './graph-index.ts';
export { keyCode, keyName } from './keys.ts';
export * from './layout/circular.ts';
export { defaultSettings as forceAtlas2Settings } from './layout/forceatlas2.ts';
export * from './layout/hierarchical.ts';
export * from './layout/run-layout.ts';
export * from './neighbourhood.ts';
export * from './planner/constraints.ts';
export type { StepExplanation } from './planner/explain.ts';
export * from './planner/plan.ts';
export * from './planner/recommend.ts';
export type { RandomSnapshotOptions } from './random.ts';
export { randomSnapshot, seededRandom } from './random.ts';
export * from './rankings.ts';
export * from './records.ts';
export * from './service/graph-service.ts';
export * from './service/resolve.ts';
export * from './service/store.ts';
export * from './snapshot.ts';
export * from './subgraph.ts';
export * from './weights.ts';
