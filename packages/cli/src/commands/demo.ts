import { deleteSetsOfSource } from '@songnodes/db';
import { DEMO_SOURCE, importDemo } from '@songnodes/server';
import { loadConfig } from '@songnodes/server/config';
import { openCliDatabase } from '../database.ts';
import { progressLine } from '../progress.ts';
import { printSummary, progressText } from './import.ts';

/** Loads the demo data (again: `--reset` first removes the demo sets and their evidence). */
export async function demoCommand(args: { sets?: number; seed?: number; reset?: boolean }): Promise<number> {
  const config = loadConfig();
  const sets = args.sets ?? config.SONGNODES_DEMO_SETS;
  const seed = args.seed ?? config.SONGNODES_DEMO_SEED;
  const db = await openCliDatabase(config);
  try {
    if (args.reset) {
      const removed = await db.transaction((tx) => deleteSetsOfSource(tx, DEMO_SOURCE));
      process.stdout.write(`removed ${removed} demo sets\n`);
    }
    const bar = progressLine();
    const s = await importDemo(db, { sets, seed }, { onProgress: (p) => bar.update(progressText(p)) });
    bar.done();
    printSummary(s);
    return s.setsFailed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
