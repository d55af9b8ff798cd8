import { migrate, migrationStatus } from '@songnodes/db';
import { loadConfig, openForRole } from '@songnodes/server';

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const db = await openForRole(config, 'migrate');
  try {
    const ran = await migrate(db);
    const s = await migrationStatus(db);
    process.stdout.write(
      `${db.location}: ran ${ran} migration(s); schema up to date (${s.applied} applied)\n`,
    );
  } finally {
    await db.close();
  }
}
