import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { ProbationContext } from '../probation.context';
import { probationSubjectFacts } from './offender.scope';

/**
 * Probation resolves an `Offender` reference only for a person with a probation case that is in the
 * caller's row scope (CT clearance, the case's area or a live grant, and for a limited-access case
 * the allocated COM: see offender.scope.ts); otherwise `null`, exactly as for a person probation does
 * not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: ProbationContext) =>
      resolveOffenderReference(reference, async (pncId) => {
        const probationCase = await context.loaders.probationCase.load(pncId);
        return probationCase !== null && subjectInScope(probationSubjectFacts(probationCase), context.rowScope);
      }),
  },
};
