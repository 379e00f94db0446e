// `npm run audit:verify`: checks every audit chain on the embedded database or on DATABASE_URL and
// exits non-zero when any chain is broken.
import { BATCH_JOB_DATABASE_TIMEOUTS, DatabaseConnection } from '@mappa/shared';
import { runAuditVerify } from './audit-verify';
import { loadStackConfig } from './config';
import { databaseLocation, describeLocation } from './database-location';
import { commandFailureText } from './command-failure';

/** The database could not be reached: nothing was verified (exit 2, as for any check that could not run). */
class CannotConnectError extends Error {
  override readonly name = 'CannotConnectError';
}

async function main(): Promise<number> {
  const location = databaseLocation(loadStackConfig());
  process.stderr.write(`Verifying audit chains in ${describeLocation(location)}\n`);
  // A tool, not a service: a long chain may take longer to read than any request should, so no
  // statement bound; connecting stays bounded, so an unreachable server is reported, not waited on.
  const connection = await DatabaseConnection.open(location, { poolSize: 2, timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  try {
    if (!(await connection.isReachable()))
      throw new CannotConnectError(`cannot connect to the ${describeLocation(location)}; nothing was verified`);
    return await runAuditVerify(connection, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await connection.close();
  }
}

void main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${commandFailureText(error)}\n`);
    // 2, not 1: the check could not run, which is not the same as a broken chain.
    process.exit(2);
  },
);
