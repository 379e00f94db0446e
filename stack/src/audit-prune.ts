import { isAuditLogName, listAuditLogs, migrateAuditStore, pruneAuditLog } from '@mappa/shared';
import type { AuditPruneResult, AuditRetention, DatabaseConnection } from '@mappa/shared';
import { describeVerification } from './audit-verify';

/** One line per log: entries removed and where its chain now starts, or why nothing was removed. */
export function describePrune(result: AuditPruneResult): string {
  if (!result.pruned) return `${describeVerification(result.verification)}; nothing removed`;
  const removed = `${result.removed} ${result.removed === 1 ? 'entry' : 'entries'} removed`;
  return `${result.log}: ${removed} (retention ${result.retentionYears} years), first retained sequence ${result.firstRetainedSequence}`;
}

/**
 * Prunes every audit log in the database to its retention and writes one line per log. Returns
 * the process exit code: 0 when every log was pruned (or had nothing old enough), 1 when a chain
 * was broken and so left as it is.
 */
export async function runAuditPrune(
  connection: DatabaseConnection,
  retention: AuditRetention,
  write: (line: string) => void,
  options: { readonly batchSize?: number } = {},
): Promise<number> {
  // As for audit:verify: a database without audit tables has nothing to prune, and the
  // migrations only ever add.
  await migrateAuditStore(connection);
  const db = connection.database();
  const logs = await listAuditLogs(db);
  if (logs.length === 0) write('no audit logs in this database');
  let code = 0;
  for (const log of logs) {
    // A chain no writer uses has no retention of its own: keep it rather than guess one.
    if (!isAuditLogName(log)) {
      write(`${log}: not a known audit log; nothing removed`);
      continue;
    }
    const result = await pruneAuditLog(db, log, retention, options);
    write(describePrune(result));
    if (!result.pruned) code = 1;
  }
  return code;
}
