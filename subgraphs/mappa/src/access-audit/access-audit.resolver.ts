import { and, eq, exists } from 'drizzle-orm';
import { accessAuditResolver } from '@mappa/shared';
import { mappaPolicies } from '../mappa.policies';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';

/** `mappaAccessAudit`: who accessed the MAPPA unit's records about a subject, from its own audit log (`mappa`). */
export const MappaAccessAuditResolver = accessAuditResolver({
  log: 'mappa',
  queryPolicy: mappaPolicies.accessAudit,
  entryPolicy: mappaPolicies.accessAuditEntry,
  // Principle 7 with the MAPPA unit's own facts: the CT marker its row scope uses.
  counterTerrorismRestricted: (db, pncId) =>
    exists(db.select({ pncId: mappaCaseTable.pncId }).from(mappaCaseTable).where(and(eq(mappaCaseTable.pncId, pncId), eq(mappaCaseTable.counterTerrorismRestricted, true)))),
});
