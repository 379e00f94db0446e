// `npm run audit:prune`: removes the audit entries older than each log's retention
// (AUDIT_RETENTION_YEARS, AUDIT_RETENTION_PER_LOG) on the embedded database or on DATABASE_URL.
// An explicit operator step: nothing else ever removes an audit entry.
import { auditRetentionOf, BATCH_JOB_DATABASE_TIMEOUTS, DatabaseConnection } from '@mappa/shared';
import { runAuditPrune } from './audit-prune';
import { loadStackConfig } from './config';
import { databaseLocation, describeLocation } from './database-location';
import { commandFailureText } from './command-failure';

async function main(): Promise<number> {
  const config = loadStackConfig();
  const retention = auditRetentionOf(config);
  const location = databaseLocation(config);
  const overrides = Object.entries(retention.perLog).map(([log, years]) => `, ${log} ${years}`);
  process.stderr.write(
    `Pruning audit logs in ${describeLocation(location)} (retention ${retention.defaultYears} years${overrides.join('')})\n`,
  );
  const connection = await DatabaseConnection.open(location, { poolSize: 2, timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  try {
    return await runAuditPrune(connection, retention, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await connection.close();
  }
}

void main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:prune failed: ${commandFailureText(error)}\n`);
    // 2, not 1: pruning could not run, which is not the same as a broken chain. Every batch is its
    // own transaction, so what was removed before the failure stays removed, and verifiable.
    process.exit(2);
  },
);
