import { resolveOffenderReference } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { PoliceContext } from '../police.context';

/** Police resolve an `Offender` reference only for a person on their records; otherwise `null`. */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: PoliceContext) =>
      resolveOffenderReference(reference, async (pncId) => (await context.loaders.person.load(pncId)) !== null),
  },
};
