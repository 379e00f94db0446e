import type { SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import {
  addDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  Random,
  SFO_CHARGE_YEARLY_SHARE,
  SFO_CONVICTED_SHARE,
  SFO_MONTHS_TO_TRIAL,
  SFO_SCR_SHARE,
  yearlyWindows,
} from '@mappa/shared';
import { MappaCaseChangeField } from '../mappa-case/mappa-case.type';
import type { sfoNotificationTable } from '../sfo-notification/sfo-notification.table';
import type { SeededCase } from './mappa-case-history.builder';
import { valueOn } from './mappa-case-history.builder';

const SFO_OFFENCE_GROUPS = [
  ['MURDER', 10],
  ['ATTEMPTED_MURDER', 10],
  ['MANSLAUGHTER', 5],
  ['RAPE', 35],
  ['OTHER_SERIOUS_SEXUAL', 25],
  ['ARSON_ENDANGERING_LIFE', 10],
  ['KIDNAP', 5],
] as const;

/**
 * Issue 13: MAPPA N notifications of serious further offence charges for someone under probation
 * supervision in the community (licence or community order), over the event history at the model's
 * yearly rate (`SFO_CHARGE_YEARLY_SHARE`: seed 004 publishes no SFO table, so an assumption). A charge
 * older than the usual wait for trial has an outcome; the SMB chair decided on a review within ten
 * days. A stream of its own, so adding it changed no other MAPPA data.
 */
export function buildSfoNotifications(
  person: SyntheticPerson,
  dataset: SyntheticDatasetOptions,
  seeded: SeededCase,
): (typeof sfoNotificationTable.$inferInsert)[] {
  if (person.isYouth || (person.supervision !== 'LICENCE' && person.supervision !== 'COMMUNITY_ORDER')) return [];
  const random = new Random(dataset.seed, person.index, 'mappa-sfo');
  const rows: (typeof sfoNotificationTable.$inferInsert)[] = [];
  const caseId = seeded.row.caseId;
  for (const window of yearlyWindows(dataset.asOf)) {
    const happened = random.chance(SFO_CHARGE_YEARLY_SHARE);
    const offset = random.int(0, 364);
    const from = window.from > seeded.row.startDate ? window.from : addDays(seeded.row.startDate, 1);
    // The MAPPA N is sent within five working days of the charge, before the dataset's day.
    const to = addDays(window.to, -10);
    if (!happened || from > to) continue;
    const chargeDate = addDays(from, offset % (daysBetween(from, to) + 1));
    const notifiedDate = addWorkingDays(chargeDate, random.int(1, 5));
    const scrDecisionDate = addDays(notifiedDate, random.int(3, 10));
    const trialDue = addMonths(chargeDate, SFO_MONTHS_TO_TRIAL + random.int(-4, 6));
    const decided = trialDue <= dataset.asOf;
    rows.push({
      notificationId: `MN-${caseId.slice(3)}-${rows.length + 1}`,
      caseId,
      pncId: person.pncId,
      chargeDate,
      notifiedDate,
      categoryAtCharge: Number(valueOn(seeded.history, seeded.opening, MappaCaseChangeField.CATEGORY, chargeDate)),
      levelAtCharge: Number(valueOn(seeded.history, seeded.opening, MappaCaseChangeField.LEVEL, chargeDate)),
      offenceGroup: random.weighted(SFO_OFFENCE_GROUPS),
      outcome: !decided ? 'AWAITING_TRIAL' : random.chance(SFO_CONVICTED_SHARE) ? 'CONVICTED_SFO' : 'OTHER_OUTCOME',
      outcomeDate: decided ? trialDue : null,
      scrDecision: scrDecisionDate > dataset.asOf ? null : random.chance(SFO_SCR_SHARE) ? 'SCR_COMMISSIONED' : 'SCR_NOT_REQUIRED',
      scrDecisionDate: scrDecisionDate > dataset.asOf ? null : scrDecisionDate,
    });
  }
  return rows;
}
