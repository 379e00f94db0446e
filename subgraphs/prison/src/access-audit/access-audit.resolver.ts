import { accessAuditResolver } from '@mappa/shared';
import { prisonKnowsSubject } from '../offender/offender.reference';
import { prisonPolicies } from '../prison.policies';

/** `prisonAccessAudit`: who accessed the prison service's records about a subject, from its own audit log (`prison`). */
export const PrisonAccessAuditResolver = accessAuditResolver({
  log: 'prison',
  queryPolicy: prisonPolicies.accessAudit,
  entryPolicy: prisonPolicies.accessAuditEntry,
  // Principle 9: only about a person the prison service holds and the reader may know exists, as everywhere else.
  knowsSubject: prisonKnowsSubject,
});
