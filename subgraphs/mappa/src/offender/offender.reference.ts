import { resolveOffenderReference } from '@mappa/shared';
import type { OffenderReference } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaSubjectInScope } from './offender.scope';

/**
 * Whether the MAPPA unit holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function mappaKnowsSubject(context: MappaContext, pncId: string): Promise<boolean> {
  const mappaCase = await context.loaders.mappaCase.load(pncId);
  return mappaCase !== null && mappaSubjectInScope(mappaCase, context.rowScope);
}

/**
 * The MAPPA unit resolves an `Offender` reference only for a person with a MAPPA case that is in the
 * caller's row scope (CT clearance, the case's current area or a live grant, no under-18s at
 * meetings or disclosure decisions: see row-scope.ts); otherwise `null`, exactly as for a person the
 * unit does not hold (principle 9).
 */
export const offenderReferenceResolver = {
  Offender: {
    __resolveReference: (reference: OffenderReference, context: MappaContext) =>
      resolveOffenderReference(reference, (pncId) => mappaKnowsSubject(context, pncId)),
  },
};
