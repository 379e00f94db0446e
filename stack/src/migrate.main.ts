// `node stack/dist/migrate.main.js`: applies every agency's migrations and the audit store's to
// DATABASE_URL, then exits. A deployment runs it once before the services start (deploy/compose.yaml's
// `migrate`), so several replicas starting together never race to apply the same migration.
import { createLogger, DatabaseConnection, migrateAgencies } from '@mappa/shared';
import { loadStackConfig } from './config';
import { databaseLocation, describeLocation } from './database-location';
import { AGENCIES } from './subgraphs';
import { commandFailureText } from './command-failure';

async function main(): Promise<void> {
  const config = loadStackConfig();
  const log = createLogger('migrate', config.LOG_LEVEL);
  const location = databaseLocation(config);
  const connection = await DatabaseConnection.open(location, { poolSize: 1 });
  try {
    await migrateAgencies(connection, AGENCIES);
    log.info({ database: describeLocation(location) }, 'every agency and the audit store migrated');
  } finally {
    await connection.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${commandFailureText(error)}\n`);
  process.exit(1);
});
