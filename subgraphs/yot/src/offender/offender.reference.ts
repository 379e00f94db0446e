import { resolveOffenderReference, subjectInScope } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { YotContext } from '../yot.context';

/**
 * The YOT resolves an `Offender` reference only for a young person it holds a case for that is in the
 * caller's row scope (principle 7: a counter-terrorism restricted young person needs CT clearance);
 * otherwise `null`, exactly as for a person the YOT does not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: YotContext) =>
      resolveOffenderReference(reference, async (pncId) => {
        const youthCase = await context.loaders.youthCase.load(pncId);
        return youthCase !== null && subjectInScope(youthCase.counterTerrorismRestricted, context.caller);
      }),
  },
};
