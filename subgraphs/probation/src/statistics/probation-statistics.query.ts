import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { isSelected, pseudonymsOf, subjectColumnsOf } from '@mappa/shared';
import type { Database, MappaArea, StatisticsPeriod } from '@mappa/shared';
import type { ProbationStatisticsSubjects } from './probation-statistics.type';

/** The statement's columns, entry i of each being one person. */
interface SubjectColumns {
  [column: string]: readonly unknown[];
  pnc_id: string[];
  supervisionType: string[];
  riskOfSeriousHarm: string[];
  licenceType: (string | null)[];
  licenceConditions: (string | null)[];
  recalls: (number | null)[];
}

/**
 * The type of an additional or bespoke licence condition, from CVL's condition category (standard
 * conditions are on every licence and say nothing). Never the wording: it can name a victim or a place.
 */
const conditionType = sql`case
  when lc.kind = 'BESPOKE' then 'BESPOKE'
  when lc.is_exclusion_zone then 'EXCLUSION_ZONE'
  when lc.category = 'Curfew arrangement' then 'CURFEW'
  when lc.category = 'Making or maintaining contact with a person' then 'NON_CONTACT'
  when lc.category = 'Residence at a specific place' then 'RESIDENCE'
  when lc.category = 'Participation in, or co-operation with, a programme or set of activities' then 'PROGRAMME'
  when lc.category = 'Drug testing' then 'DRUG_TESTING'
  when lc.category = 'Polygraph' then 'POLYGRAPH'
  when lc.category = 'Possession, ownership, control or inspection of specified items or documents' then 'DEVICE_MONITORING'
  when lc.category = 'Electronic monitoring' or lc.electronic_monitoring then 'ELECTRONIC_MONITORING'
  when lc.category = 'Extremism' then 'EXTREMISM'
  else 'OTHER'
end`;

/**
 * The probation service's dimensions for every person it holds in the area (principle 7 records left out), in
 * one statement, worked out in SQL so that only the band or code leaves the database (never a date,
 * never a condition's wording). The PNC ID leaves only as its pseudonym under this query's secret.
 * The licence is the one in force (status ACTIVE: a variation under way leaves the original in force).
 * Recalls are counted in the period (both ends included); none without a period. Only the `fields`
 * selected (null: all) are worked out (issue 13): the risk, the licence and its conditions and the recalls
 * are each a join or a look-up per person, which an aggregate that does not use them must not pay for.
 */
export async function statisticsSubjectsOf(
  db: Database,
  area: MappaArea,
  querySecret: string,
  period: StatisticsPeriod,
  fields: ReadonlySet<string> | null = null,
): Promise<ProbationStatisticsSubjects> {
  const counted = period.from !== null;
  const risk = isSelected(fields, 'riskOfSeriousHarm');
  const licence = isSelected(fields, 'licenceType') || isSelected(fields, 'licenceConditions');
  const when = (selected: boolean, column: SQL): SQL => (selected ? column : sql`null`);
  const columns = await subjectColumnsOf<SubjectColumns>(
    db,
    sql`
      select c.pnc_id,
        case when c.status = 'CURRENT' then coalesce(c.supervision_type, 'NONE') else 'NOT_CURRENT' end as "supervisionType",
        ${when(risk, sql`coalesce(r.overall_risk_level, 'NOT_ASSESSED')`)} as "riskOfSeriousHarm",
        ${when(licence, sql`l.type_code`)} as "licenceType",
        ${when(
          isSelected(fields, 'licenceConditions'),
          sql`(select string_agg(distinct ${conditionType}, ',') from probation.licence_condition lc
          where lc.licence_id = l.licence_id and lc.kind <> 'STANDARD')`,
        )} as "licenceConditions",
        ${when(isSelected(fields, 'recalls') && counted, sql`(select count(*) from probation.recall rc where rc.crn = c.crn and rc.recall_date between ${period.from}::date and ${period.to}::date)::int`)} as recalls
      from probation.probation_case c
        ${risk ? sql`left join probation.risk_of_serious_harm r on r.crn = c.crn` : sql``}
        ${
          licence
            ? sql`left join lateral (select licence_id, type_code from probation.licence
          where crn = c.crn and status = 'ACTIVE' order by licence_start_date desc, licence_id desc limit 1) l on true`
            : sql``
        }
      where c.area = ${area} and not c.ct_restricted`,
    ['pnc_id', 'supervisionType', 'riskOfSeriousHarm', 'licenceType', 'licenceConditions', 'recalls'],
  );
  // Recalls are null without a period.
  return {
    pseudonym: pseudonymsOf(querySecret, columns.pnc_id),
    supervisionType: columns.supervisionType,
    riskOfSeriousHarm: columns.riskOfSeriousHarm,
    licenceType: columns.licenceType.map((type) => type ?? 'NO_LICENCE'),
    licenceConditions: columns.licenceConditions.map((conditions) => (conditions === null ? ['NONE'] : conditions.split(','))),
    recalls: counted ? columns.recalls.map(Number) : null,
  };
}
