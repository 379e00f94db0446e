import { accessAuditResolver } from '@mappa/shared';
import { policeKnowsSubject } from '../offender/offender.reference';
import { policePolicies } from '../police.policies';

/** `policeAccessAudit`: who accessed the police's records about a subject, from its own audit log (`police`). */
export const PoliceAccessAuditResolver = accessAuditResolver({
  log: 'police',
  queryPolicy: policePolicies.accessAudit,
  entryPolicy: policePolicies.accessAuditEntry,
  // Principle 9: only about a person the police hold and the reader may know exists, as everywhere else.
  knowsSubject: policeKnowsSubject,
});
