import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { ProbationContext } from '../probation.context';

/**
 * Probation resolves an `Offender` reference only for a person with a probation case that is in the
 * caller's row scope (principle 7: a counter-terrorism restricted case needs CT clearance); otherwise
 * `null`, exactly as for a person probation does not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: ProbationContext) =>
      resolveOffenderReference(reference, async (pncId) => {
        const probationCase = await context.loaders.probationCase.load(pncId);
        return probationCase !== null && subjectInScope(probationCase.counterTerrorismRestricted, context.caller);
      }),
  },
};
