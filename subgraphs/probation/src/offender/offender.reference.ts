import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { ProbationContext } from '../probation.context';
import { probationSubjectFacts } from './offender.scope';

/**
 * Whether probation holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function probationKnowsSubject(context: ProbationContext, pncId: string): Promise<boolean> {
  const probationCase = await context.loaders.probationCase.load(pncId);
  return probationCase !== null && subjectInScope(probationSubjectFacts(probationCase), context.rowScope);
}

/**
 * Probation resolves an `Offender` reference only for a person with a probation case that is in the
 * caller's row scope (CT clearance, the case's area or a live grant, and for a limited-access case
 * the allocated COM: see offender.scope.ts); otherwise `null`, exactly as for a person probation does
 * not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: ProbationContext) =>
      resolveOffenderReference(reference, (pncId) => probationKnowsSubject(context, pncId)),
  },
};
