import { and, eq, exists } from 'drizzle-orm';
import { accessAuditResolver } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import { personTable } from '../identity/person.table';

/** `policeAccessAudit`: who accessed the police's records about a subject, from its own audit log (`police`). */
export const PoliceAccessAuditResolver = accessAuditResolver({
  log: 'police',
  queryPolicy: policePolicies.accessAudit,
  entryPolicy: policePolicies.accessAuditEntry,
  // Principle 7 with the police's own facts: the CT marker its row scope uses.
  counterTerrorismRestricted: (db, pncId) =>
    exists(db.select({ pncId: personTable.pncId }).from(personTable).where(and(eq(personTable.pncId, pncId), eq(personTable.counterTerrorismRestricted, true)))),
});
