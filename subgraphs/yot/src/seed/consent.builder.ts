import { addDays, daysBetween, yearsBetween } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { consentRecordTable } from '../consent/consent-record.table';
import type { LookedAfterStatus } from './looked-after.builder';
import type { YouthOrderDraft } from './youth-order.builder';

type ConsentInsert = typeof consentRecordTable.$inferInsert;
type ConsentPurpose = ConsentInsert['purpose'];

/** The consent decisions of the current order, one per purpose the case needs, each judged for Fraser competence. */
export function buildConsents(
  random: Random,
  person: SyntheticPerson,
  asOf: string,
  current: YouthOrderDraft,
  socialCare: LookedAfterStatus,
): ConsentInsert[] {
  const { knownToChildrensSocialCare } = socialCare;
  const isLookedAfter = socialCare.row?.lookedAfter ?? false;
  const age = yearsBetween(person.dateOfBirth, asOf);
  const daysSinceConviction = daysBetween(person.offence.convictionDate, asOf);
  const purposes: ConsentPurpose[] = ['INFORMATION_SHARING_WITH_MAPPA'];
  if (knownToChildrensSocialCare && random.chance(0.5)) purposes.push('INFORMATION_SHARING_WITH_CHILDRENS_SOCIAL_CARE');
  if (random.chance(0.3)) purposes.push('REFERRAL_TO_HEALTH_SERVICES');
  if (current.requirements?.includes('ELECTRONIC_MONITORING')) purposes.push('ELECTRONIC_MONITORING');
  return purposes.map((purpose) => {
    // Fraser competence is judged for each decision; the young person decides only when competent.
    const fraserCompetent = random.chance(age >= 16 ? 0.8 : 0.55);
    // A tag needs consent before the order can run, so an electronic-monitoring refusal is never recorded here.
    const refused = purpose !== 'ELECTRONIC_MONITORING' && random.chance(0.1);
    const decisionDate = addDays(current.madeDate, random.int(0, Math.min(30, daysSinceConviction - 1)));
    return {
      pncId: person.pncId,
      purpose,
      decision: refused ? 'REFUSED' : 'GIVEN',
      givenBy: fraserCompetent ? 'YOUNG_PERSON' : 'PARENT_OR_CARER',
      fraserCompetent,
      assessedByStaffId: `SW${random.int(10000, 99999)}`,
      assessedByRole: isLookedAfter || (knownToChildrensSocialCare && random.chance(0.3)) ? 'ALLOCATED_SOCIAL_WORKER' : 'YOT_SOCIAL_WORKER',
      decisionDate,
      withdrawnDate: !refused && random.chance(0.1) ? addDays(decisionDate, random.int(1, daysBetween(decisionDate, asOf))) : null,
      // Public protection outweighs a refusal to share with MAPPA: a recorded, defensible override.
      overriddenOnPublicProtectionGrounds: refused && purpose === 'INFORMATION_SHARING_WITH_MAPPA',
    };
  });
}
