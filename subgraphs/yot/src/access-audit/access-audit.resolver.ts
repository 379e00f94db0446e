import { and, eq, exists } from 'drizzle-orm';
import { accessAuditResolver } from '@mappa/shared';
import { yotPolicies } from '../yot.policies';
import { youthCaseTable } from '../youth-case/youth-case.table';

/** `yotAccessAudit`: who accessed the youth offending team's records about a subject, from its own audit log (`yot`). */
export const YotAccessAuditResolver = accessAuditResolver({
  log: 'yot',
  queryPolicy: yotPolicies.accessAudit,
  entryPolicy: yotPolicies.accessAuditEntry,
  // Principle 7 with the youth offending team's own facts: the CT marker its row scope uses.
  counterTerrorismRestricted: (db, pncId) =>
    exists(db.select({ pncId: youthCaseTable.pncId }).from(youthCaseTable).where(and(eq(youthCaseTable.pncId, pncId), eq(youthCaseTable.counterTerrorismRestricted, true)))),
});
