import { subjectInScope } from '@mappa/shared';
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
