// The `songnodes` command line: every command, its options and their checks, and nothing else. Each
// action loads its own module when it runs (`import()`), so `songnodes --help` loads only commander and
// the list of settings, `songnodes export` never loads Fastify or the graph engine, and a start-up is
// paid for by the command that needs it.
import { CONFIG_VARIABLES } from '@songnodes/server/config';
// The roles table only (no database, no argon2): `--help` stays light.
import { ROLES } from '@songnodes/services/auth/access';
import { Argument, Command, type Command as CommandType, Option } from 'commander';
import { collect, decimal, LIMITS, whole } from './args.ts';
import { run, setUsageLine, USAGE_EXIT } from './errors.ts';

/** An action whose module is loaded only when the command runs. */
const lazy =
  <A extends unknown[]>(load: () => Promise<(...args: A) => Promise<unknown>>) =>
  (...args: A) =>
    run(async () => (await load())(...args));

const between = (r: { min: number; max: number }) => whole(r.min, r.max);
const range = (r: { min: number; max: number }) => decimal(r.min, r.max);

/** `songnodes dedupe run`: the full name of a command, for its usage line. */
function fullName(c: CommandType): string {
  const names: string[] = [];
  for (let x: CommandType | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

export function buildProgram(): Command {
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
    .action(lazy(async () => (await import('./commands/serve.ts')).serve.bind(null, 'start')));
  program
    .command('api')
    .description('run the HTTP API and web app only (scale-out role; does not migrate)')
    .action(lazy(async () => (await import('./commands/serve.ts')).serve.bind(null, 'api')));
  program
    .command('worker')
    .description('run the job worker only, with health and metrics endpoints (scale-out role)')
    .action(lazy(async () => (await import('./commands/serve.ts')).serve.bind(null, 'worker')));
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(lazy(async () => (await import('./commands/migrate.ts')).migrateCommand));
  program
    .command('demo')
    .description('load the demo data (generated, deterministic) into the database')
    .option('--sets <n>', 'number of sets', whole(1))
    .option('--seed <n>', 'generator seed', whole())
    .option('--reset', 'remove the demo sets first, then load them again')
    .action(lazy(async () => (await import('./commands/demo.ts')).demoCommand));
  program
    .command('generate')
    .description('write synthetic DJ sets as NDJSON (our own set format)')
    .requiredOption('--sets <n>', 'number of sets', whole(1))
    .option('--seed <n>', 'generator seed', whole(), 1)
    .option('--out <file>', 'write to a file instead of stdout')
    .action(lazy(async () => (await import('@songnodes/generator')).runGenerate));
  program
    .command('import')
    .description('import tracklists from a file, a folder, or - (stdin); then dedupe the new tracks')
    .argument('<path>', 'file, folder or -')
    .option('--format <format>', 'force the format instead of detecting it (see docs/formats.md)')
    .option('--source <name>', 'source name for sets that do not name one')
    .option('--no-dedupe', 'do not compare the new tracks with their near-duplicates afterwards')
    .option('--json', 'print the summary as JSON')
    .action(
      lazy(async () => {
        const { importCommand } = await import('./commands/import.ts');
        return (path: string, o: object) => importCommand({ path, ...o });
      }),
    );

  const dedupe = program.command('dedupe').description('near-duplicate tracks: find, review, merge, split');
  dedupe
    .command('run')
    .description('merge sure near-duplicates, list unsure ones for review (new tracks since the last run)')
    .option('--all', 'look at every track, not only new ones')
    .option('--restart', 'start over instead of going on from where a stopped run stopped')
    .option('--json', 'print the summary as JSON')
    .action(lazy(async () => (await import('./commands/dedupe.ts')).dedupeRunCommand));
  dedupe
    .command('list')
    .description('open review candidates, most likely first')
    .option('--limit <n>', 'at most this many', between(LIMITS.listLimit), 100)
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/dedupe.ts')).dedupeListCommand));
  dedupe
    .command('merge')
    .description('fold track <mergedId> into track <keptId> (provenance kept; undo with split)')
    .argument('<keptId>')
    .argument('<mergedId>')
    .action(lazy(async () => (await import('./commands/dedupe.ts')).dedupeMergeCommand));
  dedupe
    .command('split')
    .description('undo a merge exactly')
    .argument('<mergeId>')
    .action(lazy(async () => (await import('./commands/dedupe.ts')).dedupeSplitCommand));
  dedupe
    .command('reject')
    .description('mark a review candidate as two different tracks')
    .argument('<trackId>')
    .argument('<candidateId>')
    .action(lazy(async () => (await import('./commands/dedupe.ts')).dedupeRejectCommand));
  dedupe
    .command('merges')
    .description('merges, newest first (automatic ones included; each undone with split)')
    .option('--limit <n>', 'at most this many', between(LIMITS.listLimit), 100)
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/dedupe.ts')).dedupeMergesCommand));

  const artist = program
    .command('artist')
    .description('artists: find one, set its aliases, merge two into one');
  artist
    .command('find')
    .description('artists whose name or an alias contains <name>, with their ids')
    .argument('<name>')
    .option('--limit <n>', 'at most this many', between(LIMITS.listLimit), 20)
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/artist.ts')).artistFindCommand));
  artist
    .command('aliases')
    .description('print the aliases of artist <id>, or replace them with the names given')
    .argument('<id>')
    .argument('[alias...]')
    .option('--clear', 'remove every alias')
    .action(lazy(async () => (await import('./commands/artist.ts')).artistAliasesCommand));
  artist
    .command('merge')
    .description(
      'fold artist <mergedId> into artist <keptId> (not reversible: the merged name becomes an alias)',
    )
    .argument('<keptId>')
    .argument('<mergedId>')
    .action(lazy(async () => (await import('./commands/artist.ts')).artistMergeCommand));

  const user = program
    .command('user')
    .description('accounts: create (the first admin too), list, change a role');
  const role = () => new Option('--role <role>', 'role of the account (default: user)').choices(ROLES);
  user
    .command('create')
    .description('create an account; the password comes from SONGNODES_PASSWORD or is asked for (not echoed)')
    .requiredOption('--email <email>', 'email to sign in with')
    .addOption(role())
    .option('--admin', 'make it an administrator (same as --role admin)')
    .option('--name <name>', 'display name')
    .option('--json', 'print the account as JSON')
    .action(lazy(async () => (await import('./commands/user.ts')).userCreateCommand));
  user
    .command('list')
    .description('every account with its role')
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await import('./commands/user.ts')).userListCommand));
  user
    .command('set-role')
    .description("change an account's role")
    .argument('<email>')
    .addArgument(new Argument('<role>', 'new role').choices(ROLES))
    .action(lazy(async () => (await import('./commands/user.ts')).userSetRoleCommand));

  program
    .command('export')
    .description('write set entries, sets, tracks or transitions as NDJSON or CSV (streamed)')
    .argument('<what>', 'entries, sets, tracks or transitions')
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'csv']).default('ndjson'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--batch <n>', 'rows per database page', whole(1), 5000)
    .action(
      lazy(async () => {
        const { exportCommand } = await import('./commands/export.ts');
        return (what: string, o: object) => exportCommand({ what, ...o });
      }),
    );

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
    .action(
      lazy(async () => {
        const { scrapeCommand } = await import('./commands/scrape.ts');
        return (what: string, o: { json?: boolean }) => scrapeCommand({ what, ...o });
      }),
    );

  const target = program
    .command('target')
    .description("your target tracks (the local owner's list): tracks the sources are searched for sets of");
  const targets = () => import('./commands/target.ts');
  target
    .command('list')
    .description('the target tracks, newest first, each with what its last search found')
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await targets()).targetListCommand));
  target
    .command('add')
    .description('add a track of the graph by id, or "Artist - Title" (a listed track again changes nothing)')
    .argument('<track...>', 'track id or "Artist - Title"')
    .action(lazy(async () => (await targets()).targetAddCommand));
  target
    .command('remove')
    .description('remove target <id> from the list')
    .argument('<id>')
    .action(lazy(async () => (await targets()).targetRemoveCommand));
  target
    .command('search')
    .description('queue a search of the sources for every target, or those named, for the job worker')
    .argument('[id...]', 'target ids (default: all)')
    .addOption(new Option('--priority <p>', 'queue priority').choices(['high', 'normal', 'low']))
    .option('--json', 'print the queued tasks as JSON')
    .action(lazy(async () => (await targets()).targetSearchCommand));

  const graph = () => import('./commands/graph.ts');
  const harmonic = () =>
    new Option(
      '--harmonic <rule>',
      'harmonic rule, each allowing what the ones before do: same, adjacent, relative, energy_boost, any',
    );
  program
    .command('neighbours')
    .description('what DJs play before and after a track (id or "Artist - Title")')
    .argument('<track>', 'track id or "Artist - Title"')
    .addOption(
      new Option('--direction <d>', 'out = played after, in = played before')
        .choices(['in', 'out', 'both'])
        .default('both'),
    )
    .option('--hops <k>', 'hops from the track (1-3)', between(LIMITS.hops), 1)
    .option('--limit <n>', 'strongest transitions kept per track', between(LIMITS.neighbours), 25)
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await graph()).neighboursCommand));
  program
    .command('plan')
    .description('plan a set from one track to another that real DJs would recognise')
    .requiredOption('--from <track>', 'first track')
    .requiredOption('--to <track>', 'last track')
    .option('--via <track>', 'a track the set must pass through (repeatable, in order)', collect)
    .option('--length <n>', 'tracks in the set, counting start and end (2-100)', between(LIMITS.planLength))
    .option('--minutes <m>', 'set duration instead of --length', range(LIMITS.planMinutes))
    .option(
      '--max-bpm-change <percent>',
      'largest tempo change per step, in percent of the tempo',
      range(LIMITS.bpmChangePercent),
    )
    .option('--half-double', 'allow half/double-time tempo matches')
    .addOption(harmonic())
    .addOption(
      new Option('--unknown-keys <how>', 'steps whose key is unknown: allow (flagged in the step) or refuse')
        .choices(['allow', 'refuse'])
        .default('allow'),
    )
    .addOption(
      new Option('--versions <how>', 'other versions of a track already in the set (remix, original, edit)')
        .choices(['avoid', 'allow'])
        .default('avoid'),
    )
    .addOption(
      new Option('--energy <curve>', 'tempo shape of the set').choices(['rising', 'falling', 'peak', 'flat']),
    )
    .option('--trust <t>', 'weight of observed transitions vs compatibility (0-1)', range({ min: 0, max: 1 }))
    .option('--no-bridges', 'only transitions DJs were seen playing')
    .option('--k <k>', 'how many different sets (1-5)', between(LIMITS.planAlternatives))
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await graph()).planCommand));
  program
    .command('next')
    .description('what to play after a track, ranked by evidence and compatibility')
    .argument('<track>', 'track id or "Artist - Title"')
    .option('--limit <n>', 'recommendations', between(LIMITS.recommendations), 20)
    .addOption(harmonic())
    .option(
      '--max-bpm-change <percent>',
      'largest tempo change, in percent of the tempo',
      range(LIMITS.bpmChangePercent),
    )
    .option('--no-bridges', 'only transitions DJs were seen playing')
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await graph()).nextCommand));
  program
    .command('communities')
    .description('find communities (Louvain), store them with a new graph version, print a summary')
    .option('--seed <n>', 'random seed (same seed and graph, same result)', whole())
    .option('--resolution <r>', 'higher gives more, smaller communities', range(LIMITS.resolution))
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await graph()).communitiesCommand));
  program
    .command('layout')
    .description('compute the ForceAtlas2 layout and store it (new tracks only, unless --full)')
    .option('--iterations <n>', 'ForceAtlas2 iterations', between(LIMITS.layoutIterations))
    .option('--full', 'lay out the whole graph again instead of placing new tracks')
    .option('--json', 'print as JSON')
    .action(lazy(async () => (await graph()).layoutCommand));

  usageErrors(program);
  return program;
}

/**
 * Wrong arguments and options, as commander finds them: `songnodes: <what is wrong>`, the usage line
 * of that command, exit 2, never a stack trace. Help and version exit 0 as usual.
 */
export function usageErrors(program: Command): void {
  const each = (c: CommandType) => {
    const usage = `${fullName(c)} ${c.usage()}`;
    c.exitOverride((err) => {
      if (err.exitCode === 0) process.exit(0);
      process.exit(USAGE_EXIT);
    });
    c.configureOutput({
      outputError: (text, write) =>
        write(`songnodes: ${text.replace(/^error: /, '').trimEnd()}\nusage: ${usage}\n`),
    });
    c.hook('preAction', () => setUsageLine(usage));
    for (const sub of c.commands) each(sub);
  };
  each(program);
}
