// Public API of @songnodes/bench: the synthetic data generator (also the source of the demo data).
export { type GenerateArgs, parseGenerateArgs, runGenerate } from './generator/cli.ts';
export {
  type GeneratedSet,
  type GenerateOptions,
  generateSets,
  generateSetsWithTruth,
  type SongnodesSetDocument,
} from './generator/generate.ts';
export { type NdjsonSummary, writeNdjson } from './generator/ndjson.ts';
export { DEFAULT_SCALE, type WorldScale } from './generator/world.ts';
