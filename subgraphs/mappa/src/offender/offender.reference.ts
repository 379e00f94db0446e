import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaSubjectFacts } from './offender.scope';

/**
 * The MAPPA unit resolves an `Offender` reference only for a person with a MAPPA case that is in the
 * caller's row scope (CT clearance, the case's current area or a live grant, no under-18s at
 * meetings or disclosure decisions: see row-scope.ts); otherwise `null`, exactly as for a person the
 * unit does not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: MappaContext) =>
      resolveOffenderReference(reference, async (pncId) => {
        const mappaCase = await context.loaders.mappaCase.load(pncId);
        return mappaCase !== null && subjectInScope(mappaSubjectFacts(mappaCase), context.rowScope);
      }),
  },
};
