// `npm run seed -- --offenders N --seed S [--as-of YYYY-MM-DD]`: replaces every agency's data with a
// deterministic synthetic dataset, on the embedded database or on DATABASE_URL.
import { parseArgs } from 'node:util';
import { BATCH_JOB_DATABASE_TIMEOUTS, DatabaseConnection, DEFAULT_AS_OF, migrateAgencies, seedAgencies } from '@mappa/shared';
import { z } from 'zod';
import { loadStackConfig } from './config';
import { databaseLocation, describeLocation } from './database-location';
import { progressBar } from './progress-bar';
import { AGENCIES } from './subgraphs';
import { commandFailureText } from './command-failure';

const argumentsSchema = z.object({
  offenders: z.coerce.number().int().min(1).max(2_000_000).default(2_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  'as-of': z.iso.date().default(DEFAULT_AS_OF),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { offenders: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' } },
    strict: true,
  });
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(`invalid arguments: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const { offenders, seed } = parsed.data;
  const location = databaseLocation(loadStackConfig());
  process.stderr.write(
    `Seeding ${offenders.toLocaleString('en-GB')} synthetic offenders (seed ${seed}) into ${describeLocation(location)}\n`,
  );
  const connection = await DatabaseConnection.open(location, { poolSize: 2 * AGENCIES.length + 2, timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  try {
    await migrateAgencies(connection, AGENCIES);
    const started = Date.now();
    await seedAgencies(connection, AGENCIES, { offenders, seed, asOf: parsed.data['as-of'] }, progressBar(offenders, 'offenders'));
    process.stderr.write(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await connection.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${commandFailureText(error)}\n`);
  process.exit(1);
});
