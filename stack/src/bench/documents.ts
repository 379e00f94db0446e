// The GraphQL operations the benchmark sends (besides those the product's shared package defines).

// The register page the benchmark pages through to collect its cursors.
export const CURSOR_PAGE =
  'query($after: String, $filter: OffenderFilter) { offenders(first: 50, after: $after, filter: $filter) { edges { node { pncId } } pageInfo { endCursor hasNextPage } } }';
export const POLICE_IDENTITY =
  'query Identity($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth croNumber } } }';
export const OFFENDER_VIEW = `query OffenderView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName dateOfBirth }
    visorNominal { visorReference status }
    mappaCase { category level leadAgency area nextReviewDate }
    probationCase { crn status }
    riskOfSeriousHarm { overallRiskLevel }
    custody { prisonNumber }
    sentence { conditionalReleaseDate licenceExpiryDate }
    mappaHNotification { category }
  }
}`;
// Issue 13: the statistics workloads. The annual report (every table) for the analyst's own area, for
// the last reporting year before the dataset's day, and an ad-hoc aggregate over three dimensions of
// three owners (rows, columns and a filter).
export const STATISTICS_COUNT = 'count suppressed';
export const STATISTICS_TABLE = `rows { value cells { ${STATISTICS_COUNT} } total { ${STATISTICS_COUNT} } } columnTotals { ${STATISTICS_COUNT} } total { ${STATISTICS_COUNT} }`;
export const STATISTICS_ANNUAL_REPORT = `query BenchAnnualReport($area: MappaArea!, $year: Int!) {
  annualReport(area: $area, year: $year) {
    offendersOn31March { ${STATISTICS_TABLE} } managedAtLevel2Or3InYear { ${STATISTICS_TABLE} } breachOfNotification { ${STATISTICS_TABLE} }
    civilOrdersImposed { ${STATISTICS_TABLE} } returnedToCustodyForBreachOfLicence { ${STATISTICS_TABLE} } returnedToCustodyForBreachOfLicenceByReason { ${STATISTICS_TABLE} }
    returnedToCustodyForBreachOfOrder { ${STATISTICS_TABLE} } registeredSexOffendersPer100000 { rate suppressed }
    seriousFurtherOffenceCharges { ${STATISTICS_TABLE} } seriousCaseReviews { ${STATISTICS_TABLE} } seriousFurtherOffenceOutcomes { ${STATISTICS_TABLE} }
  }
}`;
export const STATISTICS_AGGREGATE = `query BenchAggregate($area: MappaArea!, $filters: [StatisticsFilterInput!]) {
  statisticsAggregate(area: $area, rows: CATEGORY, columns: GENDER, filters: $filters) { ${STATISTICS_TABLE} }
}`;
/** An ad-hoc table of the MAPPA unit's own dimensions: the unit answers it as grouped counts, not a row per person (issue 13). */
export const STATISTICS_AGGREGATE_MAPPA = `query BenchAggregateMappa($area: MappaArea!, $filters: [StatisticsFilterInput!]) {
  statisticsAggregate(area: $area, rows: CATEGORY, columns: LEVEL, filters: $filters) { ${STATISTICS_TABLE} }
}`;
/** The reporting year the statistics workloads ask for: the last one before the bench dataset's day (2026-11-01). */
export const STATISTICS_YEAR = 2025;
