import { subjectInScope } from '@mappa/shared';
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
