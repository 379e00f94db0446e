import type { GraphQLResolveInfo } from 'graphql';
import { companionWanted, subjectInScope } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';
import type { PrisonContext } from '../prison.context';
import { prisonSubjectFacts } from './offender.scope';

/**
 * Whether the prison service holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 * When the selection under `info` asks for `sentence`, the prisoner is read with their sentence in one
 * statement (issue 15); the sentence's resolver then finds it primed and decides as before. A record the caller's field policy refuses outright is
 * never read: its resolver is never called, and the look-up stays the entity's alone.
 */
export async function prisonKnowsSubject(context: PrisonContext, pncId: string, info?: GraphQLResolveInfo): Promise<boolean> {
  const loader = companionWanted(info, 'sentence', context.access, prisonPolicies.sentenceRecord)
    ? context.loaders.prisonerWithSentence
    : context.loaders.prisoner;
  const prisoner = await loader.load(pncId);
  return prisoner !== null && subjectInScope(prisonSubjectFacts(prisoner), context.rowScope);
}
