import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { PrisonContext } from '../prison.context';
import { prisonSubjectFacts } from './offender.scope';

/**
 * Whether the prison service holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function prisonKnowsSubject(context: PrisonContext, pncId: string): Promise<boolean> {
  const prisoner = await context.loaders.prisoner.load(pncId);
  return prisoner !== null && subjectInScope(prisonSubjectFacts(prisoner), context.rowScope);
}

/**
 * The prison resolves an `Offender` reference only for a person it holds a record of and who is in
 * the caller's row scope (CT clearance, the responsible MAPPA area or a live grant: see
 * row-scope.ts); otherwise `null`, exactly as an unknown key (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: PrisonContext) =>
      resolveOffenderReference(reference, (pncId) => prisonKnowsSubject(context, pncId)),
  },
};
