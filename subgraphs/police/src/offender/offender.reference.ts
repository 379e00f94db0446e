import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { PoliceContext } from '../police.context';
import { policeSubjectFacts } from './offender.scope';

/**
 * Whether the police hold a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function policeKnowsSubject(context: PoliceContext, pncId: string): Promise<boolean> {
  const person = await context.loaders.person.load(pncId);
  return person !== null && subjectInScope(policeSubjectFacts(person), context.rowScope);
}

/**
 * Police resolve an `Offender` reference only for a person on their records and in the caller's
 * row scope (CT clearance, own area or a live grant, no under-18s at meetings or disclosure
 * decisions: see row-scope.ts); otherwise `null`, exactly as for a person the police do not hold
 * (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: PoliceContext) =>
      resolveOffenderReference(reference, (pncId) => policeKnowsSubject(context, pncId)),
  },
};
