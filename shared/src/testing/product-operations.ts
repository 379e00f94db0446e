// The product's own operations, as its users send them: the README's example, the five-agency
// offender view a MAPP meeting opens, and the register page the benchmark pages through. The tests
// run them and measure the document limits against them, and the benchmark runs the page: one copy,
// so a limit cannot be tuned against an operation that is not the product's.

/** The README's example: level 3 cases on the register, with names and MAPPA summary. */
export const README_EXAMPLE_QUERY = '{ offenders(first: 3, filter: { level: 3 }) { totalCount edges { node { pncId identity { firstName lastName } mappaCase { category level leadAgency } } } } }';

/** The single offender view across all five agencies. */
export const FIVE_AGENCY_VIEW = `query OffenderView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName dateOfBirth croNumber }
    visorNominal { status restrictedAccess }
    sexOffenderNotification { indefinite }
    mappaCase { category level leadAgency area startDate nextReviewDate status }
    probationCase { crn status area }
    licences { status startDate: conditionalReleaseDate expiryDate: licenceExpiryDate }
    riskOfSeriousHarm { overallRiskLevel }
    custody { prisonNumber inOutStatus }
    sentence { conditionalReleaseDate licenceExpiryDate }
    mappaHNotification { notifiedDate }
  }
}`;

/** A 50-offender register page with a field from each agency: the largest of the product's operations. */
export const REGISTER_PAGE = `query OffenderPage($after: String, $filter: OffenderFilter) {
  offenders(first: 50, after: $after, filter: $filter) {
    edges { node {
      pncId
      identity { firstName lastName }
      mappaCase { category level leadAgency }
      probationCase { crn }
      riskOfSeriousHarm { overallRiskLevel }
      custody { prisonNumber }
      sentence { conditionalReleaseDate }
      mappaHNotification { category }
    } }
    pageInfo { endCursor hasNextPage }
  }
}`;
