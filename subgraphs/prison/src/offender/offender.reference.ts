import type { GraphQLResolveInfo } from 'graphql';
import { selectionAsks, subjectInScope } from '@mappa/shared';
import type { PrisonContext } from '../prison.context';
import { prisonSubjectFacts } from './offender.scope';

/**
 * Whether the prison service holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 * When the selection under `info` asks for `sentence`, the prisoner is read with their sentence in one
 * statement (issue 15); the sentence's resolver then finds it primed and decides as before.
 */
export async function prisonKnowsSubject(context: PrisonContext, pncId: string, info?: GraphQLResolveInfo): Promise<boolean> {
  const loader = info && selectionAsks(info, 'sentence') ? context.loaders.prisonerWithSentence : context.loaders.prisoner;
  const prisoner = await loader.load(pncId);
  return prisoner !== null && subjectInScope(prisonSubjectFacts(prisoner), context.rowScope);
}
