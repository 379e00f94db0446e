import { resolveOffenderReference } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { PrisonContext } from '../prison.context';

/** The prison resolves an `Offender` reference only for a person it holds a record of; otherwise `null`. */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: PrisonContext) =>
      resolveOffenderReference(reference, async (pncId) => (await context.loaders.prisoner.load(pncId)) !== null),
  },
};
