import { resolveOffenderReference } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { ProbationContext } from '../probation.context';

/** Probation resolves an `Offender` reference only for a person with a probation case; otherwise `null`. */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: ProbationContext) =>
      resolveOffenderReference(reference, async (pncId) => (await context.loaders.probationCase.load(pncId)) !== null),
  },
};
