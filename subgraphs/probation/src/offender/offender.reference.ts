import { subjectInScope } from '@mappa/shared';
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
