// The product's own operations, as its users send them: the README's example, the five-agency
// offender view, the meeting pack a MAPP meeting opens, and the register page the benchmark pages through. The tests
// run them and measure the document limits against them, and the benchmark runs the page: one copy,
// so a limit cannot be tuned against an operation that is not the product's.

/** The README's example: level 3 cases on the register, with names and MAPPA summary. */
export const README_EXAMPLE_QUERY =
  '{ offenders(first: 3, filter: { level: 3 }) { totalCount edges { node { pncId identity { firstName lastName } mappaCase { category level leadAgency } } } } }';

/**
 * The single offender view's selection of one person, every agency's part of it: what the offender
 * view and the meeting pack both ask about their subject, so the two are measured like for like.
 */
const SINGLE_OFFENDER_SELECTION = `{
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
  }`;

/** The single offender view across all five agencies. */
export const FIVE_AGENCY_VIEW = `query OffenderView($pncId: ID!) {
  offender(pncId: $pncId) ${SINGLE_OFFENDER_SELECTION}
}`;

/**
 * The meeting pack (issue 10): the one document every attendee's front end sends for a MAPP meeting,
 * the meeting and its subject's single offender view. Each attendee gets what their own role, agency,
 * clearance and attendance allow; the owners and the gateway decide that, never the document. The
 * MAPPA unit's preview (`meetingPackPreview`) decides the same fields for each invitee from the
 * policies composed into the supergraph (`npm run schema:generate` lists them from this selection).
 */
export const MEETING_PACK = `query MeetingPack($meetingId: ID!) {
  meeting(id: $meetingId) {
    meetingId
    kind
    scheduledFor
    status
    subject ${SINGLE_OFFENDER_SELECTION.replace(/\n {2}/g, '\n    ')}
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
