// The `songnodes` command: one program, several roles and tools. See README.md for the full list.

import { runGenerate } from '@songnodes/bench';
import { FORMAT_IDS } from '@songnodes/importers';
import { CONFIG_VARIABLES } from '@songnodes/server';
import { Command, Option } from 'commander';
import {
  dedupeListCommand,
  dedupeMergeCommand,
  dedupeMergesCommand,
  dedupeRejectCommand,
  dedupeRunCommand,
  dedupeSplitCommand,
} from './commands/dedupe.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { registerGraphCommands } from './commands/graph.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serve } from './commands/serve.ts';
import { run } from './errors.ts';

const int = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v)) throw new Error(`${name} must be a whole number, got "${v}"`);
  return Number(v);
};

const program = new Command('songnodes')
  .description('DJ tracklists and setlists as a graph of music')
  .addHelpText(
    'after',
    `\nConfiguration (environment variables, or a .env file):\n${Object.entries(CONFIG_VARIABLES)
      .map(([k, v]) => `  ${k.padEnd(20)} ${v}`)
      .join('\n')}\n`,
  );

program
  .command('start')
  .description(
    'run everything in one process: API, web app, job worker (embedded database unless DATABASE_URL)',
  )
  .action(() => run(() => serve('start')));
program
  .command('api')
  .description('run the HTTP API and web app only (scale-out role; does not migrate)')
  .action(() => run(() => serve('api')));
program
  .command('worker')
  .description('run the job worker only, with health and metrics endpoints (scale-out role)')
  .action(() => run(() => serve('worker')));
program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(() => run(migrateCommand));
program
  .command('demo')
  .description('load the demo data (generated, deterministic) into the database')
  .option('--sets <n>', 'number of sets', int('--sets'))
  .option('--seed <n>', 'generator seed', int('--seed'))
  .option('--reset', 'remove the demo sets first, then load them again')
  .action((o) => run(() => demoCommand(o)));
program
  .command('generate')
  .description('write synthetic DJ sets as NDJSON (our own set format)')
  .requiredOption('--sets <n>', 'number of sets', int('--sets'))
  .option('--seed <n>', 'generator seed', int('--seed'), 1)
  .option('--out <file>', 'write to a file instead of stdout')
  .action((o) => run(() => runGenerate(o)));
program
  .command('import')
  .description('import tracklists from a file, a folder, or - (stdin)')
  .argument('<path>', 'file, folder or -')
  .addOption(
    new Option('--format <format>', 'force the format instead of detecting it').choices([...FORMAT_IDS]),
  )
  .option('--source <name>', 'source name for sets that do not name one')
  .option('--json', 'print the summary as JSON')
  .action((path, o) => run(() => importCommand({ path, ...o })));

program
  .command('scrape')
  .description(
    'fetch tracklists politely from a source and import them (URL, <source>:<query>, target:<artist> - <title>)',
  )
  .argument(
    '<what>',
    'a page URL, or <source>:<query> such as mixesdb:category:2022, 1001tracklists:dj:<slug>, setlistfm:artist:<name>, reddit:r/<sub>',
  )
  .option('--json', 'print the result as JSON')
  // Loaded on use: the scrapers (undici, the HTTP client) stay out of every other command's start-up.
  .action((what, o) => run(async () => (await import('./commands/scrape.ts')).scrapeCommand({ what, ...o })));

const dedupe = program.command('dedupe').description('near-duplicate tracks: find, review, merge, split');
dedupe
  .command('run')
  .description('merge sure near-duplicates, list unsure ones for review (new tracks since the last run)')
  .option('--all', 'look at every track, not only new ones')
  .option('--json', 'print the summary as JSON')
  .action((o) => run(() => dedupeRunCommand(o)));
dedupe
  .command('list')
  .description('open review candidates, most likely first')
  .option('--limit <n>', 'at most this many', int('--limit'), 100)
  .option('--json', 'print as JSON')
  .action((o) => run(() => dedupeListCommand(o)));
dedupe
  .command('merge')
  .description('fold track <mergedId> into track <keptId> (provenance kept; undo with split)')
  .argument('<keptId>')
  .argument('<mergedId>')
  .action((kept, merged) => run(() => dedupeMergeCommand(kept, merged)));
dedupe
  .command('split')
  .description('undo a merge exactly')
  .argument('<mergeId>')
  .action((mergeId) => run(() => dedupeSplitCommand(mergeId)));
dedupe
  .command('reject')
  .description('mark a review candidate as two different tracks')
  .argument('<trackId>')
  .argument('<candidateId>')
  .action((a, b) => run(() => dedupeRejectCommand(a, b)));
dedupe
  .command('merges')
  .description('merges, newest first')
  .option('--limit <n>', 'at most this many', int('--limit'), 100)
  .option('--json', 'print as JSON')
  .action((o) => run(() => dedupeMergesCommand(o)));

program
  .command('export')
  .description('write set entries, sets, tracks or transitions as NDJSON or CSV (streamed)')
  .argument('<what>', 'entries, sets, tracks or transitions')
  .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'csv']).default('ndjson'))
  .option('--out <file>', 'write to a file instead of stdout')
  .option('--batch <n>', 'rows per database page', int('--batch'), 5000)
  .action((what, o) => run(() => exportCommand({ what, ...o })));

registerGraphCommands(program);

await program.parseAsync(process.argv);
