// `songnodes artist …`: find an artist's id, replace its aliases, merge two records of one artist. The
// changes go through the API's ArtistService (same checks, same audit entries, same graph-change event
// on the bus the servers listen to), acting as the person at the terminal.
import type { Database } from '@songnodes/db';
import { loadConfig } from '@songnodes/server/config';
import { ArtistService } from '@songnodes/services/artist-service';
import { AuditService } from '@songnodes/services/auth/audit-service';
import { CatalogService } from '@songnodes/services/catalog-service';
import { ServiceError } from '@songnodes/services/errors';
import { openEventBus } from '@songnodes/services/open-event-bus';
import { withDatabase } from '../database.ts';
import { UsageError } from '../errors.ts';
import { cliPrincipal } from '../principal.ts';
import { parseId } from './dedupe.ts';

interface Services {
  artists: ArtistService;
  catalog: CatalogService;
}

async function withArtists<T>(body: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  return withDatabase(async (db: Database) => {
    const bus = await openEventBus({ db, redisUrl: config.REDIS_URL, redisPassword: config.REDIS_PASSWORD });
    try {
      return await body({
        artists: new ArtistService({ db, bus, audit: new AuditService({ db }) }),
        catalog: new CatalogService({ db, bus }),
      });
    } catch (e) {
      // A refused change (no such artist, an alias that is someone else's) is the user's to fix: one line.
      if (e instanceof ServiceError) throw new UsageError(e.message);
      throw e;
    } finally {
      await bus.close();
    }
  });
}

/** `artist find <name>`: artists whose name or an alias contains the text, with their ids. */
export async function artistFindCommand(name: string, o: { json?: boolean; limit: number }): Promise<void> {
  const page = await withArtists(({ catalog }) =>
    catalog.listArtists({ name }, { limit: o.limit }, cliPrincipal()),
  );
  if (o.json) {
    process.stdout.write(`${JSON.stringify(page.items)}\n`);
    return;
  }
  if (page.items.length === 0) process.stdout.write(`no artist named like "${name}"\n`);
  for (const a of page.items)
    process.stdout.write(`#${a.id} ${a.name} (${a.tracks} tracks, ${a.performed} sets performed)\n`);
}

/** `artist aliases <id> [alias…]`: with aliases, replaces them; `--clear` removes all; else prints them. */
export async function artistAliasesCommand(
  id: string,
  aliases: string[],
  o: { clear?: boolean },
): Promise<void> {
  const artistId = parseId('id', id);
  if (o.clear && aliases.length > 0) throw new UsageError('give aliases or --clear, not both');
  const r = await withArtists(async ({ artists, catalog }) => {
    if (aliases.length > 0 || o.clear) return artists.setAliases(artistId, aliases, cliPrincipal());
    const a = await catalog.getArtist(artistId, cliPrincipal());
    return { id: a.id, aliases: a.aliases };
  });
  process.stdout.write(
    r.aliases.length === 0 ? `artist ${r.id} has no aliases\n` : `${r.aliases.join('\n')}\n`,
  );
}

/** `artist merge <keptId> <mergedId>`: not reversible, so it says what moved. */
export async function artistMergeCommand(kept: string, merged: string): Promise<void> {
  const keptId = parseId('keptId', kept);
  const mergedId = parseId('mergedId', merged);
  const r = await withArtists(({ artists }) => artists.merge(keptId, mergedId, cliPrincipal()));
  process.stdout.write(
    `artist ${mergedId} merged into ${keptId}: ${r.tracks} tracks and ${r.sets} sets moved, ` +
      `${r.transitions} transitions recounted; the merged name is now an alias\n`,
  );
}
