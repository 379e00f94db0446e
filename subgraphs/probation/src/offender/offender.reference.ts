import type { GraphQLResolveInfo } from 'graphql';
import { companionWanted, subjectInScope } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import type { ProbationContext } from '../probation.context';
import { probationSubjectFacts } from './offender.scope';

/**
 * Whether probation holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 * When the selection under `info` asks for `riskOfSeriousHarm`, the case is read with its summary in
 * one statement (issue 15); the summary's resolver then finds it primed and decides as before. A record the caller's field policy refuses outright is
 * never read: its resolver is never called, and the look-up stays the entity's alone.
 */
export async function probationKnowsSubject(context: ProbationContext, pncId: string, info?: GraphQLResolveInfo): Promise<boolean> {
  const loader = companionWanted(info, 'riskOfSeriousHarm', context.access, probationPolicies.riskOfSeriousHarm)
    ? context.loaders.caseWithRiskOfSeriousHarm
    : context.loaders.probationCase;
  const probationCase = await loader.load(pncId);
  return probationCase !== null && subjectInScope(probationSubjectFacts(probationCase), context.rowScope);
}
