import { policeForceOfPrincipal } from '@mappa/shared';
import type { RecordPredicate } from '@mappa/shared';

/**
 * What originator control decides on (principle 4, principle 10, B §1 "Ownership (originator
 * control)"): the item's originating force, its handling code and its originator's live agreements.
 */
export interface OriginatorFacts {
  readonly originatorForce: string;
  readonly handlingCode: 'P' | 'C';
  readonly agreedForceAreas: readonly string[];
  readonly agreedWithMappaPartners: boolean;
}

/** The item's originator facts, or null for anything that is not such an item (an Offender, an empty list's parent). */
export function originatorFactsOf(record: unknown): OriginatorFacts | null {
  if (typeof record !== 'object' || record === null) return null;
  const { originatorForce, handlingCode, agreedForceAreas, agreedWithMappaPartners } = record as Record<string, unknown>;
  if (
    typeof originatorForce !== 'string' ||
    (handlingCode !== 'P' && handlingCode !== 'C') ||
    !Array.isArray(agreedForceAreas) ||
    typeof agreedWithMappaPartners !== 'boolean'
  )
    return null;
  return {
    originatorForce,
    handlingCode,
    agreedForceAreas: agreedForceAreas.filter((area): area is string => typeof area === 'string'),
    agreedWithMappaPartners,
  };
}

/**
 * `originatingForceOrAgreed`: the full item stays with the officers of the force it originated in; an
 * officer of another force reads it only where the originator has agreed to share it with their force
 * (named by its area). The caller's force is the force of the area their token names
 * (`policeForceOfPrincipal`); anyone outside the police has none.
 */
export const originatingForceOrAgreed: RecordPredicate = (record, caller) => {
  const facts = originatorFactsOf(record);
  const force = policeForceOfPrincipal(caller.principal);
  if (facts === null || force === null) return false;
  return facts.originatorForce === force || facts.agreedForceAreas.includes(caller.principal.area);
};

/**
 * Whether an item may leave the police as its sanitised summary: handling code P ("may be shared
 * lawfully") follows the summary's grants; C ("conditions apply; see originator") only with the
 * originator's live agreement to share it with MAPPA partners.
 */
export function releasableOutsidePolice(record: unknown): boolean {
  const facts = originatorFactsOf(record);
  return facts !== null && (facts.handlingCode === 'P' || facts.agreedWithMappaPartners);
}

/** `releasableToPartners`: the summary grant to the Responsible Authority roles at a meeting or disclosure decision. */
export const releasableToPartners: RecordPredicate = (record) => releasableOutsidePolice(record);
