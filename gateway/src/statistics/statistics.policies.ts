import { Agency, definePolicies } from '@mappa/shared';

/*
 * The gateway statistics service's own policies (issue 13). The service holds no records: it asks each
 * owner for its part under the caller's own assertion (the owners enforce theirs), joins them by
 * per-query pseudonym, counts, suppresses and rounds. These policies say who may ask it at all.
 */
export const statisticsPolicies = definePolicies('statistics', {
  publishedTables: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      'The MAPPA annual report tables of an area and reporting year (C §7.3), counts only, suppressed and rounded (docs/statistics.md). Analysts of the Responsible Authority agencies, the YOT and the MAPPA unit, the co-ordinator, the chair and the SMB lay advisers, under STATISTICS, for the area of their own token; another area is answered with nothing (principle 9).',
    rules: ['principle 8', 'principle 9', 'C.92', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair', 'lay_adviser'], purposes: ['STATISTICS'] }],
  },
  adHocAggregate: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      "Ad-hoc two-way counts of an area's MAPPA offenders over dimensions several owners hold, joined inside the product by per-query pseudonym; counts only, with a minimum group size, suppressed and rounded (docs/statistics.md). Analysts, the co-ordinator and the chair (not lay advisers: the published tables only), under STATISTICS, for their own area.",
    rules: ['principle 8', 'principle 9', 'C.93'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair'], purposes: ['STATISTICS'] }],
  },
  kpis: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      "The MAPPA KPIs of an area for a reporting year or quarter (C §7.2), counts and percentages only, suppressed and rounded (docs/statistics.md). Analysts, the co-ordinator, the chair and the SMB lay advisers (full SMB members, who review the area's MAPPA statistics and the SMB analyses the KPIs: A.R27, guidance 31.19), under STATISTICS, for the area of their own token; analysts, the co-ordinator and the chair for any other area too (C.95: areas see each other's KPI compliance), lay advisers' other areas are answered with nothing (principle 9).",
    rules: ['principle 8', 'principle 9', 'A.R27', 'C.93', 'C.95'],
    grants: [{ roles: ['analyst', 'mappa_coordinator', 'mappa_chair', 'lay_adviser'], purposes: ['STATISTICS'] }],
  },
  disclosureStatistics: {
    owner: Agency.MAPPA_UNIT,
    classification: 'OFFICIAL',
    summary:
      "The MAPPA unit's disclosure statistics of an area for a reporting year or quarter (KPI 3 and the SMB's monitoring, C §7): level 2/3 meetings held and considered, decisions proposed, made, not made and withdrawn, by recipient kind and level; counts only, suppressed and rounded by cell key, over fixed periods so that no two answers differ by one decision (docs/statistics.md). The co-ordinator and the SMB lay advisers (the MAPPA unit's), under STATISTICS, for the area of their own token; another area is answered with nothing (principle 9).",
    rules: ['principle 8', 'principle 9', 'KPI 3', 'C.92', 'C.93'],
    grants: [{ roles: ['mappa_coordinator', 'lay_adviser'], agencies: ['mappa_unit'], purposes: ['STATISTICS'] }],
  },
});

/** Every statistics policy, for the schema build and the access matrix. */
export const STATISTICS_POLICIES = Object.values(statisticsPolicies);
