import { subjectInScope } from '@mappa/shared';
import type { YotContext } from '../yot.context';
import { yotSubjectFacts } from './offender.scope';

/**
 * Whether the youth offending team holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function yotKnowsSubject(context: YotContext, pncId: string): Promise<boolean> {
  const youthCase = await context.loaders.youthCase.load(pncId);
  return youthCase !== null && subjectInScope(yotSubjectFacts(youthCase), context.rowScope);
}
