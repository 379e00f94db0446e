import { addDays, addMonths, yearsBetween } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { youthOrderTable } from '../youth-order/youth-order.table';
import { DTO_MONTHS, OPTIONAL_REQUIREMENTS, REFERRAL_ORDER_MONTHS, SECURE_ESTABLISHMENTS, YRO_MONTHS } from './yot-catalogue';
import type { Requirement } from './yot-catalogue';

export type YouthOrderInsert = typeof youthOrderTable.$inferInsert;
/** An order before the case's person is named on it. */
export type YouthOrderDraft = Omit<YouthOrderInsert, 'pncId'>;

function yroRequirements(random: Random, ageAtSentence: number): Requirement[] {
  const requirements: Requirement[] = ['SUPERVISION'];
  for (const requirement of OPTIONAL_REQUIREMENTS) {
    // Unpaid work is only available for 16 and 17 year olds.
    if (requirement === 'UNPAID_WORK' && ageAtSentence < 16) continue;
    if (random.chance(0.18)) requirements.push(requirement);
  }
  if ((requirements.includes('CURFEW') || requirements.includes('EXCLUSION')) && random.chance(0.6))
    requirements.push('ELECTRONIC_MONITORING');
  return requirements;
}

/**
 * The order the young person is supervised on today. Every held young person is supervised in the
 * community (`YOUTH_ORDER`), so the order runs past `asOf`, and a DTO's custodial part has ended.
 */
export function buildCurrentOrder(random: Random, person: SyntheticPerson, asOf: string): YouthOrderDraft {
  const made = person.offence.convictionDate;
  const runsPastAsOf = (months: number) => addMonths(made, months) > asOf;
  const referral = REFERRAL_ORDER_MONTHS.filter(runsPastAsOf);
  const yro = YRO_MONTHS.filter(runsPastAsOf);
  // Category 2 needs a qualifying sentence: for a DTO, 12 months or more.
  const dto = DTO_MONTHS.filter(
    (months) => (person.category !== 2 || months >= 12) && addMonths(made, months / 2) < asOf && runsPastAsOf(months),
  );
  const type = random.weighted([
    ['REFERRAL_ORDER', referral.length > 0 && person.category === 1 ? 30 : 0],
    ['YOUTH_REHABILITATION_ORDER', 45],
    ['DETENTION_AND_TRAINING_ORDER', dto.length > 0 ? (person.category === 2 ? 60 : 25) : 0],
  ] as const);
  const base = {
    status: 'ACTIVE' as const,
    court: `${person.address.town} Youth Court`,
    madeDate: made,
    startDate: made,
    custodialStartDate: null,
    custodialEndDate: null,
    custodialEstablishment: null,
    communityStartDate: null,
    communityEndDate: null,
  };
  if (type === 'DETENTION_AND_TRAINING_ORDER') {
    const lengthMonths = random.pick(dto);
    const releaseDate = addMonths(made, lengthMonths / 2);
    const endDate = addMonths(made, lengthMonths);
    return {
      ...base,
      type,
      lengthMonths,
      endDate,
      requirements: [],
      custodialStartDate: made,
      custodialEndDate: releaseDate,
      custodialEstablishment: random.pick(SECURE_ESTABLISHMENTS),
      communityStartDate: releaseDate,
      communityEndDate: endDate,
    };
  }
  // A 36-month YRO outlasts any conviction the shared generator gives a young person (at most two
  // years back); the fallback only keeps a hand-made person from crashing the seed.
  const lengthMonths = random.pick(type === 'REFERRAL_ORDER' ? referral : yro.length > 0 ? yro : [36]);
  return {
    ...base,
    type,
    lengthMonths,
    endDate: addMonths(made, lengthMonths),
    requirements: type === 'YOUTH_REHABILITATION_ORDER' ? yroRequirements(random, yearsBetween(person.dateOfBirth, made)) : [],
  };
}

/** An earlier community order, completed before the current conviction; only from the age of 10. */
export function buildPreviousOrder(random: Random, person: SyntheticPerson): YouthOrderDraft | null {
  if (!random.chance(0.3)) return null;
  const type = random.pick(['REFERRAL_ORDER', 'YOUTH_REHABILITATION_ORDER'] as const);
  const lengthMonths = type === 'REFERRAL_ORDER' ? random.pick(REFERRAL_ORDER_MONTHS) : random.pick([6, 12] as const);
  const made = addMonths(person.offence.convictionDate, -(lengthMonths + random.int(1, 12)));
  const ageAtSentence = yearsBetween(person.dateOfBirth, made);
  // The age of criminal responsibility is 10; allow for the case opening a few weeks before sentence.
  if (yearsBetween(person.dateOfBirth, addDays(made, -60)) < 10) return null;
  return {
    type,
    status: 'COMPLETED',
    court: `${person.address.town} Youth Court`,
    madeDate: made,
    startDate: made,
    endDate: addMonths(made, lengthMonths),
    lengthMonths,
    requirements: type === 'YOUTH_REHABILITATION_ORDER' ? yroRequirements(random, ageAtSentence) : [],
    custodialStartDate: null,
    custodialEndDate: null,
    custodialEstablishment: null,
    communityStartDate: null,
    communityEndDate: null,
  };
}

/** How a MAPPA H names the order. */
export function orderLabel(type: YouthOrderInsert['type']): string {
  switch (type) {
    case 'REFERRAL_ORDER':
      return 'referral order';
    case 'YOUTH_REHABILITATION_ORDER':
      return 'youth rehabilitation order';
    case 'DETENTION_AND_TRAINING_ORDER':
      return 'detention and training order (community part)';
  }
}
