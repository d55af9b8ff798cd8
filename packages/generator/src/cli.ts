// `songnodes generate --sets N --seed S [--out FILE]`: generated sets as NDJSON to FILE or stdout.
// The CLI package wires runGenerate into the songnodes command; this file also runs on its own:
//   node packages/generator/src/cli.ts --sets 10 --seed 1 [--out sets.ndjson]

import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { writeNdjson } from './ndjson.ts';

export interface GenerateArgs {
  sets: number;
  seed: number;
  /** File to write; stdout when absent. */
  out?: string;
}

export async function runGenerate(args: GenerateArgs): Promise<void> {
  if (args.out === undefined) {
    await writeNdjson({ sets: args.sets, seed: args.seed }, process.stdout);
    return;
  }
  const file = createWriteStream(args.out);
  const summary = await writeNdjson({ sets: args.sets, seed: args.seed }, file);
  file.end();
  await finished(file);
  process.stderr.write(
    `generate: ${summary.sets} sets, ${summary.entries} entries, ${summary.bytes} bytes → ${args.out}\n`,
  );
}

/** Parses `--sets N --seed S [--out FILE]`, naming the option that is wrong. */
export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const { values } = parseArgs({
    args: argv,
    options: { sets: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const integer = (name: string, text: string | undefined, min: number): number => {
    if (text === undefined) throw new Error(`generate: --${name} is required`);
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min)
      throw new Error(`generate: --${name} must be an integer ≥ ${min}, got "${text}"`);
    return n;
  };
  const args: GenerateArgs = {
    sets: integer('sets', values.sets, 0),
    seed: integer('seed', values.seed, Number.MIN_SAFE_INTEGER),
  };
  if (values.out !== undefined) args.out = values.out;
  return args;
}

if (import.meta.main) {
  // A closed pipe (`… | head`) is a normal way to stop reading: end quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    await runGenerate(parseGenerateArgs(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
