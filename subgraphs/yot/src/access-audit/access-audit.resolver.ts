import { accessAuditResolver } from '@mappa/shared';
import { yotKnowsSubject } from '../offender/offender.reference';
import { yotPolicies } from '../yot.policies';

/** `yotAccessAudit`: who accessed the youth offending team's records about a subject, from its own audit log (`yot`). */
export const YotAccessAuditResolver = accessAuditResolver({
  log: 'yot',
  queryPolicy: yotPolicies.accessAudit,
  entryPolicy: yotPolicies.accessAuditEntry,
  // Principle 9: only about a person the youth offending team holds and the reader may know exists, as everywhere else.
  knowsSubject: yotKnowsSubject,
});
