import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Kind, parse } from 'graphql';
import type { ObjectTypeDefinitionNode, TypeNode } from 'graphql';
import { isMappaCoordinator, isUnder18, requestDateOf } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, PrincipalAgency, Purpose, Role, SyntheticPerson } from '@mappa/shared';
import { insertDisclosureDecision } from './support/disclosure-records';
import { insertMeeting, insertReferral, inviteToMeeting, signAttendance } from './support/mappa-records';
import { postGraphQL, startTestStack } from './support/test-stack';
import type { GraphQLResponse, TestStack } from './support/test-stack';

// The role × purpose matrix over the whole offender view (issue 3): for every role in the domain
// README §3, the whole offender view is asked for under every purpose, and the test asserts exactly
// which fields come back and which are refused, with which policy.
//
// The expectations are written by hand from the rules (domain README §3–§4, the access-rules
// inventory §2.2 and §5, and the analyses where those are unclear), NOT from the policies, the
// generated access matrix or its generator: if the code and the rules disagree, this test fails.
// Two tables below carry them:
//   FIELDS_BY_POLICY  which fields of the view form each record group, and the policy that names a refusal;
//   MATRIX            for each role and purpose, which of those groups the role may read.
// Everything not listed for a role and purpose is refused (principle 1, deny by default).
//
// Where the inventory's proposal (§5) and the policies disagreed, the rules decided:
// - Fixed in the policies: the duty-to-co-operate minimal summary (principle 5, A.R26) had no grant
//   at all, not even the PNC ID; it now has its own field groups (police.identityNames,
//   mappa.levelAndLeadAgency, probation.offenderManagerContact). Jobcentre Plus reaches the risk to its
//   staff and nothing else (A.R32); the Home Office adds nationality, MAPPA status and start date and the
//   RoSH levels (A.R38, C.71, C.72). The PNC ID follows §2.2: a role asking under a purpose it may not
//   declare gets no offender at all, rather than its key with every field refused.
// - Kept, because the proposal needs a row condition that does not exist yet and the rule protects
//   someone else's data (fail closed): release-area custody and release dates for the OM and PPU
//   (A.R15, B.59), the VLO's prison VCS dates (B.57, C.14, C.34),
//   MAIN/PROPOSED addresses for the RA (B.1, B.59), type P alerts for the RA (B.49), history for the lead agency (A.R20, A.R21), the allocated COM's view of
//   a victim's scheme and VLO (C.33), the FNO condition on the Home Office (A.R38: the live case grant
//   the co-ordinator creates for the meeting is that check).
// - Kept, because the rules are wider than the proposal: Responsible Authority roles read the MAPPA
//   summaries under MAPPA_SCREENING too (§2.2 names only the co-ordinator, but the managing agencies
//   make the referral, A.R19, B.55); the ViSOR nominal is part of the RA's MAPPA summary (principle 3:
//   MAPPA status), not only the co-ordinator's identification fields (A.R9, C.88).
// - Closed for the police's information governance (A.R12, OQ 20): under AUDIT it opens the ViSOR
//   nominal and police risk assessment only for their author fields; the other owners' information
//   governance still has no way into the view under AUDIT.
//
// Row scope is kept out of the matrix on purpose (another part of issue 3 adds it): subjects are
// adults for meetings and decisions (A.R25, B.10), not counter-terrorism restricted (principle 7), not
// limited-access at probation, and every principal asks from the subject's own area with
// the staff id of the record's own officer where the data names one (COM, VLO, YOT case manager).

/**
 * The record groups of the offender view. Each path is a field below `offender`; `[]` marks a list
 * and `!` a field that is never null when its parent is returned. A refused group gives one
 * FORBIDDEN error naming its policy at its outermost refused field on each path (through item 0 of a
 * list), and none below it. The grouping says which policy a refusal must name (the names the
 * fields' @Access declarations use, reviewed against the record types of inventory §5); it says
 * nothing about who may read: that is MATRIX.
 */
const FIELDS_BY_POLICY: Record<string, readonly string[]> = {
  'police.subjectKey': [
    'pncId!', 'identity.pncId!',
  ],
  'police.identityNames': [
    'identity', 'identity.firstName!', 'identity.lastName!', 'identity.dateOfBirth!',
  ],
  'police.identity': [
    'identity.croNumber', 'identity.middleNames', 'identity.gender', 'identity.aliases[]', 'identity.aliases.firstName!',
    'identity.aliases.lastName!', 'identity.aliases.dateOfBirth',
  ],
  'police.ethnicity': [
    'identity.ethnicityCode',
  ],
  'police.nationality': [
    'identity.nationality',
  ],
  // The record itself apart from its content, so information governance can open it for its author (A.R12).
  'police.visorNominalRecord': [
    'visorNominal',
  ],
  'police.visorNominal': [
    'visorNominal.visorReference!', 'visorNominal.status!', 'visorNominal.recordManagerForce!', 'visorNominal.partnerAgencies[]!',
    'visorNominal.restrictedAccess!', 'visorNominal.createdDate!',
  ],
  'police.policeStaff': [
    'visorNominal.recordManagerStaffId', 'policeRiskAssessment.assessorStaffId', 'mappaJNotification.senderStaffId',
  ],
  'police.visorAdministration': [
    'visorNominal.retentionReviewDate',
  ],
  'police.notification': [
    'sexOffenderNotification', 'sexOffenderNotification.startDate!', 'sexOffenderNotification.periodYears', 'sexOffenderNotification.indefinite!',
    'sexOffenderNotification.expiryDate', 'sexOffenderNotification.lastVerifiedDate!', 'sexOffenderNotification.breaches[]!',
    'sexOffenderNotification.breaches.breachDate!', 'sexOffenderNotification.breaches.nature!', 'sexOffenderNotification.breaches.outcome!',
  ],
  'police.registeredAddress': [
    'sexOffenderNotification.registeredAddressLine1', 'sexOffenderNotification.registeredAddressTown',
    'sexOffenderNotification.registeredAddressPostcode', 'sexOffenderNotification.homeVisitFrequencyWeeks',
  ],
  'police.policeRiskRecord': [
    'policeRiskAssessment',
  ],
  'police.policeRisk': [
    'policeRiskAssessment.tool!', 'policeRiskAssessment.level!', 'policeRiskAssessment.assessedDate!',
  ],
  'police.civilOrders': [
    'civilOrders[]', 'civilOrders.type!', 'civilOrders.court!', 'civilOrders.madeDate!', 'civilOrders.startDate!', 'civilOrders.endDate',
  ],
  'police.civilOrderConditions': [
    'civilOrders.conditions[]',
  ],
  'police.warningMarkers': [
    'warningMarkers[]', 'warningMarkers.code!', 'warningMarkers.createdDate!',
  ],
  'police.intelligenceSummary': [
    'intelligence[]', 'intelligence.recordedDate!', 'intelligence.sanitisedSummary!',
  ],
  'police.intelligence': [
    'intelligence.reference', 'intelligence.sourceEvaluation', 'intelligence.intelligenceAssessment', 'intelligence.handlingCode',
    'intelligence.originatorForce', 'intelligence.text',
  ],
  'police.mappaJContent': [
    'mappaJNotification', 'mappaJNotification.restrictionType!', 'mappaJNotification.restrictionEndDate!', 'mappaJNotification.riskToJobcentreStaff!',
  ],
  'police.mappaJAdministration': [
    'mappaJNotification.sentDate', 'mappaJNotification.sentBy', 'mappaJNotification.offenderInformed', 'mappaJNotification.jobcentreSpocConsulted',
  ],
  // Issue 12 split custody by reader: the record itself, its status (A.R15, B.57, B.59), where the person is held (B.59), the rest.
  'prison.custodyRecord': [
    'custody', 'custody.lastMovement!',
  ],
  'prison.custodyStatus': [
    'custody.inOutStatus!', 'custody.legalStatus!', 'custody.lastMovement.type!', 'custody.lastMovement.date!',
  ],
  'prison.custodyEstablishment': [
    'custody.establishmentName',
  ],
  'prison.custody': [
    'custody.prisonNumber', 'custody.establishmentCode', 'custody.lastEstablishmentCode', 'custody.lastEstablishmentName', 'custody.securityCategory',
    'custody.receptionDate', 'custody.lastMovement.reason', 'custody.lastMovement.fromEstablishmentCode', 'custody.lastMovement.toEstablishmentCode',
  ],
  'prison.custodyPrisonOnly': [
    'custody.bookingId', 'custody.cellLocation', 'custody.incentiveLevel',
  ],
  // Issue 12: the sentence itself, the Victim Contact Scheme's items (C.34), the other key dates (A.R15, B.59), the rest.
  'prison.sentenceRecord': [
    'sentence',
  ],
  'prison.sentenceVictimInformation': [
    'sentence.sentenceType!', 'sentence.indeterminate!', 'sentence.conditionalReleaseDate!', 'sentence.paroleEligibilityDate', 'sentence.tariffDate',
    'sentence.releaseDate', 'sentence.releaseDateConfirmed!',
  ],
  'prison.sentenceKeyDates': [
    'sentence.sentenceExpiryDate', 'sentence.automaticReleaseDate', 'sentence.licenceExpiryDate', 'sentence.homeDetentionCurfewEligibilityDate',
    'sentence.topUpSupervisionExpiryDate', 'sentence.releaseDateConfirmedDate',
  ],
  'prison.sentence': [
    'sentence.lengthMonths', 'sentence.startDate',
  ],
  'prison.offences': [
    'sentence.offences[]', 'sentence.offences.code!', 'sentence.offences.description!', 'sentence.offences.schedule15!',
    'sentence.offences.schedule3!', 'sentence.offences.convictionDate!', 'sentence.offences.mostSerious!',
  ],
  'prison.mappaAlert': [
    'prisonAlerts[]', 'prisonAlerts.type!', 'prisonAlerts.typeDescription!', 'prisonAlerts.code!', 'prisonAlerts.codeDescription!',
    'prisonAlerts.createdDate!', 'prisonAlerts.expiryDate', 'prisonAlerts.expired!', 'prisonAlerts.active!',
  ],
  'prison.alertComment': [
    'prisonAlerts.comment',
  ],
  // Issue 12: what the scheme tells a victim of a release on temporary licence (C.14, C.34), and the rest.
  'prison.temporaryReleaseRecord': [
    'temporaryReleases[]', 'temporaryReleases.type!', 'temporaryReleases.start!', 'temporaryReleases.end!', 'temporaryReleases.outcome!',
  ],
  'prison.temporaryRelease': [
    'temporaryReleases.approvedDate', 'temporaryReleases.purpose', 'temporaryReleases.mappaCoordinatorConsulted',
  ],
  'prison.adjudication': [
    'adjudications[]', 'adjudications.adjudicationNumber!', 'adjudications.establishmentCode!', 'adjudications.incidentDate!',
    'adjudications.hearingDate!', 'adjudications.chargeCode!', 'adjudications.charge!', 'adjudications.finding!', 'adjudications.punishment',
  ],
  'prison.mappaFReport': [
    'mappaFReports[]', 'mappaFReports.establishmentCode!', 'mappaFReports.reportDate!', 'mappaFReports.meetingDate!',
    'mappaFReports.prisonAttending!', 'mappaFReports.behaviourInCustody!', 'mappaFReports.programmesCompleted[]!', 'mappaFReports.contactConcerns',
    'mappaFReports.riskFactorsObserved!',
  ],
  'prison.mappaFReportAuthor': [
    'mappaFReports.authorStaffId!',
  ],
  'probation.offenderManagerContact': [
    'probationCase', 'probationCase.communityOffenderManager!', 'probationCase.communityOffenderManager.forenames',
    'probationCase.communityOffenderManager.surname', 'probationCase.communityOffenderManager.email',
    'probationCase.communityOffenderManager.telephoneNumber', 'probationCase.communityOffenderManager.team!',
    'probationCase.communityOffenderManager.team.code!', 'probationCase.communityOffenderManager.team.description!',
    'probationCase.communityOffenderManager.team.telephoneNumber!',
  ],
  'probation.caseReference': [
    'probationCase.crn', 'probationCase.communityOffenderManager.staffCode', 'probationCase.communityOffenderManager.allocated',
  ],
  'probation.caseSummary': [
    'probationCase.status', 'probationCase.supervisionType', 'probationCase.area', 'probationCase.tier', 'probationCase.inBreach',
    'probationCase.provider', 'probationCase.provider.code!', 'probationCase.provider.description!', 'probationCase.mainOffence',
    'probationCase.mainOffence.code!', 'probationCase.mainOffence.description!', 'probationCase.mainOffence.convictionDate!',
  ],
  'probation.caseAdministration': [
    'probationCase.previouslyKnownTerminationDate', 'probationCase.currentRestriction',
  ],
  // Issue 12: the licence list is a container of its own, so the electronic monitoring provider reaches
  // the conditions it monitors (A.R37) without the licence dates.
  'probation.licenceRecords': [
    'licences[]',
  ],
  'probation.licenceDates': [
    'licences.status!', 'licences.conditionalReleaseDate!', 'licences.licenceStartDate!', 'licences.licenceExpiryDate',
    'licences.sentenceExpiryDate',
  ],
  'probation.licence': [
    'licences.licenceId', 'licences.typeCode', 'licences.version', 'licences.variationOf', 'licences.prisonNumber', 'licences.sentenceStartDate',
    'licences.topUpSupervisionExpiryDate', 'licences.createdDate', 'licences.approvedDate', 'licences.updatedDate',
    'licences.responsibleComStaffCode',
  ],
  'probation.licenceConditions': [
    'licences.conditions[]', 'licences.conditions.kind!', 'licences.conditions.period!', 'licences.conditions.code!', 'licences.conditions.category!',
    'licences.conditions.identifiesVictim!', 'licences.conditions.isExclusionZone!',
  ],
  'probation.licenceConditionText': [
    'licences.conditions.text',
  ],
  'probation.riskOfSeriousHarm': [
    'riskOfSeriousHarm', 'riskOfSeriousHarm.riskInCommunity!',
  ],
  'probation.riskAssessment': [
    'riskOfSeriousHarm.assessmentId', 'riskOfSeriousHarm.assessedDate', 'riskOfSeriousHarm.predictors', 'riskOfSeriousHarm.predictors.ogrs!',
    'riskOfSeriousHarm.predictors.ogrs.score!', 'riskOfSeriousHarm.predictors.ogrs.band!', 'riskOfSeriousHarm.predictors.rsr!',
    'riskOfSeriousHarm.predictors.rsr.score!', 'riskOfSeriousHarm.predictors.rsr.band!', 'riskOfSeriousHarm.predictors.ospContact',
    'riskOfSeriousHarm.predictors.ospContact.score!', 'riskOfSeriousHarm.predictors.ospContact.band!', 'riskOfSeriousHarm.predictors.ospIndecent',
    'riskOfSeriousHarm.predictors.ospIndecent.score!', 'riskOfSeriousHarm.predictors.ospIndecent.band!', 'riskOfSeriousHarm.predictors.ovp!',
    'riskOfSeriousHarm.predictors.ovp.score!', 'riskOfSeriousHarm.predictors.ovp.band!',
  ],
  'probation.riskSummary': [
    'riskOfSeriousHarm.overallRiskLevel', 'riskOfSeriousHarm.riskInCommunity.children', 'riskOfSeriousHarm.riskInCommunity.public',
    'riskOfSeriousHarm.riskInCommunity.knownAdult', 'riskOfSeriousHarm.riskInCommunity.prisoners', 'riskOfSeriousHarm.riskInCustody.children',
    'riskOfSeriousHarm.riskInCustody.public', 'riskOfSeriousHarm.riskInCustody.knownAdult', 'riskOfSeriousHarm.riskInCustody.prisoners',
  ],
  'probation.riskNarrative': [
    'riskOfSeriousHarm.whoIsAtRisk', 'riskOfSeriousHarm.natureOfRisk', 'riskOfSeriousHarm.riskImminence', 'riskOfSeriousHarm.riskIncreaseFactors',
    'riskOfSeriousHarm.riskMitigationFactors', 'riskOfSeriousHarm.analysisOfRiskFactors',
  ],
  'probation.riskToStaff': [
    'riskOfSeriousHarm.riskInCommunity.staff', 'riskOfSeriousHarm.riskInCustody.staff',
  ],
  'probation.riskInCustody': [
    'riskOfSeriousHarm.riskInCustody',
  ],
  // Issue 12: the plan is a container of its own, so the victims' VLO reaches victim safety planning (B.15).
  'probation.riskManagementPlanRecord': [
    'riskManagementPlan',
  ],
  'probation.riskManagementPlan': [
    'riskManagementPlan.assessmentId', 'riskManagementPlan.initiationDate', 'riskManagementPlan.dateCompleted',
    'riskManagementPlan.keyInformationCurrentSituation', 'riskManagementPlan.furtherConsiderationsCurrentSituation',
    'riskManagementPlan.supervision', 'riskManagementPlan.monitoringAndControl', 'riskManagementPlan.interventionsAndTreatment',
    'riskManagementPlan.contingencyPlans',
  ],
  'probation.victimSafetyPlanning': [
    'riskManagementPlan.victimSafetyPlanning',
  ],
  'probation.victimContacts': [
    'victimContacts[]', 'victimContacts.victimReference!', 'victimContacts.scheme!', 'victimContacts.firstName!', 'victimContacts.lastName!',
    'victimContacts.vloStaffId!', 'victimContacts.contactDate!', 'victimContacts.wishes!', 'victimContacts.wishes.exclusionZoneRequested!',
    'victimContacts.wishes.noContactRequested!', 'victimContacts.wishes.wantsReleaseInformation!', 'victimContacts.wishes.representationsMade!',
    'victimContacts.wishes.notes!',
  ],
  'probation.victimContactDetails': [
    'victimContacts.contactDetails', 'victimContacts.contactDetails.addressLine1!', 'victimContacts.contactDetails.town!',
    'victimContacts.contactDetails.postcode!', 'victimContacts.contactDetails.telephoneNumber', 'victimContacts.contactDetails.email',
    'victimContacts.contactDetails.preferredContactMethod!',
  ],
  'probation.probationAddress': [
    'probationAddresses[]', 'probationAddresses.type!', 'probationAddresses.status!', 'probationAddresses.buildingName',
    'probationAddresses.addressLine1!', 'probationAddresses.town!', 'probationAddresses.postcode!', 'probationAddresses.verified!',
    'probationAddresses.startDate!', 'probationAddresses.endDate',
  ],
  'yot.youthCase': [
    'youthCase', 'youthCase.yotReference!', 'youthCase.dateOfBirth!', 'youthCase.area!', 'youthCase.localAuthority!', 'youthCase.caseManagerStaffId!',
    'youthCase.caseManagerName!', 'youthCase.status!', 'youthCase.dateOpened!', 'youthCase.mappaCategory!', 'youthCase.mappaLevel!',
  ],
  'yot.assetPlus': [
    'assetPlusAssessment', 'assetPlusAssessment.roshLevel!', 'assetPlusAssessment.safetyAndWellbeingLevel!',
    'assetPlusAssessment.reoffendingLikelihood!', 'assetPlusAssessment.interventionLevel!', 'assetPlusAssessment.assessedDate!',
    'assetPlusAssessment.assessorStaffId!', 'assetPlusAssessment.countersignedDate', 'assetPlusAssessment.countersigningManagerStaffId',
    'assetPlusAssessment.countersigningManagerName', 'assetPlusAssessment.nextReviewDate!',
  ],
  'yot.youthOrders': [
    'youthOrders[]', 'youthOrders.type!', 'youthOrders.status!', 'youthOrders.court!', 'youthOrders.madeDate!', 'youthOrders.startDate!',
    'youthOrders.endDate!', 'youthOrders.lengthMonths!', 'youthOrders.requirements[]!', 'youthOrders.custodialStartDate',
    'youthOrders.custodialEndDate', 'youthOrders.custodialEstablishment', 'youthOrders.communityStartDate', 'youthOrders.communityEndDate',
  ],
  'yot.lookedAfter': [
    'lookedAfterStatus', 'lookedAfterStatus.lookedAfter!', 'lookedAfterStatus.legalBasis', 'lookedAfterStatus.responsibleLocalAuthority',
    'lookedAfterStatus.parentalResponsibilityHolders[]!', 'lookedAfterStatus.source!', 'lookedAfterStatus.asAtDate!',
  ],
  'yot.consent': [
    'consentRecords[]', 'consentRecords.purpose!', 'consentRecords.decision!', 'consentRecords.givenBy!', 'consentRecords.fraserCompetent!',
    'consentRecords.assessedByStaffId!', 'consentRecords.assessedByRole!', 'consentRecords.decisionDate!', 'consentRecords.withdrawnDate',
    'consentRecords.overriddenOnPublicProtectionGrounds!',
  ],
  'yot.mappaH': [
    'mappaHNotification', 'mappaHNotification.notifiedDate!', 'mappaHNotification.coordinatorArea!', 'mappaHNotification.category!',
    'mappaHNotification.levelSought!', 'mappaHNotification.reason!', 'mappaHNotification.notifiedByStaffId!',
  ],
  'yot.adultTransition': [
    'adultTransition', 'adultTransition.plannedTransferDate!', 'adultTransition.receivingProbationArea!', 'adultTransition.status!',
    'adultTransition.transitionMeetingDate',
  ],
  'mappa.levelAndLeadAgency': [
    'mappaCase', 'mappaCase.level!', 'mappaCase.leadAgency!',
  ],
  'mappa.mappaCase': [
    'mappaCase.caseId', 'mappaCase.category', 'mappaCase.area', 'mappaCase.nextReviewDate', 'mappaCase.endDate', 'mappaCase.endReason',
  ],
  'mappa.caseStatus': [
    'mappaCase.startDate', 'mappaCase.status',
  ],
  'mappa.caseHistory': [
    'mappaCase.history[]', 'mappaCase.history.field!', 'mappaCase.history.valueBefore', 'mappaCase.history.valueAfter!',
    'mappaCase.history.changedDate!', 'mappaCase.history.decision!', 'mappaCase.history.decision.kind!',
  ],
  'mappa.caseAudit': [
    'mappaCase.history.changedByStaffId', 'mappaCase.history.decision.reference',
  ],
};

// ---- What each role reads, written from the rules -------------------------------------------------

/** Nothing about the person: the offender itself is refused, so not even its existence is confirmed. */
const NOTHING: readonly string[] = [];
/** The PNC ID the caller asked with, and nothing else: a purpose the role may declare, with no record for it. */
const KEY_ONLY: readonly string[] = ['police.subjectKey'];

// Police, the owner (principle 2): everything for case management, except the ViSOR retention
// review (the ViSOR administrator's, A.R13). Ethnicity is special category data, police only and for
// case management only (B.3). The full intelligence item stays with PPU and CT officers (principle 4, C.63).
const POLICE_OWN_FOR_MAPPA = [
  'police.subjectKey', 'police.identityNames', 'police.identity', 'police.nationality', 'police.visorNominalRecord', 'police.visorNominal', 'police.policeStaff',
  'police.notification', 'police.registeredAddress', 'police.policeRiskRecord', 'police.policeRisk', 'police.civilOrders', 'police.civilOrderConditions',
  'police.warningMarkers', 'police.intelligenceSummary', 'police.intelligence', 'police.mappaJContent', 'police.mappaJAdministration',
];
const POLICE_OWN_FOR_CASE_MANAGEMENT = [...POLICE_OWN_FOR_MAPPA, 'police.ethnicity'];
/** The ViSOR administrator keeps the nominal (A.R1, A.R13) but is not named for intelligence (principle 4). */
const VISOR_ADMINISTRATOR_OWN_FOR_MAPPA = POLICE_OWN_FOR_MAPPA.filter((group) => !group.startsWith('police.intelligence'));

// The MAPPA summaries the Responsible Authority agencies read of each other for MAPPA purposes
// (principle 3): identity, MAPPA status, risk levels, key dates, licence conditions without their
// wording (B.15). The ViSOR nominal's status is MAPPA status, so it is part of the summary.
const POLICE_SUMMARY = [
  'police.subjectKey', 'police.identityNames', 'police.identity', 'police.nationality', 'police.visorNominalRecord', 'police.visorNominal', 'police.notification',
  'police.policeRiskRecord', 'police.policeRisk', 'police.civilOrders', 'police.warningMarkers',
  // MAPPA J is noted on the ViSOR record and referenced in the risk management plan (A.R34): the RA reads it for MAPPA purposes.
  'police.mappaJContent', 'police.mappaJAdministration',
];
/**
 * Only at a meeting: the registered address and home-visit frequency (a police tactic, B.42) and the
 * wording of civil-order conditions (which may name people or places, B.15); the sanitised
 * intelligence summary also for a disclosure decision (principle 4, C.66).
 */
const POLICE_FOR_MEETING = ['police.registeredAddress', 'police.civilOrderConditions', 'police.intelligenceSummary'];
const POLICE_FOR_DISCLOSURE = ['police.intelligenceSummary'];

const PRISON_OWN = [
  'prison.custodyRecord', 'prison.custodyStatus', 'prison.custodyEstablishment', 'prison.custody', 'prison.custodyPrisonOnly',
  'prison.sentenceRecord', 'prison.sentenceVictimInformation', 'prison.sentenceKeyDates', 'prison.sentence', 'prison.offences', 'prison.mappaAlert', 'prison.alertComment',
  'prison.temporaryReleaseRecord', 'prison.temporaryRelease', 'prison.adjudication', 'prison.mappaFReport', 'prison.mappaFReportAuthor',
];
/**
 * Custody, sentence and key dates, offences (Schedule 15/3 decide the category) and ROTL. Not the
 * alerts (X, H and C types are prison only and no per-type filter exists yet: B.3), the NOMIS-only
 * custody fields, or adjudications (B.30: requests go to the prison).
 */
const PRISON_SUMMARY = [
  'prison.custodyRecord', 'prison.custodyStatus', 'prison.custodyEstablishment', 'prison.custody', 'prison.sentenceRecord', 'prison.sentenceVictimInformation',
  'prison.sentenceKeyDates', 'prison.sentence', 'prison.offences', 'prison.temporaryReleaseRecord', 'prison.temporaryRelease',
];
/** A.R15, B.59: custody status, where the person is held, the sentence and its key dates, for the police and the allocated OM under case management. */
const PRISON_RELEASE_INFORMATION = [
  'prison.custodyRecord', 'prison.custodyStatus', 'prison.custodyEstablishment', 'prison.sentenceRecord', 'prison.sentenceVictimInformation', 'prison.sentenceKeyDates',
];
/** The MAPPA F report is written for a meeting and read there (B.49, B.46). */
const PRISON_FOR_MEETING = ['prison.mappaFReport', 'prison.mappaFReportAuthor'];

/**
 * Probation's "named roles" for the case (the COM and SPO), for case management: everything but the
 * victims in the Victim Contact Scheme, which are the victim liaison officer's alone (B.15, C.29, C.33).
 */
const PROBATION_OWN = [
  'probation.offenderManagerContact', 'probation.caseReference', 'probation.caseSummary', 'probation.caseAdministration',
  'probation.licenceRecords', 'probation.licenceDates', 'probation.licence', 'probation.licenceConditions', 'probation.licenceConditionText',
  'probation.riskOfSeriousHarm', 'probation.riskToStaff', 'probation.riskSummary', 'probation.riskInCustody', 'probation.riskAssessment',
  'probation.riskNarrative', 'probation.riskManagementPlanRecord', 'probation.riskManagementPlan', 'probation.victimSafetyPlanning', 'probation.probationAddress',
];
/**
 * Case, licences and conditions with only the wording that names no victim and maps no zone (B.15), RoSH levels and predictors without
 * the narrative (principle 4). Not the addresses: MAIN/PROPOSED rows only is a row filter that does
 * not exist yet, so they fail closed (B.1, B.59).
 */
const PROBATION_SUMMARY = [
  'probation.offenderManagerContact', 'probation.caseReference', 'probation.caseSummary', 'probation.licenceRecords', 'probation.licenceDates', 'probation.licence',
  // Principle 3, B.15 (issue 12): the wording of a condition that neither identifies a victim nor maps a
  // zone, decided per condition by probation (null for the others).
  'probation.licenceConditions', 'probation.licenceConditionText', 'probation.riskOfSeriousHarm', 'probation.riskToStaff', 'probation.riskSummary', 'probation.riskInCustody',
  'probation.riskAssessment',
];
/** The risk management plan, without victim safety planning (B.42), at a meeting (principle 4, B.39). */
const PROBATION_FOR_MEETING = ['probation.riskManagementPlanRecord', 'probation.riskManagementPlan'];

const YOT_OWN = ['yot.youthCase', 'yot.assetPlus', 'yot.youthOrders', 'yot.lookedAfter', 'yot.consent', 'yot.mappaH', 'yot.adultTransition'];

/** The MAPPA case summary: the Responsible Authority for case management and MAPPA purposes (§5.5). */
const MAPPA_CASE = ['mappa.levelAndLeadAgency', 'mappa.mappaCase', 'mappa.caseStatus'];
/** The case history and who recorded it: the co-ordinator and chair (A.R12, A.R20), for screening, meetings and administration. */
const MAPPA_UNIT_OWN = [...MAPPA_CASE, 'mappa.caseHistory', 'mappa.caseAudit'];

/** What a Responsible Authority role of another agency reads under each MAPPA purpose. */
const RA_SCREENING = [...POLICE_SUMMARY, ...PRISON_SUMMARY, ...PROBATION_SUMMARY, ...MAPPA_CASE];
const RA_MEETING = [...RA_SCREENING, ...POLICE_FOR_MEETING, ...PRISON_FOR_MEETING, ...PROBATION_FOR_MEETING];
const RA_DISCLOSURE = [...RA_SCREENING, ...POLICE_FOR_DISCLOSURE];

/**
 * The duty-to-co-operate minimal summary (principle 5, A.R26, inventory §5.0): names and date of
 * birth, the MAPPA level and lead agency, and how to reach the offender manager. Category is left out
 * (OQ 7).
 */
const DTC_MINIMAL_SUMMARY = ['police.subjectKey', 'police.identityNames', 'mappa.levelAndLeadAgency', 'probation.offenderManagerContact'];
/**
 * The Home Office adds, for a foreign national offender: nationality, MAPPA status and entry date
 * (A.R38, C.71) and the RoSH levels without the narrative (C.72). The case history's status changes
 * (A.R38) have no field of their own, so the history stays refused.
 */
const HOME_OFFICE_AT_MEETING = [
  ...DTC_MINIMAL_SUMMARY, 'police.nationality', 'mappa.caseStatus', 'probation.riskOfSeriousHarm', 'probation.riskSummary',
  'probation.riskToStaff', 'probation.riskInCustody',
];
/**
 * Jobcentre Plus: the risk to its staff and the MAPPA J content (restriction type, end date, risk to
 * its staff), nothing else, not even the summary (A.R32, C.87); the MAPPA J only until its end date (A.R33).
 */
const JOBCENTRE_PLUS_AT_MEETING = ['police.subjectKey', 'probation.riskOfSeriousHarm', 'probation.riskToStaff', 'police.mappaJContent'];

type Reads = Record<Purpose, readonly string[]>;

/** A role that may declare none of the purposes about an individual sees nothing under any of them. */
const NEVER: Reads = {
  CASE_MANAGEMENT: NOTHING, MAPPA_SCREENING: NOTHING, MAPPA_MEETING: NOTHING, DISCLOSURE_DECISION: NOTHING, STATISTICS: NOTHING, AUDIT: NOTHING,
};

interface RoleCase {
  /** How the test names the role. */
  readonly label: string;
  /** The rule ids the row encodes, for the test names. */
  readonly rules: string;
  readonly principal: (subject: Subject) => PrincipalClaims;
  readonly reads: Reads;
  /**
   * Groups of `reads` granted only on records that meet a condition (A.R5, A.R6: a ViSOR nominal
   * only where it lists the reader's agency as a partner), by purpose: whether the record comes
   * back depends on the subject, while the errors still come from the operation alone (principle 9).
   */
  readonly onlyWhere?: Partial<Record<Purpose, Readonly<Record<string, (subject: Subject) => boolean>>>>;
  /** Subjects the role may not know of at all under a purpose (the person is then answered as unknown: null, nothing refused). */
  readonly knowsOnly?: Partial<Record<Purpose, (subject: Subject) => boolean>>;
}

const asStaff = (staffId: string, agency: PrincipalAgency, role: Role, clearance: PrincipalClaims['clearance'] = 'SC') =>
  (subject: Subject): PrincipalClaims => ({ staffId, agency, roles: [role], area: subject.person.area, clearance });

const dtcAttendee = (agency: PrincipalAgency, rules: string, atMeeting: readonly string[]): RoleCase => ({
  label: `dtc_attendee (${agency})`,
  rules,
  principal: asStaff(`DTC-${agency.toUpperCase()}-1`, agency, 'dtc_attendee', 'BPSS'),
  // Only for the meeting they are invited to (principle 5); no other purpose is theirs (§2.2). Once
  // row scope lets a DTC attendee see a subject only through a live case grant, these cases need one.
  reads: { ...NEVER, MAPPA_MEETING: atMeeting },
});

/**
 * The matrix. STATISTICS gives no one a person (aggregates only, principle 8, A.R27, C.93); AUDIT
 * gives information governance the key and nothing of the records: no rule lets it read them (OQ 20),
 * and the author fields granted for audit sit inside records whose presence is itself information.
 */
const MATRIX: readonly RoleCase[] = [
  {
    label: 'ppu_officer',
    rules: 'principle 2, principle 3, principle 4, B.3, B.42',
    principal: asStaff('PPU0001', 'police', 'ppu_officer'),
    reads: {
      ...NEVER,
      // A.R6, A.R23 (issue 12): the probation offender manager's contact on a case probation registers as
      // category 1 (decided per record by probation: null for the other categories).
      // Case management: the police records, the MAPPA case, and the release date and custody status
      // in the case area (A.R15, B.59; row scope keeps it to the area).
      CASE_MANAGEMENT: [...POLICE_OWN_FOR_CASE_MANAGEMENT, ...MAPPA_CASE, ...PRISON_RELEASE_INFORMATION, 'probation.offenderManagerContact'],
      // Screening is the co-ordinator's process (A.R19), but the managing agencies make the referral
      // (MAPPA A) and read the summaries for it: kept for every Responsible Authority role.
      MAPPA_SCREENING: [...POLICE_OWN_FOR_MAPPA, ...RA_SCREENING],
      MAPPA_MEETING: [...POLICE_OWN_FOR_MAPPA, ...RA_MEETING],
      DISCLOSURE_DECISION: [...POLICE_OWN_FOR_MAPPA, ...RA_DISCLOSURE],
    },
  },
  {
    label: 'ct_officer',
    rules: 'principle 2, principle 4, principle 7, C.63',
    principal: asStaff('CTU0001', 'police', 'ct_officer', 'DV'),
    reads: {
      ...NEVER,
      CASE_MANAGEMENT: [...POLICE_OWN_FOR_CASE_MANAGEMENT, ...MAPPA_CASE],
      MAPPA_SCREENING: [...POLICE_OWN_FOR_MAPPA, ...RA_SCREENING],
      MAPPA_MEETING: [...POLICE_OWN_FOR_MAPPA, ...RA_MEETING],
      DISCLOSURE_DECISION: [...POLICE_OWN_FOR_MAPPA, ...RA_DISCLOSURE],
    },
  },
  {
    label: 'visor_administrator',
    rules: 'A.R1, A.R13, principle 4',
    principal: asStaff('VA0001', 'police', 'visor_administrator'),
    reads: {
      ...NEVER,
      CASE_MANAGEMENT: [...VISOR_ADMINISTRATOR_OWN_FOR_MAPPA, 'police.ethnicity', 'police.visorAdministration', ...MAPPA_CASE],
      MAPPA_SCREENING: [...VISOR_ADMINISTRATOR_OWN_FOR_MAPPA, ...RA_SCREENING],
      // Not named for intelligence, not even its sanitised summary (principle 4: PPU and CT officers).
      MAPPA_MEETING: [...VISOR_ADMINISTRATOR_OWN_FOR_MAPPA, ...RA_MEETING.filter((group) => group !== 'police.intelligenceSummary')],
      DISCLOSURE_DECISION: [...VISOR_ADMINISTRATOR_OWN_FOR_MAPPA, ...RA_SCREENING],
    },
    // A.R6, A.R23: probation registers the MAPPA category the MAPPA unit records on a current case.
    onlyWhere: { CASE_MANAGEMENT: { 'probation.offenderManagerContact': (subject) => subject.person.category === 1 } },
  },
  ...(['probation_practitioner', 'senior_probation_officer'] as const).map(
    (role): RoleCase => ({
      label: role,
      rules: 'principle 2, principle 3, principle 4, A.R6, B.15, C.33',
      principal: (subject) => ({ ...asStaff('NPS0001', 'probation', role)(subject), staffId: subject.comStaffCode }),
      reads: {
        ...NEVER,
        // Their own case, the ViSOR nominal as a partner (A.R6), and the MAPPA case; for a young
        // person, the YOT's transition plan that names their area as the receiving one (C §4.8: every
        // seeded plan names the young person's own area, the principal's). The allocated community
        // offender manager (this row asks as the subject's COM) also reads the release date and custody
        // status (A.R15, B.59) and, in a terrorist case, the sanitised intelligence summary (C.63).
        CASE_MANAGEMENT: [
          'police.subjectKey', ...PROBATION_OWN, 'police.visorNominalRecord', 'police.visorNominal', ...MAPPA_CASE, 'yot.adultTransition',
          ...(role === 'probation_practitioner' ? [...PRISON_RELEASE_INFORMATION, 'police.intelligenceSummary'] : []),
        ],
        MAPPA_SCREENING: RA_SCREENING,
        MAPPA_MEETING: RA_MEETING,
        DISCLOSURE_DECISION: RA_DISCLOSURE,
      },
      // As a partner only where the nominal lists probation (A.R6: the seeded nominals list it only
      // where the rule allows); for MAPPA purposes always (principle 3).
      // C.63: the summary only in a terrorist case, which no matrix subject is (principle 7 keeps them apart).
      onlyWhere: {
        CASE_MANAGEMENT: {
          'police.visorNominalRecord': (subject) => subject.visorPartners.has('PROBATION'),
          'police.visorNominal': (subject) => subject.visorPartners.has('PROBATION'),
          'police.intelligenceSummary': () => false,
        },
      },
    }),
  ),
  {
    label: 'victim_liaison_officer',
    rules: 'B.15, B.57, C.29, C.31, C.34',
    principal: (subject) => ({ ...asStaff('VLO0001', 'probation', 'victim_liaison_officer')(subject), staffId: subject.vloStaffId ?? 'VLO0001' }),
    reads: {
      ...NEVER,
      // Their victims, and what the Victim Contact Scheme tells them: the case, licence dates and
      // conditions (C.34); custody status for their own victims' offender (B.57, C.14), and the
      // sentence dates and ROTL where their victim asked for release information (C.34).
      // Issue 12 (B.15, C.32, C.34): each only about their own victims' offender, decided per record by
      // probation, and victim safety planning too; condition wording only their own victim's or naming none.
      CASE_MANAGEMENT: [
        'police.subjectKey', 'probation.offenderManagerContact', 'probation.caseReference', 'probation.licenceRecords', 'probation.licenceDates',
        'probation.licenceConditions', 'probation.licenceConditionText', 'probation.victimContacts', 'probation.victimContactDetails',
        'probation.riskManagementPlanRecord', 'probation.victimSafetyPlanning',
        'prison.custodyRecord', 'prison.custodyStatus', 'prison.sentenceRecord', 'prison.sentenceVictimInformation', 'prison.temporaryReleaseRecord',
      ],
      // At a meeting they give the victim's views in person (C.31); no field is read through them.
      MAPPA_MEETING: KEY_ONLY,
    },
    // Issue 12: only for an offender with a victim allocated to them (the principal is that VLO when
    // there is one): B.15, C.32 at probation; B.57, C.14 for custody; C.34: the release items only for
    // a victim who asked for them.
    onlyWhere: {
      CASE_MANAGEMENT: {
        ...Object.fromEntries(
          ['probation.offenderManagerContact', 'probation.licenceRecords', 'probation.riskManagementPlanRecord'].map((group) => [group, (subject: Subject) => subject.vloStaffId !== null]),
        ),
        'prison.custodyRecord': (subject: Subject) => subject.vloStaffId !== null,
        'prison.sentenceRecord': (subject: Subject) => subject.vloWantsReleaseInformation,
        'prison.temporaryReleaseRecord': (subject: Subject) => subject.vloWantsReleaseInformation,
      },
    },
  },
  {
    label: 'approved_premises_staff',
    rules: 'C.8, C.11',
    principal: asStaff('AP0001', 'probation', 'approved_premises_staff'),
    reads: {
      ...NEVER,
      // Residents' case and community risk levels (inventory proposal). Approved-premises addresses
      // need a row filter; the plan at a meeting about a resident (C.11) needs residence and
      // invitation checks: both refused until they exist.
      CASE_MANAGEMENT: [
        'police.subjectKey', 'probation.offenderManagerContact', 'probation.caseReference', 'probation.riskOfSeriousHarm',
        'probation.riskToStaff', 'probation.riskSummary',
      ],
      // C.11 (issue 12): the plan at a meeting about a resident of their premises (decided per record by
      // probation; this AP0001 works at no premises of the subjects, so it reads null).
      MAPPA_MEETING: [...KEY_ONLY, 'probation.riskManagementPlanRecord', 'probation.riskManagementPlan'],
    },
    // C.8, C.11 (issue 12): AP0001 works at no approved premises, so no subject is their resident.
    onlyWhere: {
      CASE_MANAGEMENT: { 'probation.offenderManagerContact': () => false, 'probation.riskOfSeriousHarm': () => false },
      MAPPA_MEETING: { 'probation.riskManagementPlanRecord': () => false },
    },
  },
  {
    label: 'prison_offender_manager',
    rules: 'principle 2, principle 3, A.R5, B.49',
    principal: asStaff('POM0001', 'prison', 'prison_offender_manager'),
    reads: {
      ...NEVER,
      // Their own records, the ViSOR nominal as a partner while in custody (A.R5), the MAPPA case.
      CASE_MANAGEMENT: ['police.subjectKey', ...PRISON_OWN, 'police.visorNominalRecord', 'police.visorNominal', ...MAPPA_CASE],
      MAPPA_SCREENING: RA_SCREENING,
      MAPPA_MEETING: RA_MEETING,
      DISCLOSURE_DECISION: RA_DISCLOSURE,
    },
    // As a partner only where the nominal lists the prison (A.R5; "while in custody" is the police's
    // listing: custody status is the prison's record); for MAPPA purposes always (principle 3).
    onlyWhere: {
      CASE_MANAGEMENT: {
        'police.visorNominalRecord': (subject) => subject.visorPartners.has('PRISON'),
        'police.visorNominal': (subject) => subject.visorPartners.has('PRISON'),
      },
    },
  },
  ...(['yot_case_manager', 'yot_manager'] as const).map(
    (role): RoleCase => ({
      label: role,
      rules: 'principle 2, principle 6, A.R10, A.R25, B.10',
      principal: (subject) => ({ ...asStaff('YOT0001', 'yot', role)(subject), staffId: subject.yotCaseManagerStaffId ?? 'YOT0001' }),
      reads: {
        ...NEVER,
        // Their young person's YOT records and MAPPA case, and the police identification for their
        // standard checks (C.56), only of a person the police record as under 18. Warning markers: refused.
        CASE_MANAGEMENT: ['police.subjectKey', 'police.identityNames', ...YOT_OWN, ...MAPPA_CASE],
        // They attend meetings and are consulted on disclosures about their young person (A.R25,
        // B.10), but read nothing there through the federation until constitution can be checked.
        MAPPA_MEETING: KEY_ONLY,
        DISCLOSURE_DECISION: KEY_ONLY,
      },
      // C.56 (issue 12): police identity only of a person under 18; A.R26, principle 3 (issue 12): MAPPA
      // status only of a YOT-led case or a person under 18.
      onlyWhere: {
        CASE_MANAGEMENT: {
          'police.identityNames': (subject: Subject) => isUnder18(subject.person.dateOfBirth, requestDateOf(new Date())),
          ...Object.fromEntries(MAPPA_CASE.map((policy) => [policy, (subject: Subject) => subject.person.isYouth || subject.person.leadAgency === 'YOT'])),
        },
      },
    }),
  ),
  {
    label: 'mappa_coordinator',
    rules: 'principle 3, principle 6, A.R9, A.R10, C.49, C.88',
    principal: asStaff('MCU0001', 'mappa_unit', 'mappa_coordinator'),
    reads: {
      ...NEVER,
      CASE_MANAGEMENT: ['police.subjectKey', ...MAPPA_UNIT_OWN],
      // YOT records only as the MAPPA H notification, for screening (A.R10, C.49).
      MAPPA_SCREENING: [...RA_SCREENING, ...MAPPA_UNIT_OWN, 'yot.mappaH'],
      MAPPA_MEETING: [...RA_MEETING, ...MAPPA_UNIT_OWN],
      // The history is for screening, meetings and administration (§5.5), not for a disclosure.
      DISCLOSURE_DECISION: RA_DISCLOSURE,
    },
  },
  {
    label: 'mappa_chair',
    rules: 'principle 3, A.R10, B.52',
    principal: asStaff('CHAIR0001', 'police', 'mappa_chair'),
    reads: {
      ...NEVER,
      // A.R9, A.R19, B.52, C.88 (issue 12): the register and screening are the co-ordinator's; the
      // chair reads the MAPPA cases of the meetings it chairs. No MAPPA H: it goes to the co-ordinator only (A.R10).
      CASE_MANAGEMENT: KEY_ONLY,
      MAPPA_SCREENING: [...POLICE_SUMMARY, ...PRISON_SUMMARY, ...PROBATION_SUMMARY],
      MAPPA_MEETING: [...RA_MEETING, ...MAPPA_UNIT_OWN],
      DISCLOSURE_DECISION: RA_DISCLOSURE,
    },
  },
  ...(['children_social_care', 'health', 'housing', 'education'] as const).map((agency) =>
    dtcAttendee(agency, 'principle 5, A.R26, A.R40', DTC_MINIMAL_SUMMARY),
  ),
  // A.R37 (issue 12): exactly the licence conditions it monitors, decided per record by probation.
  {
    ...dtcAttendee('electronic_monitoring', 'principle 5, A.R26, A.R37', [...DTC_MINIMAL_SUMMARY, 'probation.licenceRecords', 'probation.licenceConditions', 'probation.licenceConditionText']),
    onlyWhere: { MAPPA_MEETING: { 'probation.licenceRecords': (subject) => subject.electronicallyMonitored } },
  },
  // A.R38, C.72 (issue 12): the Home Office knows foreign national offenders only, invited or not.
  { ...dtcAttendee('home_office', 'principle 5, A.R26, A.R38, C.71, C.72', HOME_OFFICE_AT_MEETING), knowsOnly: { MAPPA_MEETING: (subject: Subject) => subject.person.nationality !== 'British' } },
  {
    ...dtcAttendee('jobcentre_plus', 'principle 5, A.R31, A.R32, A.R33, C.87', JOBCENTRE_PLUS_AT_MEETING),
    // A MAPPA J only until its restriction's end date (A.R33); the subjects at meetings are adults (A.R31).
    onlyWhere: { MAPPA_MEETING: { 'police.mappaJContent': (subject) => subject.mappaJEndDate !== null && subject.mappaJEndDate > requestDateOf(new Date()) } },
  },
  { label: 'lay_adviser', rules: 'principle 8, A.R27, A.R28, A.R30', principal: asStaff('LA0001', 'mappa_unit', 'lay_adviser', 'BPSS'), reads: NEVER },
  { label: 'analyst', rules: 'principle 8, C.93', principal: asStaff('AN0001', 'mappa_unit', 'analyst', 'BPSS'), reads: NEVER },
  {
    label: 'information_governance',
    rules: 'A.R12, OQ 20',
    // The police's own: the view is entered through the police's lookup, and under AUDIT information
    // governance reaches only its own agency's records (principle 10; every other agency's is in
    // test/src/security/existence-oracles.test.ts).
    principal: asStaff('IG0001', 'police', 'information_governance'),
    // A.R12, OQ 20: the author fields, through the records that hold them and nothing else of them.
    // In the whole view each record also selects content refused to it that is never null, so the
    // record comes back null (test/src/audit-authorship.test.ts reads the authors alone).
    // The ViSOR retention review is the police's own information governance's too (A.R13, principle 10).
    reads: { ...NEVER, AUDIT: ['police.subjectKey', 'police.visorNominalRecord', 'police.policeRiskRecord', 'police.policeStaff', 'police.visorAdministration'] },
    onlyWhere: { AUDIT: { 'police.visorNominalRecord': () => false, 'police.policeRiskRecord': () => false } },
  },
];

// ---- The whole offender view, built from the field groups -----------------------------------------

interface ViewField {
  readonly name: string;
  readonly list: boolean;
  readonly nonNull: boolean;
  readonly policy: string;
  readonly children: ViewField[];
}

/** The view as a tree of fields, each with the policy of the group it belongs to. */
function viewTree(): ViewField[] {
  const root: ViewField[] = [];
  const entries = Object.entries(FIELDS_BY_POLICY).flatMap(([policy, paths]) => paths.map((path) => ({ policy, path })));
  // Parents before children, so each child finds its parent's node.
  entries.sort((a, b) => a.path.split('.').length - b.path.split('.').length);
  for (const { policy, path } of entries) {
    const segments = path.split('.');
    const leaf = segments.pop()!;
    let siblings = root;
    for (const segment of segments) {
      const parent = siblings.find((field) => field.name === segment);
      if (!parent) throw new Error(`${path}: ${segment} is not in the view`);
      siblings = parent.children;
    }
    const name = leaf.replace(/[[\]!]/g, '');
    if (siblings.some((field) => field.name === name)) throw new Error(`${path} is listed twice`);
    siblings.push({ name, list: leaf.includes('[]'), nonNull: leaf.endsWith('!'), policy, children: [] });
  }
  return root;
}

const VIEW = viewTree();
const selection = (fields: readonly ViewField[]): string =>
  fields.map((field) => (field.children.length > 0 ? `${field.name} { ${selection(field.children)} }` : field.name)).join(' ');
const WHOLE_OFFENDER_VIEW = `query WholeOffenderView($pncId: ID!) { offender(pncId: $pncId) { ${selection(VIEW)} } }`;

/** The FORBIDDEN errors a caller reading `allowed` must get: one per refused group per path, through item 0 of lists. */
function expectedRefusals(allowed: ReadonlySet<string>): string[] {
  if (!allowed.has('police.subjectKey')) return ['offender police.subjectKey'];
  const refusals: string[] = [];
  const walk = (fields: readonly ViewField[], path: string) => {
    for (const field of fields) {
      const here = `${path}.${field.name}`;
      if (!allowed.has(field.policy)) refusals.push(`${here} ${field.policy}`);
      else walk(field.children, field.list ? `${here}.0` : here);
    }
  };
  walk(VIEW, 'offender');
  return refusals.sort();
}

/**
 * Checks the data against the groups: a refused field is null wherever its parent was returned; an
 * allowed field that is never null in the schema is there wherever its parent was returned.
 */
function dataProblems(value: Record<string, unknown>, fields: readonly ViewField[], allowed: ReadonlySet<string>, path: string): string[] {
  const problems: string[] = [];
  for (const field of fields) {
    const here = `${path}.${field.name}`;
    const child = value[field.name];
    if (!allowed.has(field.policy)) {
      if (child !== null) problems.push(`${here} was returned, but ${field.policy} should refuse it`);
      continue;
    }
    if (child === null || child === undefined) {
      if (field.nonNull) problems.push(`${here} is null, but it is allowed and never null`);
      continue;
    }
    if (field.children.length === 0) continue;
    const items = (field.list ? child : [child]) as Record<string, unknown>[];
    items.forEach((item, index) => problems.push(...dataProblems(item, field.children, allowed, field.list ? `${here}.${index}` : here)));
  }
  return problems;
}

/** The name of the type a field returns, through lists and non-null wrappers. */
function getNamedTypeNode(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : getNamedTypeNode(type.type);
}

// ---- Subjects: people chosen from the database so that every record of the view exists -----------

const TOP_LEVEL_RECORDS: Record<string, string> = {
  mappaCase: `select pnc_id from mappa.mappa_case where status = 'ACTIVE'`,
  identity: 'select pnc_id from police.person',
  visorNominal: 'select pnc_id from police.visor_nominal',
  sexOffenderNotification: 'select pnc_id from police.notification',
  policeRiskAssessment: 'select pnc_id from police.police_risk',
  civilOrders: 'select pnc_id from police.civil_order',
  warningMarkers: 'select pnc_id from police.warning_marker',
  intelligence: 'select pnc_id from police.intelligence_item',
  mappaJNotification: 'select pnc_id from police.mappa_j_notification',
  custody: 'select pnc_id from prison.prisoner',
  sentence: 'select p.pnc_id from prison.sentence s join prison.prisoner p using (prison_number)',
  prisonAlerts: 'select p.pnc_id from prison.alert a join prison.prisoner p using (prison_number)',
  temporaryReleases: 'select p.pnc_id from prison.temporary_release t join prison.prisoner p using (prison_number)',
  adjudications: 'select p.pnc_id from prison.adjudication a join prison.prisoner p using (prison_number)',
  mappaFReports: 'select p.pnc_id from prison.mappa_f_report f join prison.prisoner p using (prison_number)',
  probationCase: 'select pnc_id from probation.probation_case',
  licences: 'select c.pnc_id from probation.licence l join probation.probation_case c using (crn)',
  riskOfSeriousHarm: 'select c.pnc_id from probation.risk_of_serious_harm r join probation.probation_case c using (crn)',
  riskManagementPlan: 'select c.pnc_id from probation.risk_management_plan r join probation.probation_case c using (crn)',
  victimContacts: 'select c.pnc_id from probation.victim_contact v join probation.probation_case c using (crn)',
  probationAddresses: 'select c.pnc_id from probation.probation_address a join probation.probation_case c using (crn)',
  youthCase: 'select pnc_id from yot.youth_case',
  assetPlusAssessment: 'select pnc_id from yot.asset_plus_assessment',
  youthOrders: 'select pnc_id from yot.youth_order',
  lookedAfterStatus: 'select pnc_id from yot.looked_after_status',
  consentRecords: 'select pnc_id from yot.consent_record',
  mappaHNotification: 'select pnc_id from yot.mappa_h_notification',
  adultTransition: 'select pnc_id from yot.adult_transition',
};

interface Subject {
  readonly label: string;
  readonly person: SyntheticPerson;
  /** The top-level records the agencies hold for the person, from their tables. */
  readonly holds: ReadonlySet<string>;
  /** The partner agencies the subject's ViSOR nominal lists (`PROBATION`, `PRISON`), from the police's table. */
  readonly visorPartners: ReadonlySet<string>;
  readonly comStaffCode: string;
  readonly vloStaffId: string | null;
  /** Whether a victim of the subject allocated to `vloStaffId` asked for release information (C.34). */
  readonly vloWantsReleaseInformation: boolean;
  readonly yotCaseManagerStaffId: string | null;
  /** Whether a licence condition of theirs naming no victim is electronically monitored (A.R37), from probation's table. */
  readonly electronicallyMonitored: boolean;
  /** The end date of the restriction of the person's latest MAPPA J, from the police's table; null when none was sent. */
  readonly mappaJEndDate: string | null;
}

async function rows(env: TestStack, query: string): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;
}

async function chooseSubjects(env: TestStack): Promise<{ custody: Subject; licence: Subject; youth: Subject }> {
  const holdings = new Map<string, Set<string>>();
  for (const [record, query] of Object.entries(TOP_LEVEL_RECORDS)) {
    for (const row of await rows(env, query)) {
      const pncId = String(row.pnc_id);
      holdings.set(pncId, (holdings.get(pncId) ?? new Set()).add(record));
    }
  }
  const restricted = new Set((await rows(env, 'select pnc_id from probation.probation_case where current_restriction')).map((row) => String(row.pnc_id)));
  const comStaffCodes = new Map((await rows(env, 'select pnc_id, manager_staff_code from probation.probation_case')).map((row) => [String(row.pnc_id), String(row.manager_staff_code)]));
  const vloStaffIds = new Map(
    (await rows(env, 'select c.pnc_id, v.vlo_staff_id from probation.victim_contact v join probation.probation_case c using (crn)')).map((row) => [String(row.pnc_id), String(row.vlo_staff_id)]),
  );
  const wantingRelease = new Set(
    (await rows(env, 'select c.pnc_id, v.vlo_staff_id from probation.victim_contact v join probation.probation_case c using (crn) where v.wants_release_information')).map(
      (row) => `${String(row.pnc_id)} ${String(row.vlo_staff_id)}`,
    ),
  );
  const visorPartners = new Map(
    (await rows(env, 'select pnc_id, partner_agencies from police.visor_nominal')).map((row) => {
      if (!Array.isArray(row.partner_agencies)) throw new Error('police.visor_nominal.partner_agencies did not read as an array');
      return [String(row.pnc_id), new Set(row.partner_agencies.map(String))];
    }),
  );
  const monitored = new Set(
    (
      await rows(
        env,
        'select c.pnc_id from probation.licence_condition lc join probation.licence l using (licence_id) join probation.probation_case c using (crn) where lc.electronic_monitoring and not lc.identifies_victim',
      )
    ).map((row) => String(row.pnc_id)),
  );
  const mappaJEndDates = new Map(
    (await rows(env, 'select distinct on (pnc_id) pnc_id, restriction_end_date from police.mappa_j_notification order by pnc_id, sent_date desc, id desc')).map((row) => [
      String(row.pnc_id),
      String(row.restriction_end_date),
    ]),
  );
  const yotCaseManagers = new Map((await rows(env, 'select pnc_id, case_manager_staff_id from yot.youth_case')).map((row) => [String(row.pnc_id), String(row.case_manager_staff_id)]));
  const best = (label: string, fits: (person: SyntheticPerson) => boolean): Subject => {
    const candidates = env.people.filter(
      (person) => fits(person) && person.category !== 4 && !person.restrictedAccess && !restricted.has(person.pncId) && holdings.get(person.pncId)?.has('mappaCase'),
    );
    const person = candidates.sort((a, b) => (holdings.get(b.pncId)?.size ?? 0) - (holdings.get(a.pncId)?.size ?? 0))[0];
    if (!person) throw new Error(`no ${label} subject in the dataset`);
    return {
      label,
      person,
      holds: holdings.get(person.pncId) ?? new Set(),
      visorPartners: visorPartners.get(person.pncId) ?? new Set(),
      comStaffCode: comStaffCodes.get(person.pncId) ?? 'NPS0001',
      vloStaffId: vloStaffIds.get(person.pncId) ?? null,
      vloWantsReleaseInformation: wantingRelease.has(`${person.pncId} ${vloStaffIds.get(person.pncId) ?? ''}`),
      yotCaseManagerStaffId: yotCaseManagers.get(person.pncId) ?? null,
      electronicallyMonitored: monitored.has(person.pncId),
      mappaJEndDate: mappaJEndDates.get(person.pncId) ?? null,
    };
  };
  return {
        // At level 2 or 3, so that the prison has written MAPPA F reports for the meetings.
    custody: best('an adult in custody', (person) => !person.isYouth && person.supervision === 'CUSTODY' && person.level >= 2 && person.probationStatus === 'CURRENT'),
    licence: best('an adult on licence', (person) => !person.isYouth && person.supervision === 'LICENCE' && person.probationStatus === 'CURRENT'),
    youth: best('a young person', (person) => person.isYouth),
  };
}

// ---- The tests ----------------------------------------------------------------------------------

const PURPOSES: readonly DeclaredPurpose[] = [
  { purpose: 'CASE_MANAGEMENT', caseId: null },
  { purpose: 'MAPPA_SCREENING', caseId: null },
  { purpose: 'MAPPA_MEETING', caseId: 'MTG-MATRIX-0001' },
  { purpose: 'DISCLOSURE_DECISION', caseId: 'DSC-MAPPA-MATRIX-0001' },
  { purpose: 'STATISTICS', caseId: null },
  { purpose: 'AUDIT', caseId: null },
];

let env: TestStack;
let subjects: { custody: Subject; licence: Subject; youth: Subject };

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 1_200, seed: 23, asOf: '2026-11-01' } });
  subjects = await chooseSubjects(env);
  await bindPurposesToRecords();
  // Seeding 1,200 people and binding every role to a meeting, referral and decision outlasts the
  // default hook timeout on a busy machine.
}, 300_000);

const subjectKeyOf = (subject: Subject): string => (subject === subjects.custody ? 'CUSTODY' : subject === subjects.licence ? 'LICENCE' : 'YOUTH');
const meetingIdOf = (subject: Subject): string => `MTG-MATRIX-${subjectKeyOf(subject)}`;
const referralIdOf = (subject: Subject, principal: PrincipalClaims): string => `REF-MATRIX-${subjectKeyOf(subject)}-${principal.staffId}`;
/** One level 2/3 disclosure decision per subject and role of the matrix, on the subject's meeting, proposed by that role (issue 11). */
const decisionIdOf = (subject: Subject, role: RoleCase): string => `DSC-MAPPA-MATRIX-${subjectKeyOf(subject)}-${MATRIX.indexOf(role)}`;
/** Who makes (or is party to) a MAPPA A referral: the Responsible Authority, the YOT and the unit itself. */
const REFERRING_AGENCIES: readonly PrincipalAgency[] = ['police', 'probation', 'prison', 'yot', 'mappa_unit'];

/**
 * Issue 10: MAPPA_MEETING and MAPPA_SCREENING are bound to a record. Each adult subject has a meeting
 * (in the subject's area, so its co-ordinator stands to it) to which every other role of the matrix is
 * invited by staff id and has signed attendance; duty-to-co-operate attendees included, who reach the
 * subject only this way (principle 5). For screening, every Responsible Authority and YOT role (and
 * the chair) has an open referral about each subject from its agency in its area; the co-ordinator
 * screens by area. So the matrix shows the field policies under each purpose, and the row scope of
 * roles that can have no such record (lay advisers, analysts, information governance) elsewhere.
 */
async function bindPurposesToRecords(): Promise<void> {
  for (const subject of subjectsFor('MAPPA_MEETING')) {
    const meetingId = await insertMeeting(env, subject.person.pncId, { meetingId: meetingIdOf(subject) });
    for (const role of MATRIX) {
      const principal = role.principal(subject);
      if (isMappaCoordinator(principal)) continue;
      const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: principal.staffId, agency: principal.agency });
      await signAttendance(env, meetingId, principal, invitationId);
    }
  }
  // Issue 11: DISCLOSURE_DECISION is bound to a decision the caller is party to. Each role proposes
  // one about each adult subject (the proposer is a party whatever the role), so the matrix shows the
  // field policies under the purpose; who else stands to a decision is disclosure-purpose-binding's.
  for (const subject of subjectsFor('DISCLOSURE_DECISION')) {
    for (const role of MATRIX) {
      const principal = role.principal(subject);
      await insertDisclosureDecision(env, {
        holder: 'MAPPA',
        decisionId: decisionIdOf(subject, role),
        pncId: subject.person.pncId,
        area: subject.person.area,
        proposer: principal,
        meetingId: meetingIdOf(subject),
      });
    }
  }
  const referrals = new Set<string>();
  for (const subject of subjectsFor('MAPPA_SCREENING')) {
    for (const role of MATRIX) {
      const principal = role.principal(subject);
      const referralId = referralIdOf(subject, principal);
      if (isMappaCoordinator(principal) || !REFERRING_AGENCIES.includes(principal.agency) || referrals.has(referralId)) continue;
      referrals.add(referralId);
      await insertReferral(env, subject.person.pncId, principal, { referralId });
    }
  }
}

/** The purpose a role declares about a subject: the meeting about them, the referral they are party to (issue 10), or the decision they proposed (issue 11). */
function declaredFor(purpose: DeclaredPurpose, subject: Subject, role: RoleCase): DeclaredPurpose {
  if (purpose.purpose === 'MAPPA_MEETING') return { purpose: 'MAPPA_MEETING', caseId: meetingIdOf(subject) };
  if (purpose.purpose === 'DISCLOSURE_DECISION') return { purpose: 'DISCLOSURE_DECISION', caseId: decisionIdOf(subject, role) };
  const principal = role.principal(subject);
  if (purpose.purpose === 'MAPPA_SCREENING' && !isMappaCoordinator(principal) && REFERRING_AGENCIES.includes(principal.agency)) return { purpose: 'MAPPA_SCREENING', caseId: referralIdOf(subject, principal) };
  return purpose;
}

afterAll(async () => {
  await env.close();
});

/** Meetings and disclosure decisions about children fail closed without the YOT and children's services (A.R25, B.10): ask about adults only. */
const subjectsFor = (purpose: Purpose): Subject[] =>
  purpose === 'MAPPA_MEETING' || purpose === 'DISCLOSURE_DECISION' ? [subjects.custody, subjects.licence] : [subjects.custody, subjects.licence, subjects.youth];

interface Offender {
  pncId: string;
  identity: { firstName: string; lastName: string; dateOfBirth: string } | null;
  mappaCase: { level: number; leadAgency: string } | null;
  probationCase: { crn: string | null } | null;
  custody: { prisonNumber: string } | null;
  youthCase: { yotReference: string } | null;
  [field: string]: unknown;
}

const refusalsOf = (result: GraphQLResponse): string[] =>
  (result.errors ?? []).map((error) => `${error.path?.join('.')} ${String(error.extensions?.policy ?? error.extensions?.code)}`).sort();

describe('the role × purpose matrix over the whole offender view', () => {
  it('asks about subjects who, between them, hold every record of the view', () => {
    const held = new Set([...subjects.custody.holds, ...subjects.licence.holds, ...subjects.youth.holds]);
    expect([...held].sort()).toEqual(VIEW.filter((field) => field.name !== 'pncId').map((field) => field.name).sort());
    expect(subjects.youth.person.isYouth).toBe(true);
    expect([subjects.custody, subjects.licence].every((subject) => !subject.person.isYouth)).toBe(true);
  });

  it('A.R5, A.R6: asks about ViSOR nominals that meet the partner condition and one that does not', () => {
    // Both adults have a nominal; the one in custody lists probation and the prison, the one on
    // licence not the prison, so the prison offender manager's partner route is refused on one record.
    expect([subjects.custody, subjects.licence].every((subject) => subject.holds.has('visorNominal'))).toBe(true);
    expect([...subjects.custody.visorPartners].sort()).toEqual(['PRISON', 'PROBATION']);
    // A.R6: on a category 1 nominal at level 1 probation is a partner only where the area records a
    // local agreement, and the subjects' area records none: then neither partner route reads it.
    const level1Category1 = subjects.licence.person.category === 1 && subjects.licence.person.level === 1;
    expect([...subjects.licence.visorPartners]).toEqual(level1Category1 ? [] : ['PROBATION']);
  });

  it('selects every field of every type below Offender in the committed supergraph', async () => {
    // Only the shape is read from the supergraph (names, lists, nullability), never its policies: a
    // field added to a schema must be placed in a group here, or the view is not the whole view.
    const supergraph = parse(await readFile(join(__dirname, '../../gateway/supergraph.graphql'), 'utf8'));
    const types = new Map(
      supergraph.definitions.filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION).map((type) => [type.name.value, type]),
    );
    const shape = (typeName: string, prefix: string): string[] =>
      (types.get(typeName)?.fields ?? []).flatMap((field) => {
        const nonNull = field.type.kind === Kind.NON_NULL_TYPE;
        const nullable = field.type.kind === Kind.NON_NULL_TYPE ? field.type.type : field.type;
        const list = nullable.kind === Kind.LIST_TYPE;
        const named = getNamedTypeNode(field.type);
        const path = `${prefix}${field.name.value}`;
        return [`${path}${list ? '[]' : ''}${nonNull ? '!' : ''}`, ...shape(named, `${path}.`)];
      });
    expect(Object.values(FIELDS_BY_POLICY).flat().sort()).toEqual(shape('Offender', '').sort());
  });

  const cases = MATRIX.flatMap((role) => PURPOSES.map((purpose) => ({ role, purpose })));
  it.each(cases.map(({ role, purpose }) => [`${role.rules}: ${role.label} under ${purpose.purpose}`, role, purpose] as const))(
    '%s',
    async (_name, role, purpose) => {
      const allowed = new Set(role.reads[purpose.purpose]);
      for (const subject of subjectsFor(purpose.purpose)) {
        const result = await postGraphQL<{ offender: Offender | null }>(
          `${env.stack.gateway.url}/graphql`,
          WHOLE_OFFENDER_VIEW,
          { pncId: subject.person.pncId },
          await env.headersFor(role.principal(subject), declaredFor(purpose, subject, role)),
        );
        if (role.knowsOnly?.[purpose.purpose]?.(subject) === false) {
          expect({ subject: subject.label, refusals: refusalsOf(result), offender: result.data?.offender ?? null }).toEqual({ subject: subject.label, refusals: [], offender: null });
          continue;
        }
        // Exactly the refusals the rules give: no more, no fewer, and no other kind of error.
        expect({ subject: subject.label, refusals: refusalsOf(result) }).toEqual({ subject: subject.label, refusals: expectedRefusals(allowed) });
        const offender = result.data?.offender ?? null;
        if (!allowed.has('police.subjectKey')) {
          expect(offender).toBeNull();
          continue;
        }
        expect(offender?.pncId).toBe(subject.person.pncId);
        expect({ subject: subject.label, problems: dataProblems(offender!, VIEW, allowed, 'offender') }).toEqual({ subject: subject.label, problems: [] });
        // Allowed records the person has come back; records they do not have, or that fail the
        // grant's per-record condition, are null or empty.
        for (const field of VIEW) {
          if (field.name === 'pncId' || !allowed.has(field.policy)) continue;
          const value = offender![field.name];
          const returned = Array.isArray(value) ? value.length > 0 : value !== null;
          const meetsCondition = role.onlyWhere?.[purpose.purpose]?.[field.policy]?.(subject) ?? true;
          expect({ subject: subject.label, field: field.name, returned }).toEqual({ subject: subject.label, field: field.name, returned: subject.holds.has(field.name) && meetsCondition });
        }
        // And they are this person's.
        if (allowed.has('police.identityNames') && (role.onlyWhere?.[purpose.purpose]?.['police.identityNames']?.(subject) ?? true)) {
          expect(offender!.identity).toMatchObject({ firstName: subject.person.firstName, lastName: subject.person.lastName, dateOfBirth: subject.person.dateOfBirth });
        }
        const readsMappaCase = allowed.has('mappa.levelAndLeadAgency') && (role.onlyWhere?.[purpose.purpose]?.['mappa.levelAndLeadAgency']?.(subject) ?? true);
        if (readsMappaCase) expect(offender!.mappaCase).toMatchObject({ level: subject.person.level, leadAgency: subject.person.leadAgency });
        // Whether the case comes back at all is checked above (a condition may withhold it, issue 12); when it does, it is theirs.
        if (allowed.has('probation.caseReference') && subject.person.crn && offender!.probationCase) expect(offender!.probationCase.crn).toBe(subject.person.crn);
        if (allowed.has('prison.custody') && subject.holds.has('custody')) expect(offender!.custody?.prisonNumber).toBe(subject.person.prisonNumber);
        if (allowed.has('yot.youthCase') && subject.holds.has('youthCase')) expect(offender!.youthCase?.yotReference).toBe(subject.person.yotReference);
      }
    },
  );
});
