import { resolveOffenderReference } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';

/** The MAPPA unit resolves an `Offender` reference only for a person with a MAPPA case; otherwise `null`. */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: MappaContext) =>
      resolveOffenderReference(reference, async (pncId) => (await context.loaders.mappaCase.load(pncId)) !== null),
  },
};
