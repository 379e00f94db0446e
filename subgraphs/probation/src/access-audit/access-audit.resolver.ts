import { accessAuditResolver } from '@mappa/shared';
import { probationKnowsSubject } from '../offender/offender.reference';
import { probationPolicies } from '../probation.policies';

/** `probationAccessAudit`: who accessed probation's records about a subject, from its own audit log (`probation`). */
export const ProbationAccessAuditResolver = accessAuditResolver({
  log: 'probation',
  queryPolicy: probationPolicies.accessAudit,
  entryPolicy: probationPolicies.accessAuditEntry,
  // Principle 9: only about a person probation holds and the reader may know exists, as everywhere else.
  knowsSubject: probationKnowsSubject,
});
