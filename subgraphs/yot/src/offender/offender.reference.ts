import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { YotContext } from '../yot.context';
import { yotSubjectFacts } from './offender.scope';

/**
 * The YOT resolves an `Offender` reference only for a young person it holds a case for that is in the
 * caller's row scope (CT clearance, the case's area or a live grant, and never an under-18 at a
 * meeting or disclosure decision: see row-scope.ts); otherwise `null`, exactly as for a person the
 * YOT does not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: YotContext) =>
      resolveOffenderReference(reference, async (pncId) => {
        const youthCase = await context.loaders.youthCase.load(pncId);
        return youthCase !== null && subjectInScope(yotSubjectFacts(youthCase), context.rowScope);
      }),
  },
};
