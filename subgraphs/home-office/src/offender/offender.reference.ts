import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { HomeOfficeContext } from '../home-office.context';
import { homeOfficeSubjectFacts } from './offender.scope';

/**
 * Whether the Home Office holds an immigration case about the person and the caller may know it exists
 * (row scope): the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function homeOfficeKnowsSubject(context: HomeOfficeContext, pncId: string): Promise<boolean> {
  const immigrationCase = await context.loaders.immigrationCase.load(pncId);
  return immigrationCase !== null && subjectInScope(homeOfficeSubjectFacts(immigrationCase), context.rowScope);
}

/** The Home Office resolves an `Offender` reference only for a person it holds a case for, in the caller's row scope; otherwise `null` (principle 9). */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: HomeOfficeContext) => resolveOffenderReference(reference, (pncId) => homeOfficeKnowsSubject(context, pncId)),
  },
};
