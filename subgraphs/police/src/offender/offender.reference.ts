import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { PoliceContext } from '../police.context';

/**
 * Police resolve an `Offender` reference only for a person on their records and in the caller's
 * row scope (principle 7: a counter-terrorism restricted person needs CT clearance); otherwise
 * `null`, exactly as for a person the police do not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: PoliceContext) =>
      resolveOffenderReference(reference, async (pncId) => {
        const person = await context.loaders.person.load(pncId);
        return person !== null && subjectInScope(person.counterTerrorismRestricted, context.caller);
      }),
  },
};
