import { createHash } from 'node:crypto';
import { addDays, DEV_ISSUER, MAPPA_AREAS, Random } from '@mappa/shared';
import type { MappaArea, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import type { intelligenceItemTable } from '../intelligence/intelligence-item.table';
import type { intelligenceSharingAgreementTable } from '../intelligence/intelligence-sharing-agreement.table';
import { forceName } from './police-catalogue';

/** Of intelligence items, the share another force originated (the person lived or offended elsewhere; cross-border intelligence). */
const OTHER_FORCE_INTELLIGENCE_SHARE = 0.15;
/** Of those, the share whose originator agreed to share the full item with the force now managing the person. */
const OTHER_FORCE_AGREEMENT_SHARE = 0.4;
/** Of handling code C items, the share whose originator agreed to share the summary with MAPPA partners. */
const MAPPA_PARTNERS_AGREEMENT_SHARE = 0.3;

export type IntelligenceInsert = typeof intelligenceItemTable.$inferInsert;
export type AgreementInsert = typeof intelligenceSharingAgreementTable.$inferInsert;

/**
 * An agreement's id, from what it agrees (an item shares with one kind of recipient at most once): the
 * table's default is a random UUID, which made two seeds of the same dataset differ in this one column
 * (`npm run seed` is deterministic). Laid out as an RFC 9562 version 8 (custom) UUID.
 */
function agreementIdOf(itemReference: string, sharedWith: string): string {
  const hex = createHash('sha256').update(`${itemReference}\u0000${sharedWith}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Originator control in the synthetic data (principle 4, B §1): a minority of a person's items come
 * from another force, some of them with that force's agreement to share them with the force of the
 * person's area; some handling code C items have their originator's agreement to share the summary
 * with MAPPA partners. A stream of its own, so it changes no other police data.
 */
export function originatorsOf(person: SyntheticPerson, items: IntelligenceInsert[], dataset: SyntheticDatasetOptions): AgreementInsert[] {
  const random = new Random(dataset.seed, person.index, 'police-intelligence-origin');
  const otherAreas = MAPPA_AREAS.filter((area) => area !== person.area);
  const agreements: AgreementInsert[] = [];
  for (const item of items) {
    const agreement = (
      sharedWith: AgreementInsert['sharedWith'],
      sharedWithArea: MappaArea | null,
      rationale: string,
    ): AgreementInsert => ({
      agreementId: agreementIdOf(item.reference, sharedWith),
      itemReference: item.reference,
      sharedWith,
      sharedWithArea,
      agreedByStaffId: `PPU${random.int(10000, 99999)}`,
      agreedByIssuer: DEV_ISSUER,
      agreedByForce: item.originatorForce,
      agreedAt: new Date(`${[addDays(item.recordedDate, random.int(1, 30)), dataset.asOf].sort()[0]}T10:00:00Z`),
      rationale,
    });
    if (random.chance(OTHER_FORCE_INTELLIGENCE_SHARE)) {
      item.originatorForce = forceName(random.pick(otherAreas));
      if (random.chance(OTHER_FORCE_AGREEMENT_SHARE))
        agreements.push(
          agreement('POLICE_FORCE', person.area, 'Synthetic: the force now managing the subject needs the detail to manage the risk.'),
        );
    }
    if (item.handlingCode === 'C' && random.chance(MAPPA_PARTNERS_AGREEMENT_SHARE)) {
      agreements.push(agreement('MAPPA_PARTNERS', null, 'Synthetic: the summary may go to the MAPPA partners managing the case.'));
    }
  }
  return agreements;
}

/** The person's intelligence items: a few for anyone at level 2 or 3 or in category 4, rarely one otherwise. */
export function buildIntelligenceItems(random: Random, person: SyntheticPerson, asOf: string): IntelligenceInsert[] {
  const itemCount = person.level >= 2 || person.category === 4 ? random.int(1, 4) : random.chance(0.2) ? 1 : 0;
  const items: IntelligenceInsert[] = [];
  for (let n = 0; n < itemCount; n += 1) {
    items.push({
      pncId: person.pncId,
      reference: `INT-${person.index}-${n}`,
      recordedDate: addDays(asOf, -random.int(5, 700)),
      sourceEvaluation: random.pick(['1', '2', '3'] as const),
      intelligenceAssessment: random.pick(['A', 'B', 'C', 'D', 'E'] as const),
      handlingCode: random.pick(['P', 'C'] as const),
      originatorForce: forceName(person.area),
      text: `Synthetic intelligence ${n + 1}: subject reported associating with a known offender near ${person.address.town}.`,
      sanitisedSummary: 'Information suggests association with another known offender; the originator can be contacted for detail.',
    });
  }
  return items;
}
