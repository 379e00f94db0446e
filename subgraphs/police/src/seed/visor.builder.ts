import { addMonths } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { levelOnePartnerAgreementTable, visorNominalTable } from '../visor/visor-nominal.table';
import { forceName, LEVEL_ONE_PROBATION_AGREEMENTS } from './police-catalogue';

/**
 * The partner agencies the police list on a nominal, as the guidance has them: the prison while the
 * person is in custody (A.R5); probation on a category 1 nominal at level 2 or 3, and at level 1 only
 * where the area has a local agreement and probation supervises the person (A.R6); probation on every
 * level 2 or 3 nominal (named probation staff are partners on every live level 2/3 record, A.R7); and
 * on the other level 1 nominals (category 4: the police own it whatever the category and give the
 * offender manager all relevant information, C.63, C.64) while probation supervises the person.
 */
function visorPartnersOf(person: SyntheticPerson): string[] {
  const probationSupervises =
    person.supervision === 'CUSTODY' || person.supervision === 'LICENCE' || person.supervision === 'COMMUNITY_ORDER';
  const probation =
    person.level >= 2 || (probationSupervises && (person.category !== 1 || LEVEL_ONE_PROBATION_AGREEMENTS.has(person.area)));
  return [...(probation ? ['PROBATION'] : []), ...(person.supervision === 'CUSTODY' ? ['PRISON'] : [])];
}

/** The person's ViSOR nominal, when the police record one. */
export function buildVisorNominal(random: Random, person: SyntheticPerson): typeof visorNominalTable.$inferInsert | null {
  if (!person.hasVisorRecord) return null;
  return {
    visorReference: `VN-${String(person.index).padStart(8, '0')}`,
    pncId: person.pncId,
    status: 'ACTIVE',
    recordManagerStaffId: `PPU${random.int(10000, 99999)}`,
    recordManagerForce: forceName(person.area),
    partnerAgencies: visorPartnersOf(person),
    restrictedAccess: person.restrictedAccess,
    createdDate: person.mappaStartDate,
    retentionReviewDate: addMonths(person.dateOfBirth, 1200),
    mappaCategory: person.category,
    mappaLevel: person.level,
  };
}

/** The level 1 agreements (A.R6) of the batch's areas: the seeder runs batch by batch, so once per area. */
export function levelOneAgreementsOf(people: readonly SyntheticPerson[]): (typeof levelOnePartnerAgreementTable.$inferInsert)[] {
  return [...new Set(people.map((person) => person.area))].flatMap((area) => {
    const agreedDate = LEVEL_ONE_PROBATION_AGREEMENTS.get(area);
    return agreedDate === undefined ? [] : [{ area, partnerAgency: 'PROBATION' as const, agreedDate }];
  });
}
