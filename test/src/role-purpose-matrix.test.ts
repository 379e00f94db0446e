import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Kind, parse } from 'graphql';
import type { ObjectTypeDefinitionNode, TypeNode } from 'graphql';
import { isMappaCoordinator, isUnder18, calendarDateOf } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, PrincipalAgency, Purpose, Role, SyntheticPerson } from '@mappa/shared';
import {
  insertDisclosureDecision,
  insertMeeting,
  insertReferral,
  inviteToMeeting,
  LARGE_DATASET,
  signAttendance,
  startTestStack,
} from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// The role × purpose matrix over the whole offender view (issues 3 and 12). For every role of the
// domain README §3, the whole offender view is asked for under every purpose, and the test asserts
// exactly which field groups come back and which are refused, with the policy that names the refusal.
//
// How the expectations are written. ROWS below has one line per role × purpose × field group that the
// rules let the role read, each citing the rule ids it comes from (domain README §3–§4 as "principle N",
// the analyses as A.Rn / B.n / C.n, and docs/access-rules-inventory.md §2.2 and §5 where it proposes
// the reading of a rule for a record type). They were written from those rules, NOT from the policy
// files, the generated access matrix or its generator: where the code and the rules disagree, this test
// fails. Every role × purpose × field group with no line is refused (principle 1, deny by default), and
// the refusal names the group's own policy: FIELDS_BY_POLICY says which fields form each group, under
// the policy name their @Access declarations carry.
//
// A line may carry a per-record condition (the fifth column): the group is granted, so it is never
// refused, but its records come back only where the condition holds between the reader and the subject
// (the allocated offender manager, the victim's own liaison officer, an approved premises resident, a
// category 1 case, a person under 18, the lead agency, the level, the meeting a MAPPA F report was
// written for, the establishment that wrote it…); elsewhere they are null, as for a record the
// owner does not hold (principle 9). Each condition is decided here from the seeded records, and the
// set-up makes each one hold for one reader and subject and fail for another: the leak cases of issue 12
// are READERS rows of their own (another VLO's victims' offender, a practitioner who is not the
// allocated offender manager, an SPO who does not manage them, approved premises staff and a
// non-resident, a British national for the Home Office, an adult's case for YOT roles), and the chair on
// the register is a test of its own.
//
// The subjects and what the set-up records for them, so that each role's per-record conditions can hold:
// an adult in custody (level 2 or 3, a foreign national offender as the MAPPA unit records it), an adult
// on licence (a British national, living at an approved premises) and a young person; each adult has a
// MAPP meeting in session to which every reader is invited and has signed attendance (MAPPA E, B.53,
// B.54; the prison wrote a MAPPA F for the meeting about the adult in custody, none for the other,
// B.23, OQ 4), a disclosure decision per reader on that meeting which the reader proposed (B.7), and a MAPPA A
// referral from each referring reader's agency (A.R19) for MAPPA_SCREENING. Meetings and decisions are
// about adults only: a child's fail closed without the YOT and children's services (A.R25, B.10, C.52).
// None is counter-terrorism restricted (principle 7) or limited-access at probation (R-4), and every
// principal asks from the subject's own area (R-3). Every reader enters through the police's
// offender(pncId) but the other owners' information governance, who enter through their owner's own
// entry point (ENTRIES: A.R12, OQ 20, principle 10).
//
// Kept closed because the rule is unclear or needs a record that does not exist (fail closed, each
// named in the inventory's open questions):
// - Probation addresses for the release-area police managing their own case (B.59): B.59 tells them of a
//   release rather than opening the case's addresses, and principle 2 keeps them out of probation's case
//   management; they read the current and proposed addresses under the MAPPA purposes only (B.1).
// - Type P prison alerts for the Responsible Authority (B.49): prison.mappaAlert is the prison's only,
//   since no per-type filter exists (X, H and C types are prison-only, B.3).
// - The allocated COM's view of a victim's scheme and VLO (inventory §3, C.33): C.33 says the offender
//   manager asks the Victim Liaison Unit whether a victim has a VLO and infers no direct read, so
//   probation.victimContacts stays the VLO's alone.
// - Level 1 prison information exchange (B.60, OQ 3) beyond custody: the rule frees it from the level 2/3
//   requirements but names no fields; the rows read it as the custody detail the police and probation
//   case managers would read at a meeting, nothing more (no sentence, ROTL, alerts or MAPPA F).
// - The ViSOR partner route for a prison offender manager whose token names no establishment (A.R5):
//   the rule names the establishment holding the offender, which such a token does not show.
// - YOT records at meetings and disclosure decisions about their young person (A.R25, B.10): the YOT
//   attends, but the meeting about a child is the only place it would read, and meetings about children
//   are not in this matrix (their safeguards are purpose-binding.test.ts's).
// - Information governance under AUDIT reads author fields only (A.R12, OQ 20): in the whole view each
//   record it opens for them also selects content refused to it, so it comes back null (its authors
//   alone are test/src/probation-conditions-audit-authorship.test.ts's and test/src/prison-record-conditions.test.ts's).
// - The C.63 terrorist-case rows (the cleared OM and YOT case manager read the intelligence summary):
//   no subject here is a terrorist case (principle 7 keeps them apart), so they hold nowhere.
// - Intelligence originator control (principle 4, B §1) is per item: outside the police the summary of a
//   handling code C item goes nowhere without the originator's agreement (RELEASABLE_INTELLIGENCE: the
//   list is null for a person with no item that may leave the police), and a police reader of another
//   force than an item's originator reads that item's graded fields as null (nullable fields, so the
//   police rows hold whatever the originators; test/src/intelligence-originator-control.test.ts tests both).
// Wider than the inventory's proposal, because the rules are: the Responsible Authority roles read the
// MAPPA summaries under MAPPA_SCREENING (§2.2 names only the co-ordinator, but the managing agencies make
// the referral, A.R19, B.55, and here each agency's staff declare their agency's referral); the ViSOR
// nominal is part of the RA's MAPPA summary (principle 3: MAPPA status). Open: the chair, declaring a
// referral of its employing agency (police), reads the other agencies' summaries under MAPPA_SCREENING
// but not the MAPPA case; whether A.R19 and B.52 ("screening is the co-ordinator's") close that too is
// not settled by the rules, so the rows keep what the chair's agency membership gives.

/**
 * The record groups of the offender view. Each path is a field below `offender`; `[]` marks a list
 * and `!` a field that is never null when its parent is returned. A refused group gives one
 * FORBIDDEN error naming its policy at its outermost refused field on each path (through item 0 of a
 * list), and none below it. The grouping says which policy a refusal must name (the names the
 * fields' @Access declarations use, reviewed against the record types of inventory §5); it says
 * nothing about who may read: that is ROWS.
 */
const FIELDS_BY_POLICY: Record<string, readonly string[]> = {
  'police.subjectKey': ['pncId!', 'identity.pncId!'],
  'police.identityNames': ['identity', 'identity.firstName!', 'identity.lastName!', 'identity.dateOfBirth!'],
  'police.identity': [
    'identity.croNumber',
    'identity.middleNames',
    'identity.gender',
    'identity.aliases[]',
    'identity.aliases.firstName!',
    'identity.aliases.lastName!',
    'identity.aliases.dateOfBirth',
  ],
  'police.ethnicity': ['identity.ethnicityCode'],
  'police.nationality': ['identity.nationality'],
  // The record itself apart from its content, so information governance can open it for its author (A.R12).
  'police.visorNominalRecord': ['visorNominal'],
  'police.visorNominal': [
    'visorNominal.visorReference!',
    'visorNominal.status!',
    'visorNominal.recordManagerForce!',
    'visorNominal.partnerAgencies[]!',
    'visorNominal.restrictedAccess!',
    'visorNominal.createdDate!',
  ],
  'police.policeStaff': ['visorNominal.recordManagerStaffId', 'policeRiskAssessment.assessorStaffId', 'mappaJNotification.senderStaffId'],
  'police.visorAdministration': ['visorNominal.retentionReviewDate'],
  'police.notification': [
    'sexOffenderNotification',
    'sexOffenderNotification.startDate!',
    'sexOffenderNotification.periodYears',
    'sexOffenderNotification.indefinite!',
    'sexOffenderNotification.expiryDate',
    'sexOffenderNotification.lastVerifiedDate!',
    'sexOffenderNotification.breaches[]!',
    'sexOffenderNotification.breaches.breachDate!',
    'sexOffenderNotification.breaches.nature!',
    'sexOffenderNotification.breaches.outcome!',
  ],
  'police.registeredAddress': [
    'sexOffenderNotification.registeredAddressLine1',
    'sexOffenderNotification.registeredAddressTown',
    'sexOffenderNotification.registeredAddressPostcode',
    'sexOffenderNotification.homeVisitFrequencyWeeks',
  ],
  'police.policeRiskRecord': ['policeRiskAssessment'],
  'police.policeRisk': ['policeRiskAssessment.tool!', 'policeRiskAssessment.level!', 'policeRiskAssessment.assessedDate!'],
  'police.civilOrders': [
    'civilOrders[]',
    'civilOrders.type!',
    'civilOrders.court!',
    'civilOrders.madeDate!',
    'civilOrders.startDate!',
    'civilOrders.endDate',
  ],
  'police.civilOrderConditions': ['civilOrders.conditions[]'],
  'police.warningMarkers': ['warningMarkers[]', 'warningMarkers.code!', 'warningMarkers.createdDate!'],
  'police.intelligenceSummary': ['intelligence[]', 'intelligence.recordedDate!', 'intelligence.sanitisedSummary!'],
  'police.intelligence': [
    'intelligence.reference',
    'intelligence.sourceEvaluation',
    'intelligence.intelligenceAssessment',
    'intelligence.handlingCode',
    'intelligence.originatorForce',
    'intelligence.text',
  ],
  'police.mappaJContent': [
    'mappaJNotification',
    'mappaJNotification.restrictionType!',
    'mappaJNotification.restrictionEndDate!',
    'mappaJNotification.riskToJobcentreStaff!',
  ],
  'police.mappaJAdministration': [
    'mappaJNotification.sentDate',
    'mappaJNotification.sentBy',
    'mappaJNotification.offenderInformed',
    'mappaJNotification.jobcentreSpocConsulted',
  ],
  // Issue 12 split custody by reader: the record itself, its status (A.R15, B.57, B.59), where the person is held (B.59), the rest.
  'prison.custodyRecord': ['custody', 'custody.lastMovement!'],
  'prison.custodyStatus': ['custody.inOutStatus!', 'custody.legalStatus!', 'custody.lastMovement.type!', 'custody.lastMovement.date!'],
  'prison.custodyEstablishment': ['custody.establishmentName'],
  'prison.custody': [
    'custody.prisonNumber',
    'custody.establishmentCode',
    'custody.lastEstablishmentCode',
    'custody.lastEstablishmentName',
    'custody.securityCategory',
    'custody.receptionDate',
    'custody.lastMovement.reason',
    'custody.lastMovement.fromEstablishmentCode',
    'custody.lastMovement.toEstablishmentCode',
  ],
  'prison.custodyPrisonOnly': ['custody.bookingId', 'custody.cellLocation', 'custody.incentiveLevel'],
  // Issue 12: the sentence itself, the Victim Contact Scheme's items (C.34), the other key dates (A.R15, B.59), the rest.
  'prison.sentenceRecord': ['sentence'],
  'prison.sentenceVictimInformation': [
    'sentence.sentenceType!',
    'sentence.indeterminate!',
    'sentence.conditionalReleaseDate!',
    'sentence.paroleEligibilityDate',
    'sentence.tariffDate',
    'sentence.releaseDate',
    'sentence.releaseDateConfirmed!',
  ],
  'prison.sentenceKeyDates': [
    'sentence.sentenceExpiryDate',
    'sentence.automaticReleaseDate',
    'sentence.licenceExpiryDate',
    'sentence.homeDetentionCurfewEligibilityDate',
    'sentence.topUpSupervisionExpiryDate',
    'sentence.releaseDateConfirmedDate',
  ],
  'prison.sentence': ['sentence.lengthMonths', 'sentence.startDate'],
  'prison.offences': [
    'sentence.offences[]',
    'sentence.offences.code!',
    'sentence.offences.description!',
    'sentence.offences.schedule15!',
    'sentence.offences.schedule3!',
    'sentence.offences.convictionDate!',
    'sentence.offences.mostSerious!',
  ],
  'prison.mappaAlert': [
    'prisonAlerts[]',
    'prisonAlerts.type!',
    'prisonAlerts.typeDescription!',
    'prisonAlerts.code!',
    'prisonAlerts.codeDescription!',
    'prisonAlerts.createdDate!',
    'prisonAlerts.expiryDate',
    'prisonAlerts.expired!',
    'prisonAlerts.active!',
  ],
  'prison.alertComment': ['prisonAlerts.comment'],
  // Issue 12: what the scheme tells a victim of a release on temporary licence (C.14, C.34), and the rest.
  'prison.temporaryReleaseRecord': [
    'temporaryReleases[]',
    'temporaryReleases.type!',
    'temporaryReleases.start!',
    'temporaryReleases.end!',
    'temporaryReleases.outcome!',
  ],
  'prison.temporaryRelease': ['temporaryReleases.approvedDate', 'temporaryReleases.purpose', 'temporaryReleases.mappaCoordinatorConsulted'],
  'prison.adjudication': [
    'adjudications[]',
    'adjudications.adjudicationNumber!',
    'adjudications.establishmentCode!',
    'adjudications.incidentDate!',
    'adjudications.hearingDate!',
    'adjudications.chargeCode!',
    'adjudications.charge!',
    'adjudications.finding!',
    'adjudications.punishment',
  ],
  // The reports as records, so the prison's information governance opens them for their author (A.R12).
  'prison.mappaFReportRecord': ['mappaFReports[]'],
  'prison.mappaFReport': [
    'mappaFReports.establishmentCode!',
    'mappaFReports.reportDate!',
    'mappaFReports.meetingDate!',
    'mappaFReports.prisonAttending!',
    'mappaFReports.behaviourInCustody!',
    'mappaFReports.programmesCompleted[]!',
    'mappaFReports.contactConcerns',
    'mappaFReports.riskFactorsObserved!',
  ],
  'prison.mappaFReportAuthor': ['mappaFReports.authorStaffId!'],
  'probation.offenderManagerContact': [
    'probationCase',
    'probationCase.communityOffenderManager!',
    'probationCase.communityOffenderManager.forenames',
    'probationCase.communityOffenderManager.surname',
    'probationCase.communityOffenderManager.email',
    'probationCase.communityOffenderManager.telephoneNumber',
    'probationCase.communityOffenderManager.team!',
    'probationCase.communityOffenderManager.team.code!',
    'probationCase.communityOffenderManager.team.description!',
    'probationCase.communityOffenderManager.team.telephoneNumber!',
  ],
  'probation.caseReference': [
    'probationCase.crn',
    'probationCase.communityOffenderManager.staffCode',
    'probationCase.communityOffenderManager.allocated',
  ],
  'probation.caseSummary': [
    'probationCase.status',
    'probationCase.supervisionType',
    'probationCase.area',
    'probationCase.tier',
    'probationCase.inBreach',
    'probationCase.provider',
    'probationCase.provider.code!',
    'probationCase.provider.description!',
    'probationCase.mainOffence',
    'probationCase.mainOffence.code!',
    'probationCase.mainOffence.description!',
    'probationCase.mainOffence.convictionDate!',
  ],
  'probation.caseAdministration': ['probationCase.previouslyKnownTerminationDate', 'probationCase.currentRestriction'],
  // Issue 12: the licence list is a container of its own, so the electronic monitoring provider reaches
  // the conditions it monitors (A.R37) without the licence dates.
  'probation.licenceRecords': ['licences[]'],
  'probation.licenceDates': [
    'licences.status!',
    'licences.conditionalReleaseDate!',
    'licences.licenceStartDate!',
    'licences.licenceExpiryDate',
    'licences.sentenceExpiryDate',
  ],
  'probation.licence': [
    'licences.licenceId',
    'licences.typeCode',
    'licences.version',
    'licences.variationOf',
    'licences.prisonNumber',
    'licences.sentenceStartDate',
    'licences.topUpSupervisionExpiryDate',
    'licences.createdDate',
    'licences.approvedDate',
    'licences.updatedDate',
    'licences.responsibleComStaffCode',
  ],
  'probation.licenceConditions': [
    'licences.conditions[]',
    'licences.conditions.kind!',
    'licences.conditions.period!',
    'licences.conditions.code!',
    'licences.conditions.category!',
    'licences.conditions.identifiesVictim!',
    'licences.conditions.isExclusionZone!',
  ],
  'probation.licenceConditionText': ['licences.conditions.text'],
  'probation.riskOfSeriousHarm': ['riskOfSeriousHarm', 'riskOfSeriousHarm.riskInCommunity!'],
  'probation.riskAssessment': [
    'riskOfSeriousHarm.assessmentId',
    'riskOfSeriousHarm.assessedDate',
    'riskOfSeriousHarm.predictors',
    'riskOfSeriousHarm.predictors.ogrs!',
    'riskOfSeriousHarm.predictors.ogrs.score!',
    'riskOfSeriousHarm.predictors.ogrs.band!',
    'riskOfSeriousHarm.predictors.rsr!',
    'riskOfSeriousHarm.predictors.rsr.score!',
    'riskOfSeriousHarm.predictors.rsr.band!',
    'riskOfSeriousHarm.predictors.ospContact',
    'riskOfSeriousHarm.predictors.ospContact.score!',
    'riskOfSeriousHarm.predictors.ospContact.band!',
    'riskOfSeriousHarm.predictors.ospIndecent',
    'riskOfSeriousHarm.predictors.ospIndecent.score!',
    'riskOfSeriousHarm.predictors.ospIndecent.band!',
    'riskOfSeriousHarm.predictors.ovp!',
    'riskOfSeriousHarm.predictors.ovp.score!',
    'riskOfSeriousHarm.predictors.ovp.band!',
  ],
  'probation.riskSummary': [
    'riskOfSeriousHarm.overallRiskLevel',
    'riskOfSeriousHarm.riskInCommunity.children',
    'riskOfSeriousHarm.riskInCommunity.public',
    'riskOfSeriousHarm.riskInCommunity.knownAdult',
    'riskOfSeriousHarm.riskInCommunity.prisoners',
    'riskOfSeriousHarm.riskInCustody.children',
    'riskOfSeriousHarm.riskInCustody.public',
    'riskOfSeriousHarm.riskInCustody.knownAdult',
    'riskOfSeriousHarm.riskInCustody.prisoners',
  ],
  'probation.riskNarrative': [
    'riskOfSeriousHarm.whoIsAtRisk',
    'riskOfSeriousHarm.natureOfRisk',
    'riskOfSeriousHarm.riskImminence',
    'riskOfSeriousHarm.riskIncreaseFactors',
    'riskOfSeriousHarm.riskMitigationFactors',
    'riskOfSeriousHarm.analysisOfRiskFactors',
  ],
  'probation.riskToStaff': ['riskOfSeriousHarm.riskInCommunity.staff', 'riskOfSeriousHarm.riskInCustody.staff'],
  'probation.riskInCustody': ['riskOfSeriousHarm.riskInCustody'],
  // Issue 12: the plan is a container of its own, so the victims' VLO reaches victim safety planning (B.15).
  'probation.riskManagementPlanRecord': ['riskManagementPlan'],
  'probation.riskManagementPlan': [
    'riskManagementPlan.assessmentId',
    'riskManagementPlan.initiationDate',
    'riskManagementPlan.dateCompleted',
    'riskManagementPlan.keyInformationCurrentSituation',
    'riskManagementPlan.furtherConsiderationsCurrentSituation',
    'riskManagementPlan.supervision',
    'riskManagementPlan.monitoringAndControl',
    'riskManagementPlan.interventionsAndTreatment',
    'riskManagementPlan.contingencyPlans',
  ],
  'probation.victimSafetyPlanning': ['riskManagementPlan.victimSafetyPlanning'],
  'probation.victimContacts': [
    'victimContacts[]',
    'victimContacts.victimReference!',
    'victimContacts.scheme!',
    'victimContacts.firstName!',
    'victimContacts.lastName!',
    'victimContacts.vloStaffId!',
    'victimContacts.contactDate!',
    'victimContacts.wishes!',
    'victimContacts.wishes.exclusionZoneRequested!',
    'victimContacts.wishes.noContactRequested!',
    'victimContacts.wishes.wantsReleaseInformation!',
    'victimContacts.wishes.representationsMade!',
    'victimContacts.wishes.notes!',
  ],
  'probation.victimContactDetails': [
    'victimContacts.contactDetails',
    'victimContacts.contactDetails.addressLine1!',
    'victimContacts.contactDetails.town!',
    'victimContacts.contactDetails.postcode!',
    'victimContacts.contactDetails.telephoneNumber',
    'victimContacts.contactDetails.email',
    'victimContacts.contactDetails.preferredContactMethod!',
  ],
  'probation.probationAddress': [
    'probationAddresses[]',
    'probationAddresses.type!',
    'probationAddresses.status!',
    'probationAddresses.buildingName',
    'probationAddresses.addressLine1!',
    'probationAddresses.town!',
    'probationAddresses.postcode!',
    'probationAddresses.verified!',
    'probationAddresses.startDate!',
    'probationAddresses.endDate',
  ],
  'yot.youthCase': [
    'youthCase',
    'youthCase.yotReference!',
    'youthCase.dateOfBirth!',
    'youthCase.area!',
    'youthCase.localAuthority!',
    'youthCase.caseManagerStaffId!',
    'youthCase.caseManagerName!',
    'youthCase.status!',
    'youthCase.dateOpened!',
    'youthCase.mappaCategory!',
    'youthCase.mappaLevel!',
  ],
  // The assessment itself apart from its content, so the YOT's information governance opens it for its authors (A.R12).
  'yot.assetPlus': ['assetPlusAssessment'],
  'yot.assetPlusContent': [
    'assetPlusAssessment.roshLevel!',
    'assetPlusAssessment.safetyAndWellbeingLevel!',
    'assetPlusAssessment.reoffendingLikelihood!',
    'assetPlusAssessment.interventionLevel!',
    'assetPlusAssessment.assessedDate!',
    'assetPlusAssessment.countersignedDate',
    'assetPlusAssessment.countersigningManagerName',
    'assetPlusAssessment.nextReviewDate!',
  ],
  'yot.yotStaff': ['assetPlusAssessment.assessorStaffId!', 'assetPlusAssessment.countersigningManagerStaffId'],
  'yot.youthOrders': [
    'youthOrders[]',
    'youthOrders.type!',
    'youthOrders.status!',
    'youthOrders.court!',
    'youthOrders.madeDate!',
    'youthOrders.startDate!',
    'youthOrders.endDate!',
    'youthOrders.lengthMonths!',
    'youthOrders.requirements[]!',
    'youthOrders.custodialStartDate',
    'youthOrders.custodialEndDate',
    'youthOrders.custodialEstablishment',
    'youthOrders.communityStartDate',
    'youthOrders.communityEndDate',
  ],
  'yot.lookedAfter': [
    'lookedAfterStatus',
    'lookedAfterStatus.lookedAfter!',
    'lookedAfterStatus.legalBasis',
    'lookedAfterStatus.responsibleLocalAuthority',
    'lookedAfterStatus.parentalResponsibilityHolders[]!',
    'lookedAfterStatus.source!',
    'lookedAfterStatus.asAtDate!',
  ],
  'yot.consent': [
    'consentRecords[]',
    'consentRecords.purpose!',
    'consentRecords.decision!',
    'consentRecords.givenBy!',
    'consentRecords.fraserCompetent!',
    'consentRecords.assessedByStaffId!',
    'consentRecords.assessedByRole!',
    'consentRecords.decisionDate!',
    'consentRecords.withdrawnDate',
    'consentRecords.overriddenOnPublicProtectionGrounds!',
  ],
  'yot.mappaH': [
    'mappaHNotification',
    'mappaHNotification.notifiedDate!',
    'mappaHNotification.coordinatorArea!',
    'mappaHNotification.category!',
    'mappaHNotification.levelSought!',
    'mappaHNotification.reason!',
    'mappaHNotification.notifiedByStaffId!',
  ],
  'yot.adultTransition': [
    'adultTransition',
    'adultTransition.plannedTransferDate!',
    'adultTransition.receivingProbationArea!',
    'adultTransition.status!',
    'adultTransition.transitionMeetingDate',
  ],
  // The case record itself apart from its level and lead agency, so the MAPPA unit's information governance opens it for its authors (A.R12).
  'mappa.levelAndLeadAgency': ['mappaCase'],
  'mappa.levelAndLeadAgencyFields': ['mappaCase.level!', 'mappaCase.leadAgency!'],
  'mappa.mappaCase': [
    'mappaCase.caseId',
    'mappaCase.category',
    'mappaCase.area',
    'mappaCase.nextReviewDate',
    'mappaCase.endDate',
    'mappaCase.endReason',
  ],
  'mappa.caseStatus': ['mappaCase.startDate', 'mappaCase.status'],
  'mappa.caseHistory': ['mappaCase.history[]'],
  'mappa.caseHistoryContent': [
    'mappaCase.history.field!',
    'mappaCase.history.valueBefore',
    'mappaCase.history.valueAfter!',
    'mappaCase.history.changedDate!',
    'mappaCase.history.decision!',
    'mappaCase.history.decision.kind!',
  ],
  'mappa.caseAudit': ['mappaCase.history.changedByStaffId', 'mappaCase.history.decision.reference'],
  // A.R12, OQ 20, principle 10: the entry points other owners give their own information governance
  // into the same view (ENTRIES); they are query fields, so no field below Offender carries them.
  'prison.prisonNumberLookup': [],
  'mappa.auditSubject': [],
  'yot.auditSubject': [],
  // Issue 14, C.70: the prison's record of its notification to the Home Office.
  'prison.homeOfficeNotification': [
    'homeOfficeNotification',
    'homeOfficeNotification.sentDate!',
    'homeOfficeNotification.sentencedDate!',
    'homeOfficeNotification.nationality!',
    'homeOfficeNotification.mappaNominal!',
    'homeOfficeNotification.mappaCategory',
    'homeOfficeNotification.sendingEstablishmentCode!',
  ],
  // Issue 14: the Home Office's immigration case, the detention and its events, the IRC suitability assessment, and who did what.
  'home-office.immigrationCase': [
    'immigrationCase',
    'immigrationCase.homeOfficeReference!',
    'immigrationCase.nationality!',
    'immigrationCase.mappaNominal!',
    'immigrationCase.mappaCategory',
    'immigrationCase.notificationReceivedDate!',
  ],
  'home-office.detentionStatus': [
    'immigrationDetention',
    'immigrationDetention.status!',
    'immigrationDetention.ircName!',
    'immigrationDetention.detainedFrom!',
    'immigrationDetention.arrangementsConfirmedDate',
    'immigrationDetention.releasedDate',
    'immigrationDetention.releaseRoute',
    'immigrationDetention.removedDate',
    'immigrationDetention.removalType',
  ],
  'home-office.ircSuitability': [
    'ircSuitabilityAssessment',
    'ircSuitabilityAssessment.outcome!',
    'ircSuitabilityAssessment.assessedDate!',
    'ircSuitabilityAssessment.mappaLevelConsidered',
  ],
  'home-office.homeOfficeStaff': [
    'immigrationCase.caseOwnerStaffId',
    'immigrationDetention.arrangementsConfirmedByStaffId',
    'ircSuitabilityAssessment.assessedByStaffId',
  ],
};

// ---- Per-record conditions, decided from the seeded records --------------------------------------

/** A condition a row's grant carries: whether it holds between the reader and the subject. */
interface Condition {
  readonly name: string;
  readonly holds: (reader: PrincipalClaims, subject: Subject) => boolean;
}

const condition = (name: string, holds: Condition['holds']): Condition => ({ name, holds });
/** Either condition: a role granted a group under two rules reads it where either holds. */
const eitherOf = (first: Condition, second: Condition): Condition =>
  condition(`${first.name} or ${second.name}`, (reader, subject) => first.holds(reader, subject) || second.holds(reader, subject));

/**
 * A.R5, inventory OQ 14: a prison offender manager whose token names their establishment knows, in the
 * prison's records and for case management, exactly the people held there now; without one, the area.
 */
const HELD_AT_READERS_ESTABLISHMENT = condition(
  "held at the reader's establishment",
  (reader, subject) => reader.establishment === undefined || subject.heldAt === reader.establishment,
);
/**
 * A.R5, A.R6: the nominal lists the reader's agency; for the prison, the establishment holding the
 * offender, while it holds them in custody (a prison offender manager whose token names no
 * establishment is not shown to be it); probation on category 1 only at level 2 or 3 (the subjects'
 * area records no level 1 agreement).
 */
const VISOR_PARTNER = condition('a ViSOR partner', (reader, subject) => {
  if (reader.agency === 'prison')
    return subject.visorPartners.has('PRISON') && subject.heldAt !== null && subject.heldAt === reader.establishment;
  if (reader.agency !== 'probation' || !subject.visorPartners.has('PROBATION')) return false;
  return subject.person.category !== 1 || subject.person.level >= 2;
});
/** B.15, C.29, principle 4: the allocated community offender manager, or the SPO who line-manages them. */
const OM_OR_LINE_MANAGER = condition(
  'the allocated offender manager or their line manager',
  (reader, subject) =>
    reader.agency === 'probation' &&
    (reader.staffId === subject.comStaffCode ||
      (reader.roles.includes('senior_probation_officer') && reader.staffId === subject.lineManagerStaffCode)),
);
/** A.R15, B.59: the allocated community offender manager (OM = allocated COM, inventory §3). */
const ALLOCATED_OM = condition(
  'the allocated offender manager',
  (reader, subject) => reader.agency === 'probation' && reader.staffId === subject.comStaffCode,
);
/** Principle 7: a terrorist case (category 4, or restricted access); no subject of this matrix is one, so the C.63 rows hold nowhere here. */
const isTerroristCase = (subject: Subject): boolean => subject.person.category === 4 || subject.person.restrictedAccess;
/** C.63: the allocated OM in a terrorist case. */
const OM_OF_TERRORIST_CASE = condition(
  'the offender manager of a terrorist case',
  (reader, subject) => ALLOCATED_OM.holds(reader, subject) && isTerroristCase(subject),
);
/** C.63: the YOT case manager of the young person in a terrorist case. */
const YOT_CASE_MANAGER_OF_TERRORIST_CASE = condition(
  'the YOT case manager of a terrorist case',
  (reader, subject) => reader.agency === 'yot' && reader.staffId === subject.yotCaseManagerStaffId && isTerroristCase(subject),
);
/** B.15, B.57, C.14, C.34: a victim of the subject in the Victim Contact Scheme is allocated to the reader. */
const VLO_OF_VICTIM = condition("the liaison officer of a victim's", (reader, subject) => subject.vloStaffIds.has(reader.staffId));
/** C.34: and that victim asked to be told about release. */
const VLO_OF_VICTIM_WANTING_RELEASE = condition('the liaison officer of a victim wanting release information', (reader, subject) =>
  subject.vloStaffIdsWantingRelease.has(reader.staffId),
);
/** C.8, C.11: the subject lives (or is booked to live) at an approved premises the reader works at. */
const AP_RESIDENT = condition('a resident of their premises', (reader, subject) => subject.approvedPremisesStaff.has(reader.staffId));
/** A.R6, A.R23: a category 1 case, which the police and probation co-manage. */
const CO_MANAGED_CATEGORY_1 = condition('a co-managed category 1 case', (_reader, subject) => subject.person.category === 1);
/** C.56: the police record the person as under 18 on the request's date. */
const UNDER_18 = condition('a person under 18', (_reader, subject) => isUnder18(subject.person.dateOfBirth, calendarDateOf(new Date())));
/** A.R26, principles 3 and 9: YOT roles know only YOT-led cases and people under 18. */
const YOUNG_PERSON_OR_YOT_LED = condition(
  'a young person or a YOT-led case',
  (_reader, subject) => isUnder18(subject.person.dateOfBirth, calendarDateOf(new Date())) || subject.person.leadAgency === 'YOT',
);
/** B.60: a person managed at level 1, whose prison information exchange the level 2 and 3 requirements do not limit. */
const AT_LEVEL_1 = condition('a level 1 case', (_reader, subject) => subject.person.level === 1);
/** B.51: a person managed at level 2 or 3, whose temporary release the Governor approves only after consulting the co-ordinator. */
const AT_LEVEL_2_OR_3 = condition('a level 2 or 3 case', (_reader, subject) => subject.person.level >= 2);
/** A.R15, B.59 or B.60: the allocated offender manager, or anyone of the row on a level 1 case. */
const ALLOCATED_OM_OR_AT_LEVEL_1 = eitherOf(ALLOCATED_OM, AT_LEVEL_1);
/**
 * B.49, inventory §5.3: a MAPPA F report is read by the prison offender manager of the establishment
 * that wrote it (held there now: A.R5); a token naming no establishment is scoped by area and reads
 * every report. For an establishment's, the list is null where none of the person's reports is its own.
 */
const WRITTEN_AT_READERS_ESTABLISHMENT = condition(
  "a report written at the reader's establishment",
  (reader, subject) =>
    HELD_AT_READERS_ESTABLISHMENT.holds(reader, subject) &&
    (reader.establishment === undefined || subject.mappaFReports.some((report) => report.establishmentCode === reader.establishment)),
);
/**
 * B.23, B.49, inventory OQ 4: a MAPPA F report is written for one meeting and read at that meeting:
 * the attendees of the matrix's meeting read the subject's report written for its date, none of their
 * others, and null where none was written for it.
 */
const REPORT_FOR_DECLARED_MEETING = condition('a report written for the declared meeting', (_reader, subject) =>
  subject.mappaFReports.some((report) => report.meetingDate === MATRIX_MEETING_DATE),
);
/** A.R20, A.R21: the reader's agency leads the case. */
const LEAD_AGENCY = condition(
  'the lead agency',
  (reader, subject) =>
    (({ police: 'POLICE', probation: 'PROBATION', yot: 'YOT' }) as Partial<Record<PrincipalAgency, string>>)[reader.agency] ===
    subject.person.leadAgency,
);
/** A.R37: a licence condition of theirs the provider monitors, naming no victim. */
const ELECTRONICALLY_MONITORED = condition('electronically monitored', (_reader, subject) => subject.electronicallyMonitored);
/**
 * Principle 4, B §1 (originator control), handling code 3x5x2: outside the police an intelligence item's
 * summary goes only where its handling code is P, or C ("conditions apply; see originator") with the
 * originating force's agreement to share it with MAPPA partners; the person has at least one such item.
 */
const RELEASABLE_INTELLIGENCE = condition(
  'an intelligence item that may leave the police',
  (_reader, subject) => subject.releasableIntelligence,
);
/** A.R31, A.R33: a MAPPA J about an adult, until its restriction's end date. */
const MAPPA_J_IN_FORCE = condition(
  'a MAPPA J in force',
  (_reader, subject) => subject.mappaJEndDate !== null && subject.mappaJEndDate > calendarDateOf(new Date()),
);
/**
 * A.R12, OQ 20: information governance opens a record only for its author fields. In the whole view
 * each such record also selects content refused to it that is never null, so the record comes back
 * null (test/src/probation-conditions-audit-authorship.test.ts reads the authors alone).
 */
const NOT_IN_THE_WHOLE_VIEW = condition('only its author fields, never in the whole view', () => false);

// ---- The matrix: one row per role × purpose × field group the rules let the role read --------------

/** Who reads: a role (with its agency, for duty-to-co-operate attendees). */
type RoleKey =
  | 'ppu_officer'
  | 'ct_officer'
  | 'visor_administrator'
  | 'probation_practitioner'
  | 'senior_probation_officer'
  | 'victim_liaison_officer'
  | 'approved_premises_staff'
  | 'prison_offender_manager'
  | 'yot_case_manager'
  | 'yot_manager'
  | 'mappa_coordinator'
  | 'mappa_chair'
  | 'dtc_attendee (children_social_care)'
  | 'dtc_attendee (health)'
  | 'dtc_attendee (housing)'
  | 'dtc_attendee (education)'
  | 'dtc_attendee (electronic_monitoring)'
  | 'dtc_attendee (home_office)'
  | 'dtc_attendee (jobcentre_plus)'
  | 'lay_adviser'
  | 'analyst'
  | 'information_governance (police)'
  | 'information_governance (prison)'
  | 'information_governance (mappa_unit)'
  | 'information_governance (yot)';

/** role × purpose × field group → allowed, the rule ids it comes from, and the per-record condition it is granted under, if any. */
type Row = readonly [role: RoleKey, purpose: Purpose, group: string, rules: string, only?: Condition];

/**
 * Every role × purpose × field group the rules let the role read; anything else is refused, naming the
 * group's policy. Grouped by field group, in FIELDS_BY_POLICY's order. No one reads anything about a
 * person under STATISTICS (aggregates only: principle 8, A.R27, C.93), lay advisers and analysts under
 * no purpose (principle 8, A.R28), and each owner's information governance only its own owner's author fields (A.R12).
 */
const ROWS: readonly Row[] = [
  // police.subjectKey
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['ct_officer', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'police.subjectKey', 'C.31, C.34'],
  ['victim_liaison_officer', 'MAPPA_MEETING', 'police.subjectKey', 'C.31'],
  ['approved_premises_staff', 'CASE_MANAGEMENT', 'police.subjectKey', 'C.8, C.11'],
  ['approved_premises_staff', 'MAPPA_MEETING', 'police.subjectKey', 'C.8, C.11'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'police.subjectKey', 'principle 2, §2.2'],
  ['yot_case_manager', 'MAPPA_MEETING', 'police.subjectKey', 'A.R25, B.10'],
  ['yot_case_manager', 'DISCLOSURE_DECISION', 'police.subjectKey', 'A.R25, B.10'],
  ['yot_manager', 'CASE_MANAGEMENT', 'police.subjectKey', 'principle 2, §2.2'],
  ['yot_manager', 'MAPPA_MEETING', 'police.subjectKey', 'A.R25, B.10'],
  ['yot_manager', 'DISCLOSURE_DECISION', 'police.subjectKey', 'A.R25, B.10'],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['mappa_chair', 'CASE_MANAGEMENT', 'police.subjectKey', 'inventory §2.2'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.subjectKey', 'inventory §2.2'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.subjectKey', 'inventory §2.2'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.subjectKey', 'inventory §2.2'],
  ['dtc_attendee (children_social_care)', 'MAPPA_MEETING', 'police.subjectKey', 'principle 5, A.R26'],
  ['dtc_attendee (health)', 'MAPPA_MEETING', 'police.subjectKey', 'principle 5, A.R26'],
  ['dtc_attendee (housing)', 'MAPPA_MEETING', 'police.subjectKey', 'principle 5, A.R26'],
  ['dtc_attendee (education)', 'MAPPA_MEETING', 'police.subjectKey', 'principle 5, A.R26'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'police.subjectKey', 'principle 5, A.R26'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'police.subjectKey', 'principle 5, A.R26'],
  ['dtc_attendee (jobcentre_plus)', 'MAPPA_MEETING', 'police.subjectKey', 'A.R31, A.R32, §2.2'],
  ['information_governance (police)', 'AUDIT', 'police.subjectKey', 'A.R12, OQ 20'],
  // The PNC ID of the person another owner's entry point reaches (each owner's key field names the
  // person to every agency; the police's offender(pncId) answers their auditors as unknown, principle 10).
  ['information_governance (prison)', 'AUDIT', 'police.subjectKey', 'A.R12, OQ 20, principle 10'],
  ['information_governance (mappa_unit)', 'AUDIT', 'police.subjectKey', 'A.R12, OQ 20, principle 10'],
  ['information_governance (yot)', 'AUDIT', 'police.subjectKey', 'A.R12, OQ 20, principle 10'],
  // police.identityNames
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.identityNames', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.identityNames', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.identityNames', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.identityNames', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.identityNames', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.identityNames', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.identityNames', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.identityNames', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.identityNames', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.identityNames', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.identityNames', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.identityNames', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.identityNames', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.identityNames', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.identityNames', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 3'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'police.identityNames', 'C.56', UNDER_18],
  ['yot_manager', 'CASE_MANAGEMENT', 'police.identityNames', 'C.56', UNDER_18],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.identityNames', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.identityNames', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.identityNames', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.identityNames', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.identityNames', 'principle 3'],
  ['dtc_attendee (children_social_care)', 'MAPPA_MEETING', 'police.identityNames', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (health)', 'MAPPA_MEETING', 'police.identityNames', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (housing)', 'MAPPA_MEETING', 'police.identityNames', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (education)', 'MAPPA_MEETING', 'police.identityNames', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'police.identityNames', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'police.identityNames', 'principle 5, A.R26, inventory §5.0'],
  // police.identity
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.identity', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.identity', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.identity', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.identity', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.identity', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.identity', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.identity', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.identity', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.identity', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.identity', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.identity', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.identity', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.identity', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.identity', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.identity', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.identity', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.identity', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.identity', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.identity', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.identity', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.identity', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.identity', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.identity', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.identity', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.identity', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.identity', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.identity', 'principle 3'],
  // police.ethnicity
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.ethnicity', 'B.3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.ethnicity', 'B.3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.ethnicity', 'B.3'],
  // police.nationality
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.nationality', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.nationality', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.nationality', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.nationality', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.nationality', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.nationality', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.nationality', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.nationality', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.nationality', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.nationality', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.nationality', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.nationality', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.nationality', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.nationality', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.nationality', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.nationality', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.nationality', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.nationality', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.nationality', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.nationality', 'principle 3'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'police.nationality', 'A.R38, C.71'],
  // police.visorNominalRecord
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.visorNominalRecord', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.visorNominalRecord', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.visorNominalRecord', 'principle 2, A.R1'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 2, principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'police.visorNominalRecord', 'A.R6', VISOR_PARTNER],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'police.visorNominalRecord', 'A.R6', VISOR_PARTNER],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'police.visorNominalRecord', 'A.R5', VISOR_PARTNER],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.visorNominalRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.visorNominalRecord', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.visorNominalRecord', 'principle 3'],
  ['information_governance (police)', 'AUDIT', 'police.visorNominalRecord', 'A.R12, OQ 20', NOT_IN_THE_WHOLE_VIEW],
  // police.visorNominal
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.visorNominal', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.visorNominal', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.visorNominal', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.visorNominal', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.visorNominal', 'principle 2, A.R1'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.visorNominal', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 2, principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'police.visorNominal', 'A.R6', VISOR_PARTNER],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.visorNominal', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'police.visorNominal', 'A.R6', VISOR_PARTNER],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.visorNominal', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'police.visorNominal', 'A.R5', VISOR_PARTNER],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.visorNominal', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.visorNominal', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.visorNominal', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.visorNominal', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.visorNominal', 'principle 3'],
  // police.policeStaff
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.policeStaff', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.policeStaff', 'A.R12'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.policeStaff', 'A.R12'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.policeStaff', 'A.R12'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.policeStaff', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.policeStaff', 'A.R12'],
  ['ct_officer', 'MAPPA_MEETING', 'police.policeStaff', 'A.R12'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.policeStaff', 'A.R12'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.policeStaff', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.policeStaff', 'A.R12'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.policeStaff', 'A.R12'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.policeStaff', 'A.R12'],
  ['information_governance (police)', 'AUDIT', 'police.policeStaff', 'A.R12, OQ 20'],
  // police.visorAdministration
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.visorAdministration', 'A.R13'],
  ['information_governance (police)', 'AUDIT', 'police.visorAdministration', 'A.R13, principle 10'],
  // police.notification
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.notification', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.notification', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.notification', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.notification', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.notification', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.notification', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.notification', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.notification', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.notification', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.notification', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.notification', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.notification', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.notification', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.notification', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.notification', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.notification', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.notification', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.notification', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.notification', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.notification', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.notification', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.notification', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.notification', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.notification', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.notification', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.notification', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.notification', 'principle 3'],
  // police.registeredAddress
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.registeredAddress', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.registeredAddress', 'B.42'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.registeredAddress', 'B.42'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.registeredAddress', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.registeredAddress', 'B.42'],
  ['ct_officer', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.registeredAddress', 'B.42'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.registeredAddress', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.registeredAddress', 'B.42'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.registeredAddress', 'B.42'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.registeredAddress', 'B.42'],
  // police.policeRiskRecord
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.policeRiskRecord', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.policeRiskRecord', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.policeRiskRecord', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.policeRiskRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.policeRiskRecord', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.policeRiskRecord', 'principle 3'],
  ['information_governance (police)', 'AUDIT', 'police.policeRiskRecord', 'A.R12, OQ 20', NOT_IN_THE_WHOLE_VIEW],
  // police.policeRisk
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.policeRisk', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.policeRisk', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.policeRisk', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.policeRisk', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.policeRisk', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.policeRisk', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.policeRisk', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.policeRisk', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.policeRisk', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.policeRisk', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.policeRisk', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.policeRisk', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.policeRisk', 'principle 3'],
  // police.civilOrders
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.civilOrders', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.civilOrders', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.civilOrders', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.civilOrders', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.civilOrders', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.civilOrders', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.civilOrders', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.civilOrders', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.civilOrders', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.civilOrders', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.civilOrders', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.civilOrders', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.civilOrders', 'principle 3'],
  // police.civilOrderConditions
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.civilOrderConditions', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.civilOrderConditions', 'B.15'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.civilOrderConditions', 'B.15'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.civilOrderConditions', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.civilOrderConditions', 'B.15'],
  ['ct_officer', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.civilOrderConditions', 'B.15'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.civilOrderConditions', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.civilOrderConditions', 'B.15'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.civilOrderConditions', 'B.15'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.civilOrderConditions', 'B.15'],
  // police.warningMarkers
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.warningMarkers', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 2, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 2, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 2, principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.warningMarkers', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 2, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 2, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 2, principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.warningMarkers', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 2, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 2, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.warningMarkers', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.warningMarkers', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.warningMarkers', 'principle 3'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'police.warningMarkers', 'C.56', UNDER_18],
  ['yot_manager', 'CASE_MANAGEMENT', 'police.warningMarkers', 'C.56', UNDER_18],
  // police.intelligenceSummary
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.intelligenceSummary', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.intelligenceSummary', 'principle 4, C.66'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.intelligenceSummary', 'principle 4, C.66'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.intelligenceSummary', 'principle 4, C.66'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.intelligenceSummary', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.intelligenceSummary', 'principle 4, C.66'],
  ['ct_officer', 'MAPPA_MEETING', 'police.intelligenceSummary', 'principle 4, C.66'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.intelligenceSummary', 'principle 4, C.66'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'police.intelligenceSummary', 'C.63', OM_OF_TERRORIST_CASE],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['mappa_chair', 'MAPPA_MEETING', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.intelligenceSummary', 'principle 4, B §1, C.66', RELEASABLE_INTELLIGENCE],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'police.intelligenceSummary', 'C.63', YOT_CASE_MANAGER_OF_TERRORIST_CASE],
  // police.intelligence
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.intelligence', 'principle 4, C.63'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.intelligence', 'principle 4, C.63'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.intelligence', 'principle 4, C.63'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.intelligence', 'principle 4, C.63'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.intelligence', 'principle 4, C.63'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.intelligence', 'principle 4, C.63'],
  ['ct_officer', 'MAPPA_MEETING', 'police.intelligence', 'principle 4, C.63'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.intelligence', 'principle 4, C.63'],
  // police.mappaJContent
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.mappaJContent', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.mappaJContent', 'A.R34'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'A.R34'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.mappaJContent', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.mappaJContent', 'A.R34'],
  ['ct_officer', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'A.R34'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.mappaJContent', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.mappaJContent', 'A.R34'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'A.R34'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.mappaJContent', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.mappaJContent', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.mappaJContent', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.mappaJContent', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.mappaJContent', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R34'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.mappaJContent', 'principle 3'],
  ['dtc_attendee (jobcentre_plus)', 'MAPPA_MEETING', 'police.mappaJContent', 'A.R31, A.R32, A.R33', MAPPA_J_IN_FORCE],
  // police.mappaJAdministration
  ['ppu_officer', 'CASE_MANAGEMENT', 'police.mappaJAdministration', 'principle 2'],
  ['ppu_officer', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'A.R34'],
  ['ppu_officer', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'A.R34'],
  ['ct_officer', 'CASE_MANAGEMENT', 'police.mappaJAdministration', 'principle 2'],
  ['ct_officer', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'A.R34'],
  ['ct_officer', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'A.R34'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'police.mappaJAdministration', 'principle 2'],
  ['visor_administrator', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'A.R34'],
  ['visor_administrator', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'A.R34'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'police.mappaJAdministration', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'police.mappaJAdministration', 'A.R34'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'police.mappaJAdministration', 'principle 3'],
  // prison.custodyRecord
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.custodyRecord', 'A.R15, B.59'],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'prison.custodyRecord', 'B.60', AT_LEVEL_1],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'prison.custodyRecord', 'B.60', AT_LEVEL_1],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.custodyRecord', 'A.R15, B.59, B.60', ALLOCATED_OM_OR_AT_LEVEL_1],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'prison.custodyRecord', 'B.60', AT_LEVEL_1],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'prison.custodyRecord', 'B.57, C.14, C.34', VLO_OF_VICTIM],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.custodyRecord', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.custodyRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.custodyRecord', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.custodyRecord', 'principle 3'],
  // prison.custodyStatus
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.custodyStatus', 'A.R15, B.59'],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'prison.custodyStatus', 'B.60', AT_LEVEL_1],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'prison.custodyStatus', 'B.60', AT_LEVEL_1],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.custodyStatus', 'A.R15, B.59, B.60', ALLOCATED_OM_OR_AT_LEVEL_1],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'prison.custodyStatus', 'B.60', AT_LEVEL_1],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'prison.custodyStatus', 'B.57, C.14, C.34', VLO_OF_VICTIM],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.custodyStatus', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.custodyStatus', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.custodyStatus', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.custodyStatus', 'principle 3'],
  // prison.custodyEstablishment
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.custodyEstablishment', 'A.R15, B.59'],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'prison.custodyEstablishment', 'B.60', AT_LEVEL_1],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'prison.custodyEstablishment', 'B.60', AT_LEVEL_1],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.custodyEstablishment', 'A.R15, B.59, B.60', ALLOCATED_OM_OR_AT_LEVEL_1],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'prison.custodyEstablishment', 'B.60', AT_LEVEL_1],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.custodyEstablishment', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.custodyEstablishment', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.custodyEstablishment', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.custodyEstablishment', 'principle 3'],
  // prison.custody
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.custody', 'B.60', AT_LEVEL_1],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.custody', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.custody', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'prison.custody', 'B.60', AT_LEVEL_1],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.custody', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.custody', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'prison.custody', 'B.60', AT_LEVEL_1],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.custody', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.custody', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.custody', 'B.60', AT_LEVEL_1],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.custody', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.custody', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'prison.custody', 'B.60', AT_LEVEL_1],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.custody', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.custody', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.custody', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.custody', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.custody', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.custody', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.custody', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.custody', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.custody', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.custody', 'principle 3'],
  // prison.custodyPrisonOnly
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.custodyPrisonOnly', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  // prison.sentenceRecord
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.sentenceRecord', 'A.R15, B.59'],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.sentenceRecord', 'A.R15, B.59', ALLOCATED_OM],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'prison.sentenceRecord', 'C.14, C.34', VLO_OF_VICTIM_WANTING_RELEASE],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.sentenceRecord', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.sentenceRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.sentenceRecord', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.sentenceRecord', 'principle 3'],
  // prison.sentenceVictimInformation
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.sentenceVictimInformation', 'A.R15, B.59'],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.sentenceVictimInformation', 'A.R15, B.59', ALLOCATED_OM],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'prison.sentenceVictimInformation', 'C.14, C.34', VLO_OF_VICTIM_WANTING_RELEASE],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.sentenceVictimInformation', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.sentenceVictimInformation', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.sentenceVictimInformation', 'principle 3'],
  // prison.sentenceKeyDates
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.sentenceKeyDates', 'A.R15, B.59'],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.sentenceKeyDates', 'A.R15, B.59', ALLOCATED_OM],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.sentenceKeyDates', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.sentenceKeyDates', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.sentenceKeyDates', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.sentenceKeyDates', 'principle 3'],
  // prison.sentence
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.sentence', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.sentence', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.sentence', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.sentence', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.sentence', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.sentence', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.sentence', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.sentence', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.sentence', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.sentence', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.sentence', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.sentence', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.sentence', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.sentence', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.sentence', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.sentence', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.sentence', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.sentence', 'principle 3'],
  // prison.offences
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.offences', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.offences', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.offences', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.offences', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.offences', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.offences', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.offences', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.offences', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.offences', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.offences', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.offences', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.offences', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.offences', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 2, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.offences', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.offences', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.offences', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.offences', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.offences', 'principle 3'],
  // prison.mappaAlert
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.mappaAlert', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  // prison.alertComment
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.alertComment', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  // prison.temporaryReleaseRecord
  ['ppu_officer', 'CASE_MANAGEMENT', 'prison.temporaryReleaseRecord', 'B.48, inventory §5.3'],
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'prison.temporaryReleaseRecord', 'B.48, inventory §5.3', ALLOCATED_OM],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'prison.temporaryReleaseRecord', 'C.14, C.34', VLO_OF_VICTIM_WANTING_RELEASE],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.temporaryReleaseRecord', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 2, principle 3'],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'prison.temporaryReleaseRecord', 'B.51, inventory OQ 21', AT_LEVEL_2_OR_3],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.temporaryReleaseRecord', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.temporaryReleaseRecord', 'principle 3'],
  // prison.temporaryRelease
  ['ppu_officer', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.temporaryRelease', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 2, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 2, principle 3'],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'prison.temporaryRelease', 'B.51, inventory OQ 21', AT_LEVEL_2_OR_3],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'prison.temporaryRelease', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.temporaryRelease', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'prison.temporaryRelease', 'principle 3'],
  // prison.adjudication
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.adjudication', 'principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  // prison.mappaFReport
  ['ppu_officer', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['ct_officer', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.mappaFReport', 'principle 2, A.R5, B.49', WRITTEN_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.mappaFReport', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  // prison.mappaFReportRecord
  ['ppu_officer', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['ct_officer', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.mappaFReportRecord', 'principle 2, A.R5, B.49', WRITTEN_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.mappaFReportRecord', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['information_governance (prison)', 'AUDIT', 'prison.mappaFReportRecord', 'A.R12, OQ 20', NOT_IN_THE_WHOLE_VIEW],
  // prison.mappaFReportAuthor
  ['ppu_officer', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['ct_officer', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['visor_administrator', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['probation_practitioner', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['senior_probation_officer', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.mappaFReportAuthor', 'principle 2, A.R5, B.49', WRITTEN_AT_READERS_ESTABLISHMENT],
  ['prison_offender_manager', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['mappa_coordinator', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['mappa_chair', 'MAPPA_MEETING', 'prison.mappaFReportAuthor', 'B.23, B.46, B.49, OQ 4', REPORT_FOR_DECLARED_MEETING],
  ['information_governance (prison)', 'AUDIT', 'prison.mappaFReportAuthor', 'A.R12, OQ 20'],
  // probation.offenderManagerContact
  ['ppu_officer', 'CASE_MANAGEMENT', 'probation.offenderManagerContact', 'A.R6, A.R23', CO_MANAGED_CATEGORY_1],
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.offenderManagerContact', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.offenderManagerContact', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 2, principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.offenderManagerContact', 'C.34', VLO_OF_VICTIM],
  ['approved_premises_staff', 'CASE_MANAGEMENT', 'probation.offenderManagerContact', 'C.8, C.11', AP_RESIDENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.offenderManagerContact', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.offenderManagerContact', 'principle 3'],
  ['dtc_attendee (children_social_care)', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (health)', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (housing)', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (education)', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'probation.offenderManagerContact', 'principle 5, A.R26, inventory §5.0'],
  // probation.caseReference
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.caseReference', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.caseReference', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.caseReference', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.caseReference', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.caseReference', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.caseReference', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.caseReference', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 2, principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.caseReference', 'C.34', VLO_OF_VICTIM],
  ['approved_premises_staff', 'CASE_MANAGEMENT', 'probation.caseReference', 'C.8, C.11'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.caseReference', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.caseReference', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.caseReference', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.caseReference', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.caseReference', 'principle 3'],
  // probation.caseSummary
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.caseSummary', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.caseSummary', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.caseSummary', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.caseSummary', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.caseSummary', 'principle 3'],
  // probation.caseAdministration
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.caseAdministration', 'principle 2'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.caseAdministration', 'principle 2'],
  // probation.licenceRecords
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.licenceRecords', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.licenceRecords', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 2, principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.licenceRecords', 'C.34', VLO_OF_VICTIM],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.licenceRecords', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.licenceRecords', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.licenceRecords', 'principle 3'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'probation.licenceRecords', 'A.R37', ELECTRONICALLY_MONITORED],
  // probation.licenceDates
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.licenceDates', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.licenceDates', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 2, principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.licenceDates', 'C.34', VLO_OF_VICTIM],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.licenceDates', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.licenceDates', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.licenceDates', 'principle 3'],
  // probation.licence
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.licence', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.licence', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.licence', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.licence', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.licence', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.licence', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.licence', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.licence', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.licence', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.licence', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.licence', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.licence', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.licence', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.licence', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.licence', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.licence', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.licence', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.licence', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.licence', 'principle 3'],
  // probation.licenceConditions
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.licenceConditions', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.licenceConditions', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 2, principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.licenceConditions', 'B.15, C.32, C.34', VLO_OF_VICTIM],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.licenceConditions', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.licenceConditions', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.licenceConditions', 'principle 3'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'probation.licenceConditions', 'A.R37'],
  // probation.licenceConditionText
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.licenceConditionText', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.licenceConditionText', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 2, principle 3'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.licenceConditionText', 'B.15, C.32, C.34', VLO_OF_VICTIM],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.licenceConditionText', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.licenceConditionText', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.licenceConditionText', 'principle 3'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'probation.licenceConditionText', 'A.R37'],
  // probation.riskOfSeriousHarm
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskOfSeriousHarm', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskOfSeriousHarm', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 2, principle 3'],
  ['approved_premises_staff', 'CASE_MANAGEMENT', 'probation.riskOfSeriousHarm', 'C.8, C.11', AP_RESIDENT],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.riskOfSeriousHarm', 'principle 3'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'A.R38, C.72'],
  ['dtc_attendee (jobcentre_plus)', 'MAPPA_MEETING', 'probation.riskOfSeriousHarm', 'A.R31, A.R32, C.87'],
  // probation.riskAssessment
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskAssessment', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskAssessment', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.riskAssessment', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.riskAssessment', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.riskAssessment', 'principle 3'],
  // probation.riskSummary
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskSummary', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskSummary', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 2, principle 3'],
  ['approved_premises_staff', 'CASE_MANAGEMENT', 'probation.riskSummary', 'C.8, C.11'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.riskSummary', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.riskSummary', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.riskSummary', 'principle 3'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'probation.riskSummary', 'A.R38, C.72'],
  // probation.riskNarrative
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskNarrative', 'principle 4, B.15, C.29', OM_OR_LINE_MANAGER],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.riskNarrative', 'principle 4, B.15, inventory §5.2', OM_OR_LINE_MANAGER],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskNarrative', 'principle 4, B.15, inventory §5.2', OM_OR_LINE_MANAGER],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.riskNarrative', 'principle 4, B.15, inventory §5.2', OM_OR_LINE_MANAGER],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskNarrative', 'principle 4, B.15, C.29', OM_OR_LINE_MANAGER],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.riskNarrative', 'principle 4, B.15, inventory §5.2', OM_OR_LINE_MANAGER],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskNarrative', 'principle 4, B.15, inventory §5.2', OM_OR_LINE_MANAGER],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.riskNarrative', 'principle 4, B.15, inventory §5.2', OM_OR_LINE_MANAGER],
  // probation.riskToStaff
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskToStaff', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskToStaff', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 2, principle 3'],
  ['approved_premises_staff', 'CASE_MANAGEMENT', 'probation.riskToStaff', 'C.8, C.11'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.riskToStaff', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.riskToStaff', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.riskToStaff', 'principle 3'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'probation.riskToStaff', 'A.R38, C.72'],
  ['dtc_attendee (jobcentre_plus)', 'MAPPA_MEETING', 'probation.riskToStaff', 'A.R31, A.R32, C.87'],
  // probation.riskInCustody
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskInCustody', 'principle 2'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 2, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 2, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 2, principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskInCustody', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 2, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 2, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 2, principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.riskInCustody', 'principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.riskInCustody', 'principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.riskInCustody', 'principle 3'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'probation.riskInCustody', 'A.R38, C.72'],
  // probation.riskManagementPlanRecord
  ['ppu_officer', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskManagementPlanRecord', 'principle 2'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskManagementPlanRecord', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.riskManagementPlanRecord', 'B.15', VLO_OF_VICTIM],
  ['approved_premises_staff', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'C.11', AP_RESIDENT],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.riskManagementPlanRecord', 'principle 4, B.39'],
  // probation.riskManagementPlan
  ['ppu_officer', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.riskManagementPlan', 'principle 2'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.riskManagementPlan', 'principle 2'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  ['approved_premises_staff', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'C.11'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.riskManagementPlan', 'principle 4, B.39'],
  // probation.victimSafetyPlanning
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.victimSafetyPlanning', 'B.15, B.42', OM_OR_LINE_MANAGER],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.victimSafetyPlanning', 'B.15, B.42', OM_OR_LINE_MANAGER],
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.victimSafetyPlanning', 'B.15', VLO_OF_VICTIM],
  // probation.victimContacts
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.victimContacts', 'B.15, C.29, C.32', VLO_OF_VICTIM],
  // probation.victimContactDetails
  ['victim_liaison_officer', 'CASE_MANAGEMENT', 'probation.victimContactDetails', 'B.15, C.29, C.32', VLO_OF_VICTIM],
  // probation.probationAddress
  ['probation_practitioner', 'CASE_MANAGEMENT', 'probation.probationAddress', 'principle 2'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'probation.probationAddress', 'principle 2'],
  // B.1, principle 3: under the MAPPA purposes the Responsible Authority reads where the person lives now and is to
  // live on release, never a previous address; every case holds a main address, so the group is read for every
  // adult here, and which addresses come back is subgraphs/probation/src/address/probation-address-access.test.ts's.
  ['ppu_officer', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  ['ct_officer', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  ['visor_administrator', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  ['mappa_chair', 'MAPPA_SCREENING', 'probation.probationAddress', 'B.1, principle 3'],
  ['mappa_chair', 'MAPPA_MEETING', 'probation.probationAddress', 'B.1, principle 3'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'probation.probationAddress', 'B.1, principle 3'],
  // C.8, C.11: the premises' own address of a resident or proposed resident of the reader's premises.
  ['approved_premises_staff', 'CASE_MANAGEMENT', 'probation.probationAddress', 'C.8, C.11', AP_RESIDENT],
  // yot.youthCase
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.youthCase', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.youthCase', 'principle 2, principle 4'],
  // yot.assetPlus
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.assetPlus', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.assetPlus', 'principle 2, principle 4'],
  ['information_governance (yot)', 'AUDIT', 'yot.assetPlus', 'A.R12, OQ 20', NOT_IN_THE_WHOLE_VIEW],
  // yot.assetPlusContent
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.assetPlusContent', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.assetPlusContent', 'principle 2, principle 4'],
  // yot.yotStaff
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.yotStaff', 'principle 2, principle 4, C.59'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.yotStaff', 'principle 2, principle 4, C.59'],
  ['information_governance (yot)', 'AUDIT', 'yot.yotStaff', 'A.R12, OQ 20'],
  // yot.youthOrders
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.youthOrders', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.youthOrders', 'principle 2, principle 4'],
  // yot.lookedAfter
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.lookedAfter', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.lookedAfter', 'principle 2, principle 4'],
  // yot.consent
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.consent', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.consent', 'principle 2, principle 4'],
  // yot.mappaH
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.mappaH', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.mappaH', 'principle 2, principle 4'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'yot.mappaH', 'A.R10, C.49'],
  // yot.adultTransition
  ['probation_practitioner', 'CASE_MANAGEMENT', 'yot.adultTransition', 'C §4.8'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'yot.adultTransition', 'C §4.8'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'yot.adultTransition', 'principle 2, principle 4'],
  ['yot_manager', 'CASE_MANAGEMENT', 'yot.adultTransition', 'principle 2, principle 4'],
  // mappa.levelAndLeadAgency
  ['ppu_officer', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'principle 3, inventory §5.5'],
  ['ppu_officer', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'principle 3, inventory §5.5'],
  ['ct_officer', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'principle 3, inventory §5.5'],
  ['visor_administrator', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'principle 3, inventory §5.5'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'principle 3, inventory §5.5'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'principle 3, inventory §5.5'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'principle 3'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['yot_manager', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgency', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgency', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'A.R9, C.88, inventory §5.5'],
  ['mappa_chair', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'B.52, inventory §5.5'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgency', 'B.52, inventory §5.5'],
  ['dtc_attendee (children_social_care)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (health)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (housing)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (education)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgency', 'principle 5, A.R26, inventory §5.0'],
  ['information_governance (mappa_unit)', 'AUDIT', 'mappa.levelAndLeadAgency', 'A.R12, OQ 20', NOT_IN_THE_WHOLE_VIEW],
  // mappa.levelAndLeadAgencyFields
  ['ppu_officer', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'principle 3, inventory §5.5'],
  ['ppu_officer', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'principle 3, inventory §5.5'],
  ['ct_officer', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'principle 3, inventory §5.5'],
  ['visor_administrator', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'principle 3, inventory §5.5'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'principle 3, inventory §5.5'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'principle 3, inventory §5.5'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'principle 3'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['yot_manager', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'mappa.levelAndLeadAgencyFields', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'mappa.levelAndLeadAgencyFields', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'A.R9, C.88, inventory §5.5'],
  ['mappa_chair', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'B.52, inventory §5.5'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'mappa.levelAndLeadAgencyFields', 'B.52, inventory §5.5'],
  ['dtc_attendee (children_social_care)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (health)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (housing)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (education)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (electronic_monitoring)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 5, A.R26, inventory §5.0'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'mappa.levelAndLeadAgencyFields', 'principle 5, A.R26, inventory §5.0'],
  // mappa.mappaCase
  ['ppu_officer', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'principle 3, inventory §5.5'],
  ['ppu_officer', 'MAPPA_SCREENING', 'mappa.mappaCase', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'mappa.mappaCase', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'principle 3, inventory §5.5'],
  ['ct_officer', 'MAPPA_SCREENING', 'mappa.mappaCase', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'mappa.mappaCase', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'principle 3, inventory §5.5'],
  ['visor_administrator', 'MAPPA_SCREENING', 'mappa.mappaCase', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'mappa.mappaCase', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'principle 3, inventory §5.5'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'mappa.mappaCase', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'mappa.mappaCase', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'principle 3, inventory §5.5'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'mappa.mappaCase', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'mappa.mappaCase', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'principle 3, inventory §5.5'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'mappa.mappaCase', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'mappa.mappaCase', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'principle 3'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['yot_manager', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'mappa.mappaCase', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'mappa.mappaCase', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'mappa.mappaCase', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'A.R9, C.88, inventory §5.5'],
  ['mappa_chair', 'MAPPA_MEETING', 'mappa.mappaCase', 'B.52, inventory §5.5'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'mappa.mappaCase', 'B.52, inventory §5.5'],
  // mappa.caseStatus
  ['ppu_officer', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'principle 3, inventory §5.5'],
  ['ppu_officer', 'MAPPA_SCREENING', 'mappa.caseStatus', 'principle 3'],
  ['ppu_officer', 'MAPPA_MEETING', 'mappa.caseStatus', 'principle 3'],
  ['ppu_officer', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'principle 3'],
  ['ct_officer', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'principle 3, inventory §5.5'],
  ['ct_officer', 'MAPPA_SCREENING', 'mappa.caseStatus', 'principle 3'],
  ['ct_officer', 'MAPPA_MEETING', 'mappa.caseStatus', 'principle 3'],
  ['ct_officer', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'principle 3'],
  ['visor_administrator', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'principle 3, inventory §5.5'],
  ['visor_administrator', 'MAPPA_SCREENING', 'mappa.caseStatus', 'principle 3'],
  ['visor_administrator', 'MAPPA_MEETING', 'mappa.caseStatus', 'principle 3'],
  ['visor_administrator', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'principle 3'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'principle 3, inventory §5.5'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'mappa.caseStatus', 'principle 3'],
  ['probation_practitioner', 'MAPPA_MEETING', 'mappa.caseStatus', 'principle 3'],
  ['probation_practitioner', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'principle 3'],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'principle 3, inventory §5.5'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'mappa.caseStatus', 'principle 3'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'mappa.caseStatus', 'principle 3'],
  ['senior_probation_officer', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'principle 3'],
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'principle 3, inventory §5.5'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'mappa.caseStatus', 'principle 3'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'mappa.caseStatus', 'principle 3'],
  ['prison_offender_manager', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'principle 3'],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['yot_manager', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'A.R26, principle 3, principle 9', YOUNG_PERSON_OR_YOT_LED],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'mappa.caseStatus', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'mappa.caseStatus', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'mappa.caseStatus', 'A.R9, C.88, inventory §5.5'],
  ['mappa_coordinator', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'A.R9, C.88, inventory §5.5'],
  ['mappa_chair', 'MAPPA_MEETING', 'mappa.caseStatus', 'B.52, inventory §5.5'],
  ['mappa_chair', 'DISCLOSURE_DECISION', 'mappa.caseStatus', 'B.52, inventory §5.5'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'mappa.caseStatus', 'A.R38, C.71'],
  // mappa.caseHistory
  ['ppu_officer', 'CASE_MANAGEMENT', 'mappa.caseHistory', 'A.R20, A.R21', LEAD_AGENCY],
  ['ct_officer', 'CASE_MANAGEMENT', 'mappa.caseHistory', 'A.R20, A.R21', LEAD_AGENCY],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'mappa.caseHistory', 'A.R20, A.R21', LEAD_AGENCY],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'mappa.caseHistory', 'A.R20, A.R21', LEAD_AGENCY],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'mappa.caseHistory', 'A.R20, A.R21', LEAD_AGENCY],
  ['yot_manager', 'CASE_MANAGEMENT', 'mappa.caseHistory', 'A.R20, A.R21', LEAD_AGENCY],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'mappa.caseHistory', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'mappa.caseHistory', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'mappa.caseHistory', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_chair', 'MAPPA_MEETING', 'mappa.caseHistory', 'B.52, inventory §5.5'],
  ['information_governance (mappa_unit)', 'AUDIT', 'mappa.caseHistory', 'A.R12, OQ 20', NOT_IN_THE_WHOLE_VIEW],
  // mappa.caseHistoryContent
  ['ppu_officer', 'CASE_MANAGEMENT', 'mappa.caseHistoryContent', 'A.R20, A.R21', LEAD_AGENCY],
  ['ct_officer', 'CASE_MANAGEMENT', 'mappa.caseHistoryContent', 'A.R20, A.R21', LEAD_AGENCY],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'mappa.caseHistoryContent', 'A.R20, A.R21', LEAD_AGENCY],
  ['senior_probation_officer', 'CASE_MANAGEMENT', 'mappa.caseHistoryContent', 'A.R20, A.R21', LEAD_AGENCY],
  ['yot_case_manager', 'CASE_MANAGEMENT', 'mappa.caseHistoryContent', 'A.R20, A.R21', LEAD_AGENCY],
  ['yot_manager', 'CASE_MANAGEMENT', 'mappa.caseHistoryContent', 'A.R20, A.R21', LEAD_AGENCY],
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'mappa.caseHistoryContent', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'mappa.caseHistoryContent', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'mappa.caseHistoryContent', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_chair', 'MAPPA_MEETING', 'mappa.caseHistoryContent', 'B.52, inventory §5.5'],
  // mappa.caseAudit
  ['mappa_coordinator', 'CASE_MANAGEMENT', 'mappa.caseAudit', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'mappa.caseAudit', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'mappa.caseAudit', 'A.R9, A.R12, inventory §5.5'],
  ['mappa_chair', 'MAPPA_MEETING', 'mappa.caseAudit', 'B.52, inventory §5.5'],
  ['information_governance (mappa_unit)', 'AUDIT', 'mappa.caseAudit', 'A.R12, OQ 20', NOT_IN_THE_WHOLE_VIEW],
  // prison.prisonNumberLookup, mappa.auditSubject, yot.auditSubject: the owners' entry points for their own auditors (ENTRIES)
  ['information_governance (prison)', 'AUDIT', 'prison.prisonNumberLookup', 'A.R12, OQ 20, principle 10'],
  ['information_governance (mappa_unit)', 'AUDIT', 'mappa.auditSubject', 'A.R12, OQ 20, principle 10'],
  ['information_governance (yot)', 'AUDIT', 'yot.auditSubject', 'A.R12, OQ 20, principle 10'],
  // Issue 14, C.70: the prison's notification to the Home Office is the prison's own record.
  ['prison_offender_manager', 'CASE_MANAGEMENT', 'prison.homeOfficeNotification', 'C.70, principle 2, A.R5', HELD_AT_READERS_ESTABLISHMENT],
  // Issue 14: the Home Office's records. The Responsible Authority works with the Home Office for MAPPA purposes
  // (seed 000 §5, C.71, A.R38); the Home Office reads its own at a meeting it attends (seed 000 §11-12); the
  // allocated offender manager is told of release and deportation (C.73, A.R38); the IRC suitability
  // assessment informs risk management planning at a meeting (seed 000 §11, §13). Who did what is the Home Office's own.
  ['ppu_officer', 'MAPPA_SCREENING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['ppu_officer', 'MAPPA_MEETING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['probation_practitioner', 'MAPPA_MEETING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['mappa_chair', 'MAPPA_SCREENING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['mappa_chair', 'MAPPA_MEETING', 'home-office.immigrationCase', 'seed 000 §5, C.71, A.R38'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'home-office.immigrationCase', 'seed 000 §11-12, C.71'],
  ['ppu_officer', 'MAPPA_SCREENING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['ppu_officer', 'MAPPA_MEETING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['probation_practitioner', 'MAPPA_SCREENING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['probation_practitioner', 'MAPPA_MEETING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['senior_probation_officer', 'MAPPA_SCREENING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['prison_offender_manager', 'MAPPA_SCREENING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['mappa_coordinator', 'MAPPA_SCREENING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['mappa_chair', 'MAPPA_SCREENING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['mappa_chair', 'MAPPA_MEETING', 'home-office.detentionStatus', 'seed 000 §5, C.71, C.73, A.R38'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'home-office.detentionStatus', 'seed 000 §11-12, C.71'],
  ['probation_practitioner', 'CASE_MANAGEMENT', 'home-office.detentionStatus', 'C.73, A.R38', ALLOCATED_OM],
  ['ppu_officer', 'MAPPA_MEETING', 'home-office.ircSuitability', 'seed 000 §11, §13'],
  ['probation_practitioner', 'MAPPA_MEETING', 'home-office.ircSuitability', 'seed 000 §11, §13'],
  ['senior_probation_officer', 'MAPPA_MEETING', 'home-office.ircSuitability', 'seed 000 §11, §13'],
  ['prison_offender_manager', 'MAPPA_MEETING', 'home-office.ircSuitability', 'seed 000 §11, §13'],
  ['mappa_coordinator', 'MAPPA_MEETING', 'home-office.ircSuitability', 'seed 000 §11, §13'],
  ['mappa_chair', 'MAPPA_MEETING', 'home-office.ircSuitability', 'seed 000 §11, §13'],
  ['dtc_attendee (home_office)', 'MAPPA_MEETING', 'home-office.ircSuitability', 'seed 000 §11-12, C.71'],
];

// ---- The readers: each role, and the same role where its per-record condition fails ---------------

/** The approved premises (synthetic) the adult on licence is recorded as living at, and the one member of its staff in the matrix. */
const APPROVED_PREMISES_CODE = 'APMTX';
const APPROVED_PREMISES_STAFF_ID = 'AP9901';
/** The liaison officer of the victim the set-up records for the adult in custody (C.34). */
const CUSTODY_VICTIM_VLO_STAFF_ID = 'VLO9903';

/**
 * Where a reader enters the view: the query field, its argument, the policy that field names (the
 * gate: refused, nothing below it is asked), and the subject's key for it (null: the owner holds no
 * such key for the person, so there is nothing to ask).
 */
interface Entry {
  readonly field: string;
  readonly argument: string;
  readonly gate: string;
  readonly key: (subject: Subject) => string | null;
}

/** The police's lookup by PNC ID, the single offender view's entry point for everyone but other owners' auditors. */
const OFFENDER_BY_PNC_ID: Entry = {
  field: 'offender',
  argument: 'pncId',
  gate: 'police.subjectKey',
  key: (subject) => subject.person.pncId,
};
/**
 * A.R12, OQ 20, principle 10: the police's offender(pncId) never answers another agency's auditors,
 * so each other owner gives its own information governance its own way into the same view.
 */
const ENTRIES = {
  prison: {
    field: 'offenderByPrisonNumber',
    argument: 'prisonNumber',
    gate: 'prison.prisonNumberLookup',
    key: (subject) => subject.prisonNumber,
  },
  mappa_unit: { field: 'mappaAuditSubject', argument: 'pncId', gate: 'mappa.auditSubject', key: (subject) => subject.person.pncId },
  yot: { field: 'yotAuditSubject', argument: 'pncId', gate: 'yot.auditSubject', key: (subject) => subject.person.pncId },
} satisfies Record<string, Entry>;

interface Reader {
  readonly label: string;
  readonly role: RoleKey;
  readonly principal: (subject: Subject) => PrincipalClaims;
  /** Default: OFFENDER_BY_PNC_ID. */
  readonly entry?: Entry;
  /** Subjects the reader may not know of at all under a purpose: the person is answered as unknown (null, nothing refused; principle 9). */
  readonly knows?: (purpose: Purpose, subject: Subject) => boolean;
}

const asStaff =
  (staffId: string, agency: PrincipalAgency, role: Role, clearance: PrincipalClaims['clearance'] = 'SC') =>
  (subject: Subject): PrincipalClaims => ({ staffId, agency, roles: [role], area: subject.person.area, clearance });

const dtcAttendee = (agency: PrincipalAgency): Reader => ({
  label: `dtc_attendee (${agency})`,
  role: `dtc_attendee (${agency})` as RoleKey,
  principal: asStaff(`DTC-${agency.toUpperCase()}-1`, agency, 'dtc_attendee', 'BPSS'),
});

const READERS: readonly Reader[] = [
  { label: 'ppu_officer', role: 'ppu_officer', principal: asStaff('PPU0001', 'police', 'ppu_officer') },
  { label: 'ct_officer', role: 'ct_officer', principal: asStaff('CTU0001', 'police', 'ct_officer', 'DV') },
  { label: 'visor_administrator', role: 'visor_administrator', principal: asStaff('VA0001', 'police', 'visor_administrator') },
  {
    label: 'probation_practitioner, the allocated COM',
    role: 'probation_practitioner',
    principal: (subject) => asStaff(subject.comStaffCode, 'probation', 'probation_practitioner')(subject),
  },
  {
    label: 'probation_practitioner, not the allocated COM',
    role: 'probation_practitioner',
    principal: asStaff('NPS9901', 'probation', 'probation_practitioner'),
  },
  {
    label: "senior_probation_officer, the COM's line manager",
    role: 'senior_probation_officer',
    principal: (subject) => asStaff(subject.lineManagerStaffCode ?? 'NPS9902', 'probation', 'senior_probation_officer')(subject),
  },
  {
    label: 'senior_probation_officer, not the line manager',
    role: 'senior_probation_officer',
    principal: asStaff('NPS9903', 'probation', 'senior_probation_officer'),
  },
  {
    label: "victim_liaison_officer of the subject's victim",
    role: 'victim_liaison_officer',
    principal: (subject) =>
      asStaff(
        [...subject.vloStaffIdsWantingRelease][0] ?? [...subject.vloStaffIds][0] ?? 'VLO9901',
        'probation',
        'victim_liaison_officer',
      )(subject),
  },
  // Issue 12: another VLO's victims' offender is answered as one the VLO has no victim of.
  {
    label: 'victim_liaison_officer of other victims',
    role: 'victim_liaison_officer',
    principal: asStaff('VLO9902', 'probation', 'victim_liaison_officer'),
  },
  // Works at the approved premises the adult on licence lives at; the others are not its residents.
  {
    label: 'approved_premises_staff',
    role: 'approved_premises_staff',
    principal: asStaff(APPROVED_PREMISES_STAFF_ID, 'probation', 'approved_premises_staff'),
  },
  {
    label: 'prison_offender_manager of the area',
    role: 'prison_offender_manager',
    principal: asStaff('POM0001', 'prison', 'prison_offender_manager'),
  },
  // A.R5, OQ 14 (issue 12): prison scope follows custody: the establishment holding the adult in custody, which holds no one else here.
  {
    label: 'prison_offender_manager of the establishment holding the adult in custody',
    role: 'prison_offender_manager',
    principal: (subject) => ({
      ...asStaff('POM0002', 'prison', 'prison_offender_manager')(subject),
      establishment: subjects.custody.heldAt ?? 'XXX',
    }),
  },
  ...(['yot_case_manager', 'yot_manager'] as const).map((role): Reader => ({
    label: role,
    role,
    principal: (subject) => asStaff(subject.yotCaseManagerStaffId ?? 'YOT0001', 'yot', role)(subject),
  })),
  { label: 'mappa_coordinator', role: 'mappa_coordinator', principal: asStaff('MCU0001', 'mappa_unit', 'mappa_coordinator') },
  { label: 'mappa_chair', role: 'mappa_chair', principal: asStaff('CHAIR0001', 'police', 'mappa_chair') },
  ...(['children_social_care', 'health', 'housing', 'education', 'electronic_monitoring'] as const).map(dtcAttendee),
  // A.R31: Jobcentre Plus knows adults only (the MAPPA unit vouches its standing for 18 or over). Every
  // meeting here is about an adult, so this holds throughout; the child's case is
  // test/src/mappa-j-jobcentre.test.ts's.
  { ...dtcAttendee('jobcentre_plus'), knows: (purpose, subject) => purpose !== 'MAPPA_MEETING' || !subject.person.isYouth },
  // A.R38, C.72 (issue 12): the Home Office knows foreign national offenders only, as the MAPPA unit records them, invited or not.
  { ...dtcAttendee('home_office'), knows: (purpose, subject) => purpose !== 'MAPPA_MEETING' || subject.foreignNational },
  { label: 'lay_adviser', role: 'lay_adviser', principal: asStaff('LA0001', 'mappa_unit', 'lay_adviser', 'BPSS') },
  { label: 'analyst', role: 'analyst', principal: asStaff('AN0001', 'mappa_unit', 'analyst', 'BPSS') },
  // A.R12, OQ 20: each owner's information governance enters the view through its own owner's entry
  // point and, under AUDIT, reaches only that owner's author fields (principle 10; another agency's
  // auditors through the police's lookup are in test/src/security/existence-oracles.test.ts).
  {
    label: 'information_governance (police)',
    role: 'information_governance (police)',
    principal: asStaff('IG0001', 'police', 'information_governance'),
  },
  // The prison finds only the people it holds a prison number for; it is asked about no one else.
  {
    label: 'information_governance (prison)',
    role: 'information_governance (prison)',
    principal: asStaff('IG0002', 'prison', 'information_governance'),
    entry: ENTRIES.prison,
  },
  {
    label: 'information_governance (mappa_unit)',
    role: 'information_governance (mappa_unit)',
    principal: asStaff('IG0003', 'mappa_unit', 'information_governance'),
    entry: ENTRIES.mappa_unit,
  },
  // The YOT knows only the young people it holds a case for: an adult is answered as unknown (principle 9).
  {
    label: 'information_governance (yot)',
    role: 'information_governance (yot)',
    principal: asStaff('IG0004', 'yot', 'information_governance'),
    entry: ENTRIES.yot,
    knows: (purpose, subject) => purpose !== 'AUDIT' || subject.holds.has('youthCase'),
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
/** The whole offender view, asked through an entry point. */
const wholeOffenderView = (entry: Entry): string =>
  `query WholeOffenderView($key: ID!) { ${entry.field}(${entry.argument}: $key) { ${selection(VIEW)} } }`;

/** The FORBIDDEN errors a caller reading `allowed` through `entry` must get: one per refused group per path, through item 0 of lists. */
function expectedRefusals(allowed: ReadonlySet<string>, entry: Entry): string[] {
  if (!allowed.has(entry.gate)) return [`${entry.field} ${entry.gate}`];
  const refusals: string[] = [];
  const walk = (fields: readonly ViewField[], path: string) => {
    for (const field of fields) {
      const here = `${path}.${field.name}`;
      if (!allowed.has(field.policy)) refusals.push(`${here} ${field.policy}`);
      else walk(field.children, field.list ? `${here}.0` : here);
    }
  };
  walk(VIEW, entry.field);
  return refusals.sort();
}

/**
 * Checks the data against the groups: a refused field, or one of a group whose condition fails here
 * (`withheld`), is null wherever its parent was returned; a field of a group read here that is never
 * null in the schema is there wherever its parent was returned.
 */
function dataProblems(
  value: Record<string, unknown>,
  fields: readonly ViewField[],
  reads: ReadonlySet<string>,
  withheld: ReadonlySet<string>,
  openedForAuthors: ReadonlySet<string>,
  path: string,
): string[] {
  const problems: string[] = [];
  for (const field of fields) {
    const here = `${path}.${field.name}`;
    const child = value[field.name];
    if (!reads.has(field.policy)) {
      // A list opened only for its authors (NOT_IN_THE_WHOLE_VIEW) is granted whole: for a person with no such record it is empty, with no content to withhold.
      const noneToOpen = openedForAuthors.has(field.policy) && Array.isArray(child) && child.length === 0;
      if (child !== null && !noneToOpen)
        problems.push(
          `${here} was returned, but ${field.policy} ${withheld.has(field.policy) ? 'holds only under a condition that fails here' : 'should refuse it'}`,
        );
      continue;
    }
    if (child === null || child === undefined) {
      if (field.nonNull) problems.push(`${here} is null, but it is allowed and never null`);
      continue;
    }
    if (field.children.length === 0) continue;
    const items = (field.list ? child : [child]) as Record<string, unknown>[];
    items.forEach((item, index) =>
      problems.push(...dataProblems(item, field.children, reads, withheld, openedForAuthors, field.list ? `${here}.${index}` : here)),
    );
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
  homeOfficeNotification: 'select p.pnc_id from prison.home_office_notification n join prison.prisoner p using (prison_number)',
  immigrationCase: 'select pnc_id from home_office.immigration_case',
  immigrationDetention: 'select pnc_id from home_office.detention',
  ircSuitabilityAssessment: 'select pnc_id from home_office.irc_suitability_assessment',
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
  readonly key: 'CUSTODY' | 'LICENCE' | 'YOUTH';
  readonly label: string;
  readonly person: SyntheticPerson;
  /** The top-level records the agencies hold for the person, from their tables. */
  readonly holds: ReadonlySet<string>;
  /** The partner agencies the subject's ViSOR nominal lists (`PROBATION`, `PRISON`), from the police's table. */
  readonly visorPartners: ReadonlySet<string>;
  readonly comStaffCode: string;
  readonly lineManagerStaffCode: string | null;
  /** The liaison officers of the subject's victims in the Victim Contact Scheme, and of those who asked for release information (C.34). */
  readonly vloStaffIds: ReadonlySet<string>;
  readonly vloStaffIdsWantingRelease: ReadonlySet<string>;
  /** Staff of the approved premises the subject lives at or is booked into (C.8, C.11), from probation's tables. */
  readonly approvedPremisesStaff: ReadonlySet<string>;
  readonly yotCaseManagerStaffId: string | null;
  /** Whether a licence condition of theirs naming no victim is electronically monitored (A.R37), from probation's table. */
  readonly electronicallyMonitored: boolean;
  /** Whether the police hold an intelligence item about the person that may leave the police (P, or C agreed for MAPPA partners), from their tables. */
  readonly releasableIntelligence: boolean;
  /** The end date of the restriction of the person's latest MAPPA J, from the police's table; null when none was sent. */
  readonly mappaJEndDate: string | null;
  /** Whether the MAPPA unit records the person as a foreign national offender (A.R38, C.72). */
  readonly foreignNational: boolean;
  /** The establishment holding the person now (NOMIS code), from the prison's table; null when not in custody. */
  readonly heldAt: string | null;
  /** The person's prison number, from the prison's table; null when the prison holds no record of them. */
  readonly prisonNumber: string | null;
  /** The MAPPA F reports the prison holds about the person: the meeting each was written for and the establishment that wrote it. */
  readonly mappaFReports: readonly MappaFReportKey[];
}

async function rows(env: TestStack, query: string | ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return (
    (await env.connection.database().execute(typeof query === 'string' ? sql.raw(query) : query)) as unknown as {
      rows: Record<string, unknown>[];
    }
  ).rows;
}

async function execute(env: TestStack, query: ReturnType<typeof sql>): Promise<void> {
  await env.connection.database().execute(query);
}

/** Each pnc_id with the set of `column` values its rows give. */
async function setsBy(env: TestStack, query: string, column: string): Promise<Map<string, Set<string>>> {
  const sets = new Map<string, Set<string>>();
  for (const row of await rows(env, query)) {
    const pncId = String(row.pnc_id);
    sets.set(pncId, (sets.get(pncId) ?? new Set()).add(String(row[column])));
  }
  return sets;
}

/**
 * Picks the three subjects, then records what the per-record conditions need about them (synthetic
 * records in the owners' own tables, as the owners would hold them): the adult in custody is a foreign
 * national offender and the adult on licence a British national in the MAPPA unit's record (A.R38), and
 * the adult on licence lives at an approved premises whose staff include APPROVED_PREMISES_STAFF_ID (C.8).
 */
async function chooseSubjects(env: TestStack): Promise<{ custody: Subject; licence: Subject; youth: Subject }> {
  const holdingsNow = async (): Promise<Map<string, Set<string>>> => {
    const held = new Map<string, Set<string>>();
    for (const [record, query] of Object.entries(TOP_LEVEL_RECORDS)) {
      for (const row of await rows(env, query)) {
        const pncId = String(row.pnc_id);
        held.set(pncId, (held.get(pncId) ?? new Set()).add(record));
      }
    }
    return held;
  };
  let holdings = await holdingsNow();
  const restricted = new Set(
    (await rows(env, 'select pnc_id from probation.probation_case where current_restriction')).map((row) => String(row.pnc_id)),
  );
  const cases = new Map(
    (await rows(env, 'select pnc_id, crn, manager_staff_code, line_manager_staff_code from probation.probation_case')).map((row) => [
      String(row.pnc_id),
      row,
    ]),
  );
  const pick = (fits: (person: SyntheticPerson) => boolean): SyntheticPerson => {
    const candidates = env.people.filter(
      (person) =>
        fits(person) &&
        person.category !== 4 &&
        !person.restrictedAccess &&
        !restricted.has(person.pncId) &&
        holdings.get(person.pncId)?.has('mappaCase'),
    );
    const person = candidates.sort((a, b) => (holdings.get(b.pncId)?.size ?? 0) - (holdings.get(a.pncId)?.size ?? 0))[0];
    if (!person) throw new Error('no such subject in the dataset');
    return person;
  };
  // At level 2 or 3, so that the prison has written MAPPA F reports for the meetings.
  const inCustody = pick(
    (person) => !person.isYouth && person.supervision === 'CUSTODY' && person.level >= 2 && person.probationStatus === 'CURRENT',
  );
  const onLicence = pick((person) => !person.isYouth && person.supervision === 'LICENCE' && person.probationStatus === 'CURRENT');
  const young = pick((person) => person.isYouth);

  await execute(
    env,
    sql`update mappa.mappa_case set foreign_national = (pnc_id = ${inCustody.pncId}) where pnc_id in (${inCustody.pncId}, ${onLicence.pncId})`,
  );
  // Issue 14: the adult in custody is a foreign national offender in the Home Office's and the prison's
  // records too (C.70: notified on sentencing; an immigration case and an IRC suitability assessment), and
  // held under immigration powers (seed 000 §4: detainees may be held in prison), so that the view's Home
  // Office records exist for one subject. Written only where the synthetic data has none.
  const [custodyPrisoner] = await rows(
    env,
    sql`select prison_number, establishment_code from prison.prisoner where pnc_id = ${inCustody.pncId}`,
  );
  await execute(
    env,
    sql`insert into prison.home_office_notification (prison_number, sent_date, sentenced_date, nationality, mappa_nominal, mappa_category, sending_establishment_code)
        values (${String(custodyPrisoner?.prison_number)}, '2026-01-05', '2026-01-02', 'Polish', true, ${inCustody.category}, ${String(custodyPrisoner?.establishment_code)}) on conflict do nothing`,
  );
  await execute(
    env,
    sql`insert into home_office.immigration_case (pnc_id, home_office_reference, nationality, mappa_area, ct_restricted, mappa_nominal, mappa_category, notification_received_date, case_owner_staff_id)
        values (${inCustody.pncId}, 'HO-99999901', 'Polish', ${inCustody.area}, false, true, ${inCustody.category}, '2026-01-05', 'HOCC9901') on conflict do nothing`,
  );
  await execute(
    env,
    sql`insert into home_office.irc_suitability_assessment (pnc_id, assessed_date, outcome, mappa_level_considered, assessed_by_staff_id)
        values (${inCustody.pncId}, '2026-09-01', 'UNSUITABLE_REMAIN_IN_PRISON', ${inCustody.level}, 'DEPMU901') on conflict do nothing`,
  );
  await execute(
    env,
    sql`insert into home_office.detention (pnc_id, irc_code, irc_name, detained_from, status) values (${inCustody.pncId}, 'BKM', 'Brookmere Immigration Removal Centre (synthetic)', '2026-10-01', 'DETAINED') on conflict do nothing`,
  );
  const licenceCrn = String(cases.get(onLicence.pncId)?.crn);
  await execute(
    env,
    sql`insert into probation.approved_premises_staff (staff_code, premises_code) values (${APPROVED_PREMISES_STAFF_ID}, ${APPROVED_PREMISES_CODE})`,
  );
  await execute(
    env,
    sql`insert into probation.approved_premises_placement (crn, premises_code, premises_name, status, expected_arrival_date)
        values (${licenceCrn}, ${APPROVED_PREMISES_CODE}, 'Matrix House (synthetic)', 'RESIDENT', '2026-10-01')`,
  );
  // A resident lives at the premises: it is their main address, as the seed records residents (C.11).
  await execute(
    env,
    sql`update probation.probation_address set type = 'APPROVED_PREMISES', building_name = 'Matrix House (synthetic)'
        where crn = ${licenceCrn} and status = 'MAIN'`,
  );

  // B.57, C.34: a victim of the adult in custody in the Victim Contact Scheme who asked to be told about release, with a liaison officer of their own.
  await execute(
    env,
    sql`insert into probation.victim_contact (victim_reference, crn, ordinal, scheme, first_name, last_name, address_line1, address_town, address_postcode,
          preferred_contact_method, exclusion_zone_requested, no_contact_requested, wants_release_information, representations_made, wishes_notes, vlo_staff_id, contact_date)
        values ('VCMATRIX0001', ${String(cases.get(inCustody.pncId)?.crn)}, 99, 'STATUTORY', 'Synthetic', 'Victim', '1 Test Street', 'Testtown', 'TE1 1ST',
          'LETTER', false, true, true, false, 'Test: wants release information', ${CUSTODY_VICTIM_VLO_STAFF_ID}, '2026-09-01')`,
  );
  // B.23, B.49, OQ 4: the establishment holding the adult in custody wrote a MAPPA F report for the
  // matrix's meeting about them (they have reports for earlier meetings too); none is written for the
  // meeting about the adult on licence, whose attendees read no report.
  const [held] = await rows(
    env,
    sql`select prison_number, establishment_code from prison.prisoner where in_out_status = 'IN' and pnc_id = ${inCustody.pncId}`,
  );
  if (!held) throw new Error('the adult in custody is not held');
  await execute(
    env,
    sql`insert into prison.mappa_f_report (prison_number, establishment_code, report_date, meeting_date, author_staff_id, prison_attending, behaviour_in_custody,
          programmes_completed, contact_concerns, risk_factors_observed)
        values (${String(held.prison_number)}, ${String(held.establishment_code)}, ${MATRIX_MEETING_DATE}, ${MATRIX_MEETING_DATE}, 'PRS9901', true, 'Test: settled on the wing',
          array['Test: thinking skills']::text[], null, 'Test: none observed')`,
  );
  holdings = await holdingsNow();
  const vloStaffIds = await setsBy(
    env,
    'select c.pnc_id, v.vlo_staff_id from probation.victim_contact v join probation.probation_case c using (crn)',
    'vlo_staff_id',
  );
  const vloStaffIdsWantingRelease = await setsBy(
    env,
    'select c.pnc_id, v.vlo_staff_id from probation.victim_contact v join probation.probation_case c using (crn) where v.wants_release_information',
    'vlo_staff_id',
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
    (
      await rows(
        env,
        'select distinct on (pnc_id) pnc_id, restriction_end_date from police.mappa_j_notification order by pnc_id, sent_date desc, id desc',
      )
    ).map((row) => [String(row.pnc_id), String(row.restriction_end_date)]),
  );
  const releasableIntelligence = new Set(
    (
      await rows(
        env,
        `select distinct i.pnc_id from police.intelligence_item i where i.handling_code = 'P' or exists (select 1 from police.intelligence_sharing_agreement a
           where a.item_reference = i.reference and a.shared_with = 'MAPPA_PARTNERS' and a.withdrawn_at is null)`,
      )
    ).map((row) => String(row.pnc_id)),
  );
  const heldAt = new Map(
    (await rows(env, "select pnc_id, establishment_code from prison.prisoner where in_out_status = 'IN'")).map((row) => [
      String(row.pnc_id),
      String(row.establishment_code),
    ]),
  );
  const prisonNumbers = new Map(
    (await rows(env, 'select pnc_id, prison_number from prison.prisoner')).map((row) => [String(row.pnc_id), String(row.prison_number)]),
  );
  const mappaFReports = new Map<string, MappaFReportKey[]>();
  for (const row of await rows(
    env,
    'select p.pnc_id, f.meeting_date::text as meeting_date, f.establishment_code from prison.mappa_f_report f join prison.prisoner p using (prison_number)',
  )) {
    const pncId = String(row.pnc_id);
    mappaFReports.set(pncId, [
      ...(mappaFReports.get(pncId) ?? []),
      { meetingDate: String(row.meeting_date), establishmentCode: String(row.establishment_code) },
    ]);
  }
  const yotCaseManagers = new Map(
    (await rows(env, 'select pnc_id, case_manager_staff_id from yot.youth_case')).map((row) => [
      String(row.pnc_id),
      String(row.case_manager_staff_id),
    ]),
  );

  const subject = (key: Subject['key'], label: string, person: SyntheticPerson): Subject => {
    const probationCase = cases.get(person.pncId);
    return {
      key,
      label,
      person,
      holds: holdings.get(person.pncId) ?? new Set(),
      visorPartners: visorPartners.get(person.pncId) ?? new Set(),
      comStaffCode: probationCase ? String(probationCase.manager_staff_code) : 'NPS0001',
      lineManagerStaffCode: probationCase?.line_manager_staff_code ? String(probationCase.line_manager_staff_code) : null,
      vloStaffIds: vloStaffIds.get(person.pncId) ?? new Set(),
      vloStaffIdsWantingRelease: vloStaffIdsWantingRelease.get(person.pncId) ?? new Set(),
      approvedPremisesStaff: new Set(person === onLicence ? [APPROVED_PREMISES_STAFF_ID] : []),
      yotCaseManagerStaffId: yotCaseManagers.get(person.pncId) ?? null,
      electronicallyMonitored: monitored.has(person.pncId),
      releasableIntelligence: releasableIntelligence.has(person.pncId),
      mappaJEndDate: mappaJEndDates.get(person.pncId) ?? null,
      foreignNational: person === inCustody,
      heldAt: heldAt.get(person.pncId) ?? null,
      prisonNumber: prisonNumbers.get(person.pncId) ?? null,
      mappaFReports: mappaFReports.get(person.pncId) ?? [],
    };
  };
  return {
    custody: subject('CUSTODY', 'an adult in custody', inCustody),
    licence: subject('LICENCE', 'an adult on licence', onLicence),
    youth: subject('YOUTH', 'a young person', young),
  };
}

// ---- The tests ----------------------------------------------------------------------------------

// IMMIGRATION_DETENTION_DECISION (issue 14, C.72) is the Home Office case owner's alone, bound to their own
// open decision: every reader here declares a decision id and reads nothing under it (deny by default);
// the case owner's reads are test/src/home-office.test.ts's.
const PURPOSES: readonly Purpose[] = [
  'CASE_MANAGEMENT',
  'MAPPA_SCREENING',
  'MAPPA_MEETING',
  'DISCLOSURE_DECISION',
  'STATISTICS',
  'AUDIT',
  'IMMIGRATION_DETENTION_DECISION',
];

let env: TestStack;
let subjects: { custody: Subject; licence: Subject; youth: Subject };

beforeAll(async () => {
  env = await startTestStack({ dataset: LARGE_DATASET });
  subjects = await chooseSubjects(env);
  await bindPurposesToRecords();
  // Seeding the large dataset and binding every reader to a meeting, referral and decision outlasts the
  // default hook timeout on a busy machine.
}, 300_000);

afterAll(async () => {
  await env.close();
});

const meetingIdOf = (subject: Subject): string => `MTG-MATRIX-${subject.key}`;
/** When the matrix's meetings opened (an hour before the run), and their day in England and Wales, which a MAPPA F report names (B.23, OQ 4). */
const MATRIX_MEETING_START = new Date(Date.now() - 3_600_000);
const MATRIX_MEETING_DATE = calendarDateOf(MATRIX_MEETING_START);
const referralIdOf = (subject: Subject, principal: PrincipalClaims): string => `REF-MATRIX-${subject.key}-${principal.staffId}`;
/** One level 2/3 disclosure decision per subject and reader, on the subject's meeting, proposed by that reader (B.7, issue 11). */
const decisionIdOf = (subject: Subject, reader: Reader): string => `DSC-MAPPA-MATRIX-${subject.key}-${READERS.indexOf(reader)}`;
/** Who makes (or is party to) a MAPPA A referral: the Responsible Authority, the YOT and the unit itself. */
const REFERRING_AGENCIES: readonly PrincipalAgency[] = ['police', 'probation', 'prison', 'yot', 'mappa_unit'];

/** Meetings and disclosure decisions about children fail closed without the YOT and children's services (A.R25, B.10): ask about adults only. */
const subjectsFor = (purpose: Purpose): Subject[] =>
  purpose === 'MAPPA_MEETING' || purpose === 'DISCLOSURE_DECISION'
    ? [subjects.custody, subjects.licence]
    : [subjects.custody, subjects.licence, subjects.youth];

/**
 * MAPPA_MEETING, DISCLOSURE_DECISION and MAPPA_SCREENING are bound to a record (issues 10, 11). Each
 * adult subject has a meeting in session (in the subject's area, so its co-ordinator stands to it) to
 * which every other reader is invited by staff id and has signed attendance (B.53, B.54), duty-to-
 * co-operate attendees included, who reach the subject only this way (principle 5); each reader
 * proposed a disclosure decision on it (B.7: the proposer is a party whatever the role); and every
 * referring reader has an open MAPPA A about each subject from its agency in its area (A.R19), while
 * the co-ordinator screens by area. Readers who can have no such record (lay advisers, analysts,
 * information governance) get one too where the helpers allow: the policies then decide.
 */
async function bindPurposesToRecords(): Promise<void> {
  for (const subject of subjectsFor('MAPPA_MEETING')) {
    const meetingId = await insertMeeting(env, subject.person.pncId, {
      meetingId: meetingIdOf(subject),
      scheduledFor: MATRIX_MEETING_START,
    });
    const invited = new Set<string>();
    for (const reader of READERS) {
      const principal = reader.principal(subject);
      if (isMappaCoordinator(principal) || invited.has(`${principal.agency} ${principal.staffId}`)) continue;
      invited.add(`${principal.agency} ${principal.staffId}`);
      const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: principal.staffId, agency: principal.agency });
      await signAttendance(env, meetingId, principal, invitationId);
    }
  }
  for (const subject of subjectsFor('DISCLOSURE_DECISION')) {
    for (const reader of READERS) {
      await insertDisclosureDecision(env, {
        holder: 'MAPPA',
        decisionId: decisionIdOf(subject, reader),
        pncId: subject.person.pncId,
        area: subject.person.area,
        proposer: reader.principal(subject),
        meetingId: meetingIdOf(subject),
      });
    }
  }
  const referrals = new Set<string>();
  for (const subject of subjectsFor('MAPPA_SCREENING')) {
    for (const reader of READERS) {
      const principal = reader.principal(subject);
      const referralId = referralIdOf(subject, principal);
      if (isMappaCoordinator(principal) || !REFERRING_AGENCIES.includes(principal.agency) || referrals.has(referralId)) continue;
      referrals.add(referralId);
      await insertReferral(env, subject.person.pncId, principal, { referralId });
    }
  }
}

/** The purpose a reader declares about a subject: the meeting about them, the referral they are party to, or the decision they proposed. */
function declaredFor(purpose: Purpose, subject: Subject, reader: Reader): DeclaredPurpose {
  if (purpose === 'MAPPA_MEETING') return { purpose, caseId: meetingIdOf(subject) };
  if (purpose === 'DISCLOSURE_DECISION') return { purpose, caseId: decisionIdOf(subject, reader) };
  if (purpose === 'IMMIGRATION_DETENTION_DECISION') return { purpose, caseId: 'HOD-MATRIX-1' };
  const principal = reader.principal(subject);
  if (purpose === 'MAPPA_SCREENING' && !isMappaCoordinator(principal) && REFERRING_AGENCIES.includes(principal.agency))
    return { purpose, caseId: referralIdOf(subject, principal) };
  return { purpose, caseId: null };
}

/** The rows of a role under a purpose, by field group. */
function rowsOf(role: RoleKey, purpose: Purpose): Map<string, Row> {
  return new Map(ROWS.filter(([rowRole, rowPurpose]) => rowRole === role && rowPurpose === purpose).map((row) => [row[2], row]));
}

interface Offender {
  pncId: string;
  identity: { firstName: string; lastName: string; dateOfBirth: string } | null;
  mappaCase: { level: number; leadAgency: string } | null;
  probationCase: { crn: string | null } | null;
  custody: { prisonNumber: string } | null;
  youthCase: { yotReference: string } | null;
  [field: string]: unknown;
}

/** What tells one MAPPA F report from another here: the meeting it was written for and the establishment that wrote it. */
interface MappaFReportKey {
  readonly meetingDate: string;
  readonly establishmentCode: string;
}
const reportKey = (report: MappaFReportKey): string => `${report.meetingDate} ${report.establishmentCode}`;

const refusalsOf = (result: GraphQLResponse): string[] =>
  (result.errors ?? []).map((error) => `${error.path?.join('.')} ${String(error.extensions?.policy ?? error.extensions?.code)}`).sort();

describe('the role × purpose matrix over the whole offender view', () => {
  it('has one row per role × purpose × field group, each naming a group of the view and a rule', () => {
    const keys = ROWS.map(([role, purpose, group]) => `${role} ${purpose} ${group}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(
      ROWS.filter(([, , group]) => !(group in FIELDS_BY_POLICY)).map(([role, purpose, group]) => `${role} ${purpose} ${group}`),
    ).toEqual([]);
    expect(ROWS.filter(([, , , rules]) => rules.trim() === '').map(([role, purpose, group]) => `${role} ${purpose} ${group}`)).toEqual([]);
    // STATISTICS gives no one a person (principle 8, A.R27, C.93); lay advisers and analysts nothing (A.R28).
    expect(ROWS.filter(([role, purpose]) => purpose === 'STATISTICS' || role === 'lay_adviser' || role === 'analyst')).toEqual([]);
    // Every role named by a row reads as some reader.
    expect([...new Set(ROWS.map(([role]) => role))].filter((role) => !READERS.some((reader) => reader.role === role))).toEqual([]);
  });

  it('asks about subjects who, between them, hold every record of the view', () => {
    const held = new Set([...subjects.custody.holds, ...subjects.licence.holds, ...subjects.youth.holds]);
    expect([...held].sort()).toEqual(
      VIEW.filter((field) => field.name !== 'pncId')
        .map((field) => field.name)
        .sort(),
    );
    expect(subjects.youth.person.isYouth).toBe(true);
    expect([subjects.custody, subjects.licence].every((subject) => !subject.person.isYouth)).toBe(true);
  });

  it('sets each per-record condition up to hold for one adult and reader, and asks where it does not', () => {
    const adults = [subjects.custody, subjects.licence];
    // C.34, B.57: a VLO of a victim of each adult, and one who asked for release information.
    expect(adults.map((subject) => subject.vloStaffIds.size > 0)).toEqual([true, true]);
    expect(adults.some((subject) => subject.vloStaffIdsWantingRelease.size > 0)).toBe(true);
    // B.15: each adult has an allocated COM with a line manager.
    expect(adults.map((subject) => subject.comStaffCode !== 'NPS0001' && subject.lineManagerStaffCode !== null)).toEqual([true, true]);
    // A.R38: one foreign national offender and one British national, as the MAPPA unit records them.
    expect(adults.map((subject) => subject.foreignNational)).toEqual([true, false]);
    // C.8: the adult on licence is the resident, the adult in custody is not.
    expect(adults.map((subject) => subject.approvedPremisesStaff.has(APPROVED_PREMISES_STAFF_ID))).toEqual([false, true]);
    // A.R5: the adult in custody is held at an establishment; the adult on licence is held nowhere.
    expect(adults.map((subject) => subject.heldAt !== null)).toEqual([true, false]);
    // A.R26: the young person's case is known to the YOT; the adults' cases are led by another agency.
    expect(adults.map((subject) => subject.person.leadAgency === 'YOT')).toEqual([false, false]);
    // B.23, B.49, OQ 4: the prison wrote a MAPPA F report for the meeting about the adult in custody,
    // beside reports for their earlier meetings that its attendees do not read; none for the meeting
    // about the adult on licence.
    expect(adults.map((subject) => subject.mappaFReports.some((report) => report.meetingDate === MATRIX_MEETING_DATE))).toEqual([
      true,
      false,
    ]);
    expect(subjects.custody.mappaFReports.some((report) => report.meetingDate !== MATRIX_MEETING_DATE)).toBe(true);
    // B.60: the adult on licence is managed at level 1 and the prison keeps their custody record, so
    // the police and probation case managers read its detail; the adult in custody, at level 2 or 3,
    // is the one they do not. B.51: the adult in custody has ROTL records the co-ordinator reads.
    expect(adults.map((subject) => [subject.person.level === 1, subject.holds.has('custody')])).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(subjects.custody.holds.has('temporaryReleases')).toBe(true);
    // C.63: no subject is a terrorist case (principle 7 keeps them apart), so the C.63 rows hold nowhere here.
    expect([subjects.custody, subjects.licence, subjects.youth].map(isTerroristCase)).toEqual([false, false, false]);
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
      supergraph.definitions
        .filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION)
        .map((type) => [type.name.value, type]),
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

  it("A.R9, A.R19, B.52, C.88: the register is the co-ordinator's; the chair is refused it under case management and screening", async () => {
    const REGISTER = /* GraphQL */ `
      query Register {
        offenders(first: 3) {
          totalCount
          edges {
            node {
              pncId
            }
          }
        }
      }
    `;
    const coordinator = asStaff('MCU0001', 'mappa_unit', 'mappa_coordinator')(subjects.custody);
    const chair = asStaff('CHAIR0001', 'police', 'mappa_chair')(subjects.custody);
    const ask = async (principal: PrincipalClaims, purpose: Purpose) =>
      postGraphQL<{ offenders: { totalCount: number } | null }>(
        `${env.stack.gateway.url}/graphql`,
        REGISTER,
        {},
        await env.headersFor(principal, { purpose, caseId: null }),
      );
    const asCoordinator = await ask(coordinator, 'CASE_MANAGEMENT');
    expect(asCoordinator.errors).toBeUndefined();
    expect(asCoordinator.data?.offenders?.totalCount).toBeGreaterThan(0);
    for (const purpose of ['CASE_MANAGEMENT', 'MAPPA_SCREENING'] as const) {
      const asChair = await ask(chair, purpose);
      expect({ purpose, offenders: asChair.data?.offenders ?? null, refusals: refusalsOf(asChair) }).toEqual({
        purpose,
        offenders: null,
        refusals: ['offenders mappa.register'],
      });
    }
  });

  const cases = READERS.flatMap((reader) => PURPOSES.map((purpose) => ({ reader, purpose })));
  it.each(cases.map(({ reader, purpose }) => [`${reader.label} under ${purpose}`, reader, purpose] as const))(
    '%s',
    async (_name, reader, purpose) => {
      const rowsHere = rowsOf(reader.role, purpose);
      const granted = new Set(rowsHere.keys());
      const entry = reader.entry ?? OFFENDER_BY_PNC_ID;
      const asked = subjectsFor(purpose).filter((subject) => entry.key(subject) !== null);
      expect(asked.length).toBeGreaterThan(0);
      const answers = await Promise.all(
        asked.map(async (subject) => ({
          subject,
          result: await postGraphQL<Record<string, Offender | null>>(
            `${env.stack.gateway.url}/graphql`,
            wholeOffenderView(entry),
            { key: entry.key(subject) },
            await env.headersFor(reader.principal(subject), declaredFor(purpose, subject, reader)),
          ),
        })),
      );
      for (const { subject, result } of answers) {
        const principal = reader.principal(subject);
        if (reader.knows?.(purpose, subject) === false) {
          expect({ subject: subject.label, refusals: refusalsOf(result), offender: result.data?.[entry.field] ?? null }).toEqual({
            subject: subject.label,
            refusals: [],
            offender: null,
          });
          continue;
        }
        // Exactly the refusals the rows give, naming each refused group's policy: no more, no fewer, and
        // no other kind of error. A condition never refuses (the errors come from the operation alone, principle 9).
        expect({ subject: subject.label, refusals: refusalsOf(result) }).toEqual({
          subject: subject.label,
          refusals: expectedRefusals(granted, entry),
        });
        const offender = result.data?.[entry.field] ?? null;
        if (!granted.has(entry.gate)) {
          expect(offender).toBeNull();
          continue;
        }
        expect(offender?.pncId).toBe(subject.person.pncId);
        // Groups granted under a condition that fails here are withheld: null, as if not held.
        const withheld = new Set(
          [...rowsHere.values()]
            .filter(([, , , , only]) => only !== undefined && !only.holds(principal, subject))
            .map(([, , group]) => group),
        );
        const reads = new Set([...granted].filter((group) => !withheld.has(group)));
        const openedForAuthors = new Set(
          [...rowsHere.values()].filter(([, , , , only]) => only === NOT_IN_THE_WHOLE_VIEW).map(([, , group]) => group),
        );
        expect({ subject: subject.label, problems: dataProblems(offender!, VIEW, reads, withheld, openedForAuthors, entry.field) }).toEqual(
          { subject: subject.label, problems: [] },
        );
        // Each record read here comes back exactly where the person has one.
        for (const field of VIEW) {
          if (field.name === 'pncId' || !granted.has(field.policy)) continue;
          const value = offender![field.name];
          const returned = Array.isArray(value) ? value.length > 0 : value !== null;
          expect({ subject: subject.label, field: field.name, returned }).toEqual({
            subject: subject.label,
            field: field.name,
            returned: subject.holds.has(field.name) && reads.has(field.policy),
          });
        }
        // And they are this person's.
        if (reads.has('police.identityNames')) {
          expect(offender!.identity).toMatchObject({
            firstName: subject.person.firstName,
            lastName: subject.person.lastName,
            dateOfBirth: subject.person.dateOfBirth,
          });
        }
        if (reads.has('mappa.levelAndLeadAgency') && reads.has('mappa.levelAndLeadAgencyFields')) {
          expect(offender!.mappaCase).toMatchObject({ level: subject.person.level, leadAgency: subject.person.leadAgency });
        }
        if (reads.has('probation.caseReference') && subject.person.crn && offender!.probationCase)
          expect(offender!.probationCase.crn).toBe(subject.person.crn);
        if (reads.has('prison.custody') && reads.has('prison.custodyRecord') && subject.holds.has('custody'))
          expect(offender!.custody?.prisonNumber).toBe(subject.person.prisonNumber);
        if (reads.has('yot.youthCase') && subject.holds.has('youthCase'))
          expect(offender!.youthCase?.yotReference).toBe(subject.person.yotReference);
        // B.23, B.49, OQ 4: at the meeting, the report written for it and none of the person's others;
        // for case management, the reports the reader's establishment wrote (all, for a token naming none).
        if (reads.has('prison.mappaFReportRecord') && reads.has('prison.mappaFReport')) {
          const expected = subject.mappaFReports.filter((report) =>
            purpose === 'MAPPA_MEETING'
              ? report.meetingDate === MATRIX_MEETING_DATE
              : principal.establishment === undefined || report.establishmentCode === principal.establishment,
          );
          const reports = (offender!.mappaFReports ?? []) as MappaFReportKey[];
          expect({ subject: subject.label, reports: reports.map(reportKey).sort() }).toEqual({
            subject: subject.label,
            reports: expected.map(reportKey).sort(),
          });
        }
      }
    },
  );
});
