import { resolveOffenderReference } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { YotContext } from '../yot.context';

/** The YOT resolves an `Offender` reference only for a young person it holds a case for; otherwise `null`. */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: YotContext) =>
      resolveOffenderReference(reference, async (pncId) => (await context.loaders.youthCase.load(pncId)) !== null),
  },
};
