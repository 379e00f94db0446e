import { registerEnumType } from 'type-graphql';

/** The owners the statistics service asks, by subgraph name. */
export type StatisticsOwner = 'mappa' | 'police' | 'probation';

/** The fixed dimensions of an ad-hoc aggregate: each is one owner's, with every value it can take. */
export enum StatisticsDimension {
  CATEGORY = 'CATEGORY',
  LEVEL = 'LEVEL',
  LEAD_AGENCY = 'LEAD_AGENCY',
  GENDER = 'GENDER',
  AGE_BAND = 'AGE_BAND',
  SUPERVISION_TYPE = 'SUPERVISION_TYPE',
  RISK_OF_SERIOUS_HARM = 'RISK_OF_SERIOUS_HARM',
}

registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'A dimension of an ad-hoc aggregate, and which agency holds it (docs/statistics.md). A person the agency holds no record of counts under NOT_HELD.',
  valuesConfig: {
    CATEGORY: { description: 'MAPPA category 1-3 (MAPPA unit; category 4 is in no statistic).' },
    LEVEL: { description: 'MAPPA level 1-3 (MAPPA unit).' },
    LEAD_AGENCY: { description: 'POLICE, PROBATION or YOT (MAPPA unit).' },
    GENDER: { description: 'MALE, FEMALE, NOT_KNOWN (police).' },
    AGE_BAND: { description: 'UNDER_18, AGE_18_TO_25, AGE_26_TO_35, AGE_36_TO_50, AGE_51_AND_OVER on the day asked (police).' },
    SUPERVISION_TYPE: { description: 'CUSTODY, LICENCE, COMMUNITY_ORDER, NONE (a current case without one), NOT_CURRENT (probation).' },
    RISK_OF_SERIOUS_HARM: { description: 'The overall risk of serious harm: LOW, MEDIUM, HIGH, VERY_HIGH, NOT_ASSESSED (probation).' },
  },
});

/** Where a dimension comes from: its owner, the field of the owner's answer, and its values in table order. */
export interface DimensionSource {
  readonly owner: StatisticsOwner;
  readonly field: string;
  readonly values: readonly string[];
}

/** The value of a dimension for a person the owner holds no record of. */
export const NOT_HELD = 'NOT_HELD';

export const DIMENSIONS: { readonly [D in StatisticsDimension]: DimensionSource } = {
  CATEGORY: { owner: 'mappa', field: 'category', values: ['1', '2', '3'] },
  LEVEL: { owner: 'mappa', field: 'level', values: ['1', '2', '3'] },
  LEAD_AGENCY: { owner: 'mappa', field: 'leadAgency', values: ['POLICE', 'PROBATION', 'YOT'] },
  GENDER: { owner: 'police', field: 'gender', values: ['MALE', 'FEMALE', 'NOT_KNOWN', NOT_HELD] },
  AGE_BAND: { owner: 'police', field: 'ageBand', values: ['UNDER_18', 'AGE_18_TO_25', 'AGE_26_TO_35', 'AGE_36_TO_50', 'AGE_51_AND_OVER', NOT_HELD] },
  SUPERVISION_TYPE: { owner: 'probation', field: 'supervisionType', values: ['CUSTODY', 'LICENCE', 'COMMUNITY_ORDER', 'NONE', 'NOT_CURRENT', NOT_HELD] },
  RISK_OF_SERIOUS_HARM: { owner: 'probation', field: 'riskOfSeriousHarm', values: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_ASSESSED', NOT_HELD] },
};

/** What each owner's statistics query selects (the population is the MAPPA unit's). */
export const OWNER_QUERIES: { readonly [O in StatisticsOwner]: { readonly field: string; readonly selection: string; readonly withKeySecret: boolean } } = {
  mappa: { field: 'mappaStatisticsSubjects', selection: 'pseudonym recordKey category level leadAgency', withKeySecret: true },
  police: { field: 'policeStatisticsSubjects', selection: 'pseudonym gender ageBand', withKeySecret: false },
  probation: { field: 'probationStatisticsSubjects', selection: 'pseudonym supervisionType riskOfSeriousHarm', withKeySecret: false },
};
