import { addDays, Random } from '@mappa/shared';
import type { SyntheticPerson } from '@mappa/shared';
import type { mappaFReportTable } from '../mappa-f-report/mappa-f-report.table';
import { establishmentOn } from './adjudication.builder';
import type { CustodyPeriod } from './adjudication.builder';
import { BEHAVIOUR_TEXTS, CONTACT_CONCERN_TEXTS, dateBetween, maxDate, PROGRAMMES, RISK_FACTOR_TEXTS } from './prison-catalogue';

/**
 * MAPPA F: one per level 2 or 3 meeting while the person is in custody. Meetings are taken to fall on
 * the next review date minus whole review intervals (8 weeks at level 3, 16 at level 2).
 */
export function buildMappaFReports(
  random: Random,
  person: SyntheticPerson,
  period: CustodyPeriod,
  asOf: string,
): (typeof mappaFReportTable.$inferInsert)[] {
  const { prisonNumber, receptionDate } = period;
  const reports: (typeof mappaFReportTable.$inferInsert)[] = [];
  const interval = person.level === 3 ? 56 : 112;
  const earliest = maxDate(person.mappaStartDate, receptionDate);
  const authorStaffId = `POM${random.int(10000, 99999)}`;
  const programmes = PROGRAMMES[person.category]
    .filter(() => random.chance(0.35))
    .map((name) => ({ name, completed: dateBetween(random, receptionDate, asOf) }));
  const reportCount = random.int(1, 4);
  for (let k = 1; k <= reportCount; k += 1) {
    const meetingDate = addDays(person.nextReviewDate, -k * interval);
    if (meetingDate < earliest) break;
    const onTime = maxDate(addDays(meetingDate, -random.int(3, 10)), earliest);
    // About one in fifteen is late, written on the meeting day or after it (C §7.2 KPI 7), drawn from
    // the report's own stream so that nothing else the seed draws changes.
    const lateness = new Random('mappa-f-late', prisonNumber, meetingDate);
    const lateDay = addDays(meetingDate, lateness.int(0, 4));
    const reportDate = lateness.chance(0.07) && lateDay <= asOf ? lateDay : onTime;
    reports.push({
      prisonNumber,
      establishmentCode: establishmentOn(period, meetingDate),
      reportDate,
      meetingDate,
      authorStaffId,
      prisonAttending: random.chance(person.level === 3 ? 0.85 : 0.5),
      behaviourInCustody: random.pick(BEHAVIOUR_TEXTS),
      programmesCompleted: programmes.filter((programme) => programme.completed <= reportDate).map((programme) => programme.name),
      contactConcerns: random.chance(0.4) ? random.pick(CONTACT_CONCERN_TEXTS) : null,
      riskFactorsObserved: random.pick(RISK_FACTOR_TEXTS),
    });
  }
  return reports;
}
