// Public API of @songnodes/generator: synthetic DJ sets (the demo data, the benchmarks' data).
export { type GenerateArgs, parseGenerateArgs, runGenerate } from './cli.ts';
export {
  type GeneratedSet,
  type GenerateOptions,
  generateSets,
  generateSetsWithTruth,
  type SongnodesSetDocument,
} from './generate.ts';
export { type NdjsonSummary, writeNdjson } from './ndjson.ts';
export { DEFAULT_SCALE, type WorldScale } from './world.ts';
