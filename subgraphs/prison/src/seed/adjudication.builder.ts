import { addDays } from '@mappa/shared';
import type { Random, SyntheticPerson } from '@mappa/shared';
import type { adjudicationTable } from '../adjudication/adjudication.table';
import { dateBetween, minDate, RULE_51_CHARGES } from './prison-catalogue';

/** Where and when the person's custody took place, as the builders that date events in it need. */
export interface CustodyPeriod {
  readonly prisonNumber: string;
  readonly receptionDate: string;
  /** Today for those inside, the release date for the released. */
  readonly custodyEnd: string;
  readonly lastEstablishment: string;
  /** Arrival at the last establishment, and where from (null: admitted there). */
  readonly arrival: { readonly date: string; readonly previousEstablishment: string | null };
}

/** Where an event on `day` took place: the last establishment from arrival, the one before until then. */
export function establishmentOn(period: CustodyPeriod, day: string): string {
  return day >= period.arrival.date || period.arrival.previousEstablishment === null
    ? period.lastEstablishment
    : period.arrival.previousEstablishment;
}

/** Adjudications over the period in custody, and whether any proved an assault (which lowers the incentive level). */
export function buildAdjudications(
  random: Random,
  person: SyntheticPerson,
  period: CustodyPeriod,
): { readonly rows: (typeof adjudicationTable.$inferInsert)[]; readonly provedAssault: boolean } {
  const { prisonNumber, receptionDate, custodyEnd } = period;
  const rows: (typeof adjudicationTable.$inferInsert)[] = [];
  const adjudicationCount = random.weighted([
    [0, 50],
    [1, 25],
    [2, 15],
    [3, 10],
  ] as const);
  let provedAssault = false;
  for (let n = 0; n < adjudicationCount; n += 1) {
    const incidentDate = dateBetween(random, receptionDate, addDays(custodyEnd, -2));
    const [chargeCode, charge] = random.pick(RULE_51_CHARGES);
    const finding = random.weighted([
      ['PROVED', 65],
      ['NOT_PROVED', 15],
      ['DISMISSED', 20],
    ] as const);
    if (finding === 'PROVED' && chargeCode === '51:1') provedAssault = true;
    rows.push({
      adjudicationNumber: 1_500_000 + person.index * 4 + n,
      prisonNumber,
      establishmentCode: establishmentOn(period, incidentDate),
      incidentDate,
      hearingDate: minDate(addDays(incidentDate, random.int(1, 14)), addDays(custodyEnd, -1)),
      chargeCode,
      charge,
      finding,
      punishment:
        finding !== 'PROVED'
          ? null
          : random.pick([
              `Loss of privileges for ${random.int(7, 42)} days`,
              `Stoppage of earnings (50%) for ${random.int(7, 42)} days`,
              `Cellular confinement for ${random.int(3, 14)} days`,
              'Caution',
            ]),
    });
  }
  return { rows, provedAssault };
}
