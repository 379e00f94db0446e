import { accessAuditResolver } from '@mappa/shared';
import { mappaKnowsSubject } from '../offender/offender.reference';
import { mappaPolicies } from '../mappa.policies';

/** `mappaAccessAudit`: who accessed the MAPPA unit's records about a subject, from its own audit log (`mappa`). */
export const MappaAccessAuditResolver = accessAuditResolver({
  log: 'mappa',
  queryPolicy: mappaPolicies.accessAudit,
  entryPolicy: mappaPolicies.accessAuditEntry,
  // Principle 9: only about a person the MAPPA unit holds and the reader may know exists, as everywhere else.
  knowsSubject: mappaKnowsSubject,
});
