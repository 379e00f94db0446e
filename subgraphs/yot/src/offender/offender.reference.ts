import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
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

/**
 * The YOT resolves an `Offender` reference only for a young person it holds a case for that is in the
 * caller's row scope (CT clearance, the case's area or a live grant, and never an under-18 at a
 * meeting or disclosure decision: see row-scope.ts); otherwise `null`, exactly as for a person the
 * YOT does not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: YotContext) =>
      resolveOffenderReference(reference, (pncId) => yotKnowsSubject(context, pncId)),
  },
};
