import { and, eq, exists } from 'drizzle-orm';
import { accessAuditResolver } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';
import { prisonerTable } from '../custody/prisoner.table';

/** `prisonAccessAudit`: who accessed the prison service's records about a subject, from its own audit log (`prison`). */
export const PrisonAccessAuditResolver = accessAuditResolver({
  log: 'prison',
  queryPolicy: prisonPolicies.accessAudit,
  entryPolicy: prisonPolicies.accessAuditEntry,
  // Principle 7 with the prison service's own facts: the CT marker its row scope uses.
  counterTerrorismRestricted: (db, pncId) =>
    exists(db.select({ pncId: prisonerTable.pncId }).from(prisonerTable).where(and(eq(prisonerTable.pncId, pncId), eq(prisonerTable.counterTerrorismRestricted, true)))),
});
