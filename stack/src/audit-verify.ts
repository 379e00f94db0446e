import { verifyAllAuditLogs } from '@mappa/shared';
import type { AuditVerification, DatabaseConnection } from '@mappa/shared';
import { auditStorePresent } from './audit-verify.query';

/**
 * One line per log: its entry count (and where the chain starts once pruned for retention), and the
 * first bad entry when the chain is broken.
 */
export function describeVerification(result: AuditVerification): string {
  const from = result.firstRetainedSequence === undefined ? '' : ` from sequence ${result.firstRetainedSequence}`;
  const entries = `${result.log}: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}${from}`;
  if (result.intact) return `${entries}, intact`;
  if (result.problem === 'checkpoint')
    return `${entries}, BROKEN: the retention checkpoint at sequence ${result.firstBadSequence} was altered or removed entries younger than its retention`;
  return `${entries}, BROKEN: first ${result.problem} entry is sequence ${result.firstBadSequence}`;
}

/**
 * Verifies every audit chain in the database and writes one line per log. Returns the process exit
 * code: 0 when every chain is intact, 1 when any is broken.
 *
 * Read-only (issue 15): it needs no more than read rights on the audit schema, so an auditor's
 * account can run it. Everything is read in one read-only transaction, one consistent snapshot of
 * every log, and nothing is migrated or written: a database without an audit store verifies as "no
 * audit logs" and is left as it was.
 */
export async function runAuditVerify(connection: DatabaseConnection, write: (line: string) => void): Promise<number> {
  const results = await connection.database().transaction(
    async (tx) => {
      const present = await auditStorePresent(tx);
      return present ? verifyAllAuditLogs(tx) : [];
    },
    { accessMode: 'read only' },
  );
  if (results.length === 0) write('no audit logs in this database');
  for (const result of results) write(describeVerification(result));
  return results.every((result) => result.intact) ? 0 : 1;
}
