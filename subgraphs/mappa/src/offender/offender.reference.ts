import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';

/**
 * The MAPPA unit resolves an `Offender` reference only for a person with a MAPPA case that is in the
 * caller's row scope (principle 7: a counter-terrorism restricted person needs CT clearance);
 * otherwise `null`, exactly as for a person the unit does not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: MappaContext) =>
      resolveOffenderReference(reference, async (pncId) => {
        const mappaCase = await context.loaders.mappaCase.load(pncId);
        return mappaCase !== null && subjectInScope(mappaCase.counterTerrorismRestricted, context.caller);
      }),
  },
};
