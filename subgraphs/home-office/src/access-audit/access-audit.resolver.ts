import { accessAuditResolver } from '@mappa/shared';
import { homeOfficePolicies } from '../home-office.policies';
import { homeOfficeKnowsSubject } from '../offender/offender.reference';

/** `homeOfficeAccessAudit`: who accessed the Home Office's records about a subject, from its own audit log. */
export const HomeOfficeAccessAuditResolver = accessAuditResolver({
  log: 'home-office',
  queryPolicy: homeOfficePolicies.accessAudit,
  entryPolicy: homeOfficePolicies.accessAuditEntry,
  // Principle 9: only about a person the Home Office holds and the reader may know exists.
  knowsSubject: homeOfficeKnowsSubject,
});
