import { subjectInScope } from '@mappa/shared';
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
