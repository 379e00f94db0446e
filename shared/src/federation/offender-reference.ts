import { pncIdSchema } from '../validation/identifiers';

/** How the gateway names an offender to a subgraph: the federation key. */
export interface OffenderReference {
  readonly pncId: string;
}

/**
 * Resolves an `Offender` reference through the agency's own "do we hold this person" loader.
 * A malformed key or a person the agency does not hold gives `null`: a subgraph never invents an
 * entity, and answers the same way for both so nothing can be inferred from the difference.
 */
export async function resolveOffenderReference(
  reference: OffenderReference,
  holds: (pncId: string) => Promise<boolean>,
): Promise<OffenderReference | null> {
  if (!pncIdSchema.safeParse(reference.pncId).success) return null;
  return (await holds(reference.pncId)) ? { pncId: reference.pncId } : null;
}
