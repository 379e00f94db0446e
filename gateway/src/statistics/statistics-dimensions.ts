import { registerEnumType } from 'type-graphql';

/** The owners the statistics service asks, by subgraph name. */
export type StatisticsOwner = 'mappa' | 'police' | 'probation' | 'prison' | 'yot';

/** The fixed dimensions of an ad-hoc aggregate: each is one owner's, with every value it can take. */
export enum StatisticsDimension {
  CATEGORY = 'CATEGORY',
  LEVEL = 'LEVEL',
  LEAD_AGENCY = 'LEAD_AGENCY',
  GENDER = 'GENDER',
  AGE_BAND = 'AGE_BAND',
  SUPERVISION_TYPE = 'SUPERVISION_TYPE',
  RISK_OF_SERIOUS_HARM = 'RISK_OF_SERIOUS_HARM',
  ETHNICITY = 'ETHNICITY',
  ORDER_TYPE = 'ORDER_TYPE',
  LICENCE_TYPE = 'LICENCE_TYPE',
  LICENCE_CONDITION = 'LICENCE_CONDITION',
  CUSTODY_STATUS = 'CUSTODY_STATUS',
  RELEASE_WITHIN_DAYS = 'RELEASE_WITHIN_DAYS',
  YOUTH_JUSTICE = 'YOUTH_JUSTICE',
}

registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description:
    'A dimension of an ad-hoc aggregate, and which agency holds it (docs/statistics.md). A person the agency holds no record of counts under NOT_HELD.',
  valuesConfig: {
    CATEGORY: { description: 'MAPPA category 1-3 (MAPPA unit; category 4 is in no statistic).' },
    LEVEL: { description: 'MAPPA level 1-3 (MAPPA unit).' },
    LEAD_AGENCY: { description: 'POLICE, PROBATION or YOT (MAPPA unit).' },
    GENDER: { description: 'MALE, FEMALE, NOT_KNOWN (police).' },
    AGE_BAND: { description: 'UNDER_18, AGE_18_TO_25, AGE_26_TO_35, AGE_36_TO_50, AGE_51_AND_OVER on the day asked (police).' },
    SUPERVISION_TYPE: { description: 'CUSTODY, LICENCE, COMMUNITY_ORDER, NONE (a current case without one), NOT_CURRENT (probation).' },
    RISK_OF_SERIOUS_HARM: { description: 'The overall risk of serious harm: LOW, MEDIUM, HIGH, VERY_HIGH, NOT_ASSESSED (probation).' },
    ETHNICITY: {
      description:
        'The self-defined ethnicity as one of the five census groups WHITE, MIXED, ASIAN, BLACK, OTHER, or NOT_STATED (police; never the 18+1 code).',
    },
    ORDER_TYPE: {
      description:
        "The civil orders in force today, SHPO, SOPO, SRO, NOTIFICATION_ORDER, FOREIGN_TRAVEL_ORDER, or NONE (police). A person may hold several: as rows or columns each counts the people holding that order, and the other way's totals count each person once (`rowsOverlap`, `columnsOverlap`).",
    },
    LICENCE_TYPE: { description: 'The type of the licence in force: AP, PSS, AP_PSS, or NO_LICENCE (probation).' },
    LICENCE_CONDITION: {
      description:
        "The additional and bespoke condition types of the licence in force, e.g. EXCLUSION_ZONE, CURFEW, NON_CONTACT, or NONE (probation). A licence has several: as rows or columns each counts the people holding that condition type, and the other way's totals count each person once (`rowsOverlap`, `columnsOverlap`).",
    },
    CUSTODY_STATUS: { description: 'In custody SENTENCED, INDETERMINATE_SENTENCE, RECALL or REMAND, or RELEASED (prison).' },
    RELEASE_WITHIN_DAYS: {
      description:
        'For someone in custody, whether their release date falls within `releaseWithinDays` days from today: WITHIN, LATER, NO_RELEASE_DATE; NOT_IN_CUSTODY once released (prison).',
    },
    YOUTH_JUSTICE: {
      description:
        "A young person's case with the youth offending team: YOT_MANAGED (under 18, open or in breach), TRANSITIONING (to probation at 18), CLOSED (YOT).",
    },
  },
});

/** Where a dimension comes from: its owner, the field of the owner's answer, and its values in table order. */
export interface DimensionSource {
  readonly owner: StatisticsOwner;
  readonly field: string;
  readonly values: readonly string[];
  /**
   * A person holds a list of these values (several orders, several licence conditions): a filter keeps
   * a person holding any kept value; as rows (or columns) a person is in the row of each value they
   * hold, as official multiple-response tables are published, and the totals the other way count each
   * person once (not the sum of the cells). At most one per table (statistics.service.ts).
   */
  readonly multiValued?: true;
}

/** The value of a dimension for a person the owner holds no record of. */
export const NOT_HELD = 'NOT_HELD';

export const DIMENSIONS: { readonly [D in StatisticsDimension]: DimensionSource } = {
  CATEGORY: { owner: 'mappa', field: 'category', values: ['1', '2', '3'] },
  LEVEL: { owner: 'mappa', field: 'level', values: ['1', '2', '3'] },
  LEAD_AGENCY: { owner: 'mappa', field: 'leadAgency', values: ['POLICE', 'PROBATION', 'YOT'] },
  GENDER: { owner: 'police', field: 'gender', values: ['MALE', 'FEMALE', 'NOT_KNOWN', NOT_HELD] },
  AGE_BAND: {
    owner: 'police',
    field: 'ageBand',
    values: ['UNDER_18', 'AGE_18_TO_25', 'AGE_26_TO_35', 'AGE_36_TO_50', 'AGE_51_AND_OVER', NOT_HELD],
  },
  SUPERVISION_TYPE: {
    owner: 'probation',
    field: 'supervisionType',
    values: ['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER', 'NONE', 'NOT_CURRENT', NOT_HELD],
  },
  RISK_OF_SERIOUS_HARM: {
    owner: 'probation',
    field: 'riskOfSeriousHarm',
    values: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_ASSESSED', NOT_HELD],
  },
  ETHNICITY: { owner: 'police', field: 'ethnicityGroup', values: ['WHITE', 'MIXED', 'ASIAN', 'BLACK', 'OTHER', 'NOT_STATED', NOT_HELD] },
  ORDER_TYPE: {
    owner: 'police',
    field: 'orderTypes',
    values: ['SHPO', 'SOPO', 'SRO', 'NOTIFICATION_ORDER', 'FOREIGN_TRAVEL_ORDER', 'NONE', NOT_HELD],
    multiValued: true,
  },
  LICENCE_TYPE: { owner: 'probation', field: 'licenceType', values: ['AP', 'PSS', 'AP_PSS', 'NO_LICENCE', NOT_HELD] },
  LICENCE_CONDITION: {
    owner: 'probation',
    field: 'licenceConditions',
    values: [
      'EXCLUSION_ZONE',
      'CURFEW',
      'NON_CONTACT',
      'RESIDENCE',
      'PROGRAMME',
      'DRUG_TESTING',
      'POLYGRAPH',
      'DEVICE_MONITORING',
      'ELECTRONIC_MONITORING',
      'EXTREMISM',
      'BESPOKE',
      'OTHER',
      'NONE',
      NOT_HELD,
    ],
    multiValued: true,
  },
  CUSTODY_STATUS: {
    owner: 'prison',
    field: 'custodyStatus',
    values: ['SENTENCED', 'INDETERMINATE_SENTENCE', 'RECALL', 'REMAND', 'RELEASED', NOT_HELD],
  },
  RELEASE_WITHIN_DAYS: {
    owner: 'prison',
    field: 'releaseWithin',
    values: ['WITHIN', 'LATER', 'NO_RELEASE_DATE', 'NOT_IN_CUSTODY', NOT_HELD],
  },
  YOUTH_JUSTICE: { owner: 'yot', field: 'youthJustice', values: ['YOT_MANAGED', 'TRANSITIONING', 'CLOSED', NOT_HELD] },
};

/** What an owner's statistics query takes beyond the area and the query's pseudonym secret. */
export type OwnerArgument = 'keySecret' | 'period' | 'releaseWithinDays';

/** Each owner's statistics query: its field, what is always selected, and the arguments it takes (the dimensions and measures add their fields). */
export const OWNER_QUERIES: {
  readonly [O in StatisticsOwner]: { readonly field: string; readonly selection: string; readonly arguments: readonly OwnerArgument[] };
} = {
  mappa: { field: 'mappaStatisticsSubjects', selection: 'pseudonym recordKey category level leadAgency', arguments: ['keySecret'] },
  police: { field: 'policeStatisticsSubjects', selection: 'pseudonym', arguments: ['period'] },
  probation: { field: 'probationStatisticsSubjects', selection: 'pseudonym', arguments: ['period'] },
  prison: { field: 'prisonStatisticsSubjects', selection: 'pseudonym', arguments: ['period', 'releaseWithinDays'] },
  yot: { field: 'yotStatisticsSubjects', selection: 'pseudonym', arguments: [] },
};
