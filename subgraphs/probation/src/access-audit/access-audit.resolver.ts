import { and, eq, exists } from 'drizzle-orm';
import { accessAuditResolver } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import { probationCaseTable } from '../case/probation-case.table';

/** `probationAccessAudit`: who accessed probation's records about a subject, from its own audit log (`probation`). */
export const ProbationAccessAuditResolver = accessAuditResolver({
  log: 'probation',
  queryPolicy: probationPolicies.accessAudit,
  entryPolicy: probationPolicies.accessAuditEntry,
  // Principle 7 with probation's own facts: the CT marker its row scope uses.
  counterTerrorismRestricted: (db, pncId) =>
    exists(db.select({ pncId: probationCaseTable.pncId }).from(probationCaseTable).where(and(eq(probationCaseTable.pncId, pncId), eq(probationCaseTable.counterTerrorismRestricted, true)))),
});
