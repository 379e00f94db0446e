import { sql } from 'drizzle-orm';
import {
  buildASTSchema,
  getNamedType,
  getOperationAST,
  getVariableValues,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  parse,
} from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLInputType } from 'graphql';
import { readSupergraph } from '@mappa/gateway';
import { disclosureFieldName, MappaArea, policeForceOf, todayOf } from '@mappa/shared';
import { TEST_ISSUER } from '@mappa/testing';
import type { DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 9 §6: every argument of every query and mutation in the composed supergraph, sent hostile
// values through the real gateway in production mode, as a caller who may use the field (so the
// input reaches the agency that owns it). Whatever the input, the answer is a coded client error
// (BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED…), never INTERNAL_SERVER_ERROR and never HTTP 500:
// bad input is the caller's to fix, and is refused before any SQL runs.
const schema = buildASTSchema(parse(readSupergraph()), { assumeValidSDL: true });

let env: TestStack;
let subject: { pncId: string; prisonNumber: string; crn: string; yotReference: string };

beforeAll(async () => {
  env = await startTestStack({ dataset: SMALL_DATASET, production: true });
  const person = env.people.find((candidate) => !candidate.restrictedAccess && candidate.crn && candidate.prisonNumber)!;
  // A well-formed reference is enough: a YOT holding no such case answers null, without error.
  const youth = env.people.find((candidate) => candidate.yotReference)?.yotReference ?? 'YOT-LON-000123';
  subject = { pncId: person.pncId, prisonNumber: person.prisonNumber!, crn: person.crn!, yotReference: youth };
  // Starting the stack on a loaded machine can take over a minute.
}, 300_000);

afterAll(async () => {
  await env.close();
});

// ---------------------------------------------------------------------------------------------
// Who may use each field, and a valid call of it (fresh each time: a grant revoked or a level
// changed by one request cannot be the baseline of the next).

const AUDIT: DeclaredPurpose = { purpose: 'AUDIT', caseId: null };
const STATISTICS: DeclaredPurpose = { purpose: 'STATISTICS', caseId: null };
const ANALYST: PrincipalClaims = {
  staffId: 'ANL-FUZZ-01',
  agency: 'probation',
  roles: ['analyst'],
  area: MappaArea.LONDON,
  clearance: 'BPSS',
};
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const PRISON_OFFENDER_MANAGER: PrincipalClaims = {
  staffId: 'POM-FUZZ-01',
  agency: 'prison',
  roles: ['prison_offender_manager'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const YOT_CASE_MANAGER: PrincipalClaims = {
  staffId: 'YOT-FUZZ-01',
  agency: 'yot',
  roles: ['yot_case_manager'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const PROBATION_PRACTITIONER: PrincipalClaims = {
  staffId: 'NPS-FUZZ-01',
  agency: 'probation',
  roles: ['probation_practitioner'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const YOT_MANAGER: PrincipalClaims = {
  staffId: 'YOT-FUZZ-09',
  agency: 'yot',
  roles: ['yot_manager'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const informationGovernance = (agency: PrincipalClaims['agency']): PrincipalClaims => ({
  staffId: 'IG-FUZZ-01',
  agency,
  roles: ['information_governance'],
  area: MappaArea.LONDON,
  clearance: 'SC',
});
const AUDIT_READER: Record<string, PrincipalClaims['agency']> = {
  mappaAccessAudit: 'mappa_unit',
  policeAccessAudit: 'police',
  probationAccessAudit: 'probation',
  prisonAccessAudit: 'prison',
  yotAccessAudit: 'yot',
  homeOfficeAccessAudit: 'home_office',
};

const HOME_OFFICE_CASE_OWNER: PrincipalClaims = {
  staffId: 'HO-FUZZ-01',
  agency: 'home_office',
  roles: ['immigration_case_owner'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};

/**
 * A person the Home Office holds in London, detained in the state a transition starts from: written
 * straight into its tables as its seed writes them, afresh on each call, so every valid call of a
 * detention transition starts from the same state (the dataset is too small to hold one of its own).
 */
async function homeOfficeDetainee(status: 'DETAINED' | 'ARRANGEMENTS_CONFIRMED'): Promise<{ pncId: string; reference: string }> {
  const db = env.connection.database();
  const pncId = subject.pncId;
  const reference = 'HO-00000019';
  await db.execute(sql`insert into home_office.immigration_case (pnc_id, home_office_reference, nationality, mappa_area, ct_restricted, mappa_nominal, notification_received_date, case_owner_staff_id)
    values (${pncId}, ${reference}, 'Synthetic', 'LONDON', false, true, '2026-06-01', ${HOME_OFFICE_CASE_OWNER.staffId})
    on conflict (pnc_id) do update set mappa_area = 'LONDON', ct_restricted = false`);
  await db.execute(sql`delete from home_office.detention where pnc_id = ${pncId}`);
  await db.execute(
    status === 'DETAINED'
      ? sql`insert into home_office.detention (pnc_id, irc_code, irc_name, detained_from, status) values (${pncId}, 'BKM', 'Brookmere Immigration Removal Centre (synthetic)', '2026-09-01', 'DETAINED')`
      : sql`insert into home_office.detention (pnc_id, irc_code, irc_name, detained_from, status, arrangements_confirmed_date, arrangements_confirmed_by_staff_id)
          values (${pncId}, 'BKM', 'Brookmere Immigration Removal Centre (synthetic)', '2026-09-01', 'ARRANGEMENTS_CONFIRMED', '2026-10-01', ${HOME_OFFICE_CASE_OWNER.staffId})`,
  );
  const [row] = (
    (await db.execute(sql`select home_office_reference from home_office.immigration_case where pnc_id = ${pncId}`)) as unknown as {
      rows: { home_office_reference: string }[];
    }
  ).rows;
  return { pncId, reference: row!.home_office_reference };
}

interface Call {
  readonly principal: PrincipalClaims;
  readonly purpose: DeclaredPurpose;
  readonly variables: Record<string, unknown>;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
let grants = 0;

async function newGrantId(): Promise<string> {
  grants += 1;
  const body = await ask('mutation Grant($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId } }', {
    principal: DEFAULT_PRINCIPAL,
    purpose: DEFAULT_PURPOSE,
    variables: { input: grantInput(grants) },
  });
  const grantId = (body.body.data?.grantCaseAccess as { grantId?: string } | null)?.grantId;
  if (!grantId) throw new Error(`could not make a grant to revoke: ${JSON.stringify(body.body.errors)}`);
  return grantId;
}

const grantInput = (n: number) => ({
  granteeIssuer: TEST_ISSUER,
  granteeStaffId: `PPU${String(n).padStart(4, '0')}`,
  pncId: subject.pncId,
  purpose: 'MAPPA_MEETING',
  caseId: 'MTG-FUZZ-0001',
  validUntil: inDays(14),
  reason: 'Invited to the meeting',
});

async function activeCase(): Promise<{ caseId: string; level: number }> {
  const result = (await env.connection
    .database()
    .execute(
      sql`select case_id, level, category from mappa.mappa_case where pnc_id = ${subject.pncId} and status = 'ACTIVE'`,
    )) as unknown as {
    rows: { case_id: string; level: number; category: number }[];
  };
  const row = result.rows[0];
  if (!row) throw new Error('the subject has an active MAPPA case');
  // A category 3 case stays at level 2 or 3.
  return { caseId: row.case_id, level: row.level === 3 ? 2 : 3 };
}

/** Who in the lead agency may review the case's level (B.44, C.6, A.R21). */
function leadAgencyReviewer(leadAgency: string): PrincipalClaims {
  const reviewers: Record<string, PrincipalClaims> = {
    PROBATION: {
      staffId: 'SPO-FUZZ-01',
      agency: 'probation',
      roles: ['senior_probation_officer'],
      area: MappaArea.LONDON,
      clearance: 'SC',
    },
    POLICE: { staffId: 'PPU-FUZZ-01', agency: 'police', roles: ['ppu_officer'], area: MappaArea.LONDON, clearance: 'SC' },
    YOT: YOT_MANAGER,
  };
  const reviewer = reviewers[leadAgency];
  if (!reviewer) throw new Error(`no lead agency reviewer for ${leadAgency}`);
  return reviewer;
}

const referralInput = () => ({
  pncId: subject.pncId,
  categorySought: 2,
  levelSought: 2,
  subjectDateOfBirth: '1980-05-01',
  inCustody: true,
  expectedReleaseDate: inDays(300).slice(0, 10),
  reasons: 'Risk to a known adult has increased',
  addedValue: 'Housing and police information is needed for the plan',
  victimConcerns: 'Lives nearby',
  safeguardingConcerns: null,
  proposedInvitees: [{ agency: 'housing', role: 'dtc_attendee', reason: 'Holds the tenancy' }],
});

/** A fresh referral about the subject by `referrer` (SUBMITTED, or awaiting endorsement for the YOT), to act on. */
async function newReferralId(referrer: PrincipalClaims = PROBATION_PRACTITIONER): Promise<string> {
  const body = await ask('mutation Refer($input: SubmitReferralInput!) { submitReferral(input: $input) { referralId } }', {
    principal: referrer,
    purpose: CASE_MANAGEMENT,
    variables: { input: referralInput() },
  });
  const referralId = (body.body.data?.submitReferral as { referralId?: string } | null)?.referralId;
  if (!referralId) throw new Error(`could not make a referral: ${JSON.stringify(body.body.errors)}`);
  return referralId;
}

// The board register (KPI 5): a member joins today (after the seeded board's last meeting, before the
// dataset's day), with a staff id of their own each time so that no two spells of one person overlap.
let smbMembersAdded = 0;
function smbMemberInput(): Record<string, unknown> {
  smbMembersAdded += 1;
  return { agency: 'health', role: 'MEMBER', staffId: `SMBFUZZ${String(smbMembersAdded).padStart(4, '0')}`, joinedOn: todayOf() };
}

async function newSmbMemberId(): Promise<string> {
  const body = await ask('mutation Join($input: AddSmbMemberInput!) { addSmbMember(input: $input) { memberId } }', {
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { input: smbMemberInput() },
  });
  const memberId = (body.body.data?.addSmbMember as { memberId?: string } | null)?.memberId;
  if (!memberId) throw new Error(`could not add a board member: ${JSON.stringify(body.body.errors)}`);
  return memberId;
}

// Issue 10, the MAPP meeting: a meeting is scheduled, invited to, opened and signed through the gateway
// by the people each step is for. Under MAPPA_MEETING the gateway vouches their standing to the declared
// meeting (purpose evidence, from the MAPPA unit's records), so each call below declares its meeting.
const MEETING_CHAIR: PrincipalClaims = {
  staffId: 'CHAIR-FUZZ-01',
  agency: 'police',
  roles: ['mappa_chair'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const MEETING_ATTENDEE: PrincipalClaims = {
  staffId: 'PRB-FUZZ-01',
  agency: 'probation',
  roles: ['probation_practitioner'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const atMeeting = (meetingId: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: meetingId });

/** An adult's level 2 or 3 active case other than the subject's (whose level changeMappaLevel moves), raised to level 2 if needs be. */
async function meetingCaseId(): Promise<string> {
  const result = (await env.connection
    .database()
    .execute(
      sql`select case_id, level from mappa.mappa_case where status = 'ACTIVE' and area = 'LONDON' and not ct_restricted and pnc_id <> ${subject.pncId} and subject_date_of_birth < '2000-01-01' order by level desc, case_id limit 1`,
    )) as unknown as { rows: { case_id: string; level: number }[] };
  const row = result.rows[0];
  if (!row) throw new Error('an adult with an active MAPPA case in London');
  if (row.level < 2) await env.connection.database().execute(sql`update mappa.mappa_case set level = 2 where case_id = ${row.case_id}`);
  return row.case_id;
}

async function mustAsk(query: string, call: Call, field: string): Promise<Record<string, unknown>> {
  const answer = await ask(query, call);
  const value = answer.body.data?.[field] as Record<string, unknown> | null | undefined;
  if (!value) throw new Error(`${field} failed: ${JSON.stringify(answer.body.errors)}`);
  return value;
}

const scheduleMeetingInput = async () => ({
  caseId: await meetingCaseId(),
  kind: 'REVIEW',
  scheduledFor: inDays(7),
  chairStaffId: MEETING_CHAIR.staffId,
  chairIssuer: TEST_ISSUER,
  chairAgency: MEETING_CHAIR.agency,
});

async function newMeetingId(): Promise<string> {
  const meeting = await mustAsk(
    'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meetingId } }',
    { principal: DEFAULT_PRINCIPAL, purpose: CASE_MANAGEMENT, variables: { input: await scheduleMeetingInput() } },
    'scheduleMeeting',
  );
  return meeting.meetingId as string;
}

const invitationInput = (meetingId: string) => ({
  meetingId,
  inviteeAgency: 'probation',
  inviteeStaffId: MEETING_ATTENDEE.staffId,
  inviteeIssuer: TEST_ISSUER,
  reason: 'Offender manager',
});

async function newInvitationId(meetingId: string): Promise<string> {
  const invitation = await mustAsk(
    'mutation($input: InviteToMeetingInput!) { inviteToMeeting(input: $input) { invitationId } }',
    { principal: DEFAULT_PRINCIPAL, purpose: CASE_MANAGEMENT, variables: { input: invitationInput(meetingId) } },
    'inviteToMeeting',
  );
  return invitation.invitationId as string;
}

const considerationInput = (meetingId: string) => ({
  meetingId,
  outcome: 'NOT_NECESSARY',
  reason: 'No third party at risk identified',
  decisionId: null,
});

/** Disclosure considered at the meeting, as every meeting needs before it closes (B §2). */
async function considerDisclosure(meetingId: string): Promise<void> {
  await mustAsk(
    'mutation($input: RecordDisclosureConsiderationInput!) { recordDisclosureConsideration(input: $input) { considerationId } }',
    { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { input: considerationInput(meetingId) } },
    'recordDisclosureConsideration',
  );
}

/** A meeting in session with the attendee invited (and, when `signed`, signed in). */
async function meetingInSession(signed = false): Promise<string> {
  const meetingId = await newMeetingId();
  await newInvitationId(meetingId);
  await mustAsk(
    'mutation($id: ID!) { openMeeting(meetingId: $id, confidentialityStatementRead: true) { meetingId } }',
    { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { id: meetingId } },
    'openMeeting',
  );
  if (signed) {
    await mustAsk(
      'mutation($input: SignAttendanceInput!) { signAttendance(input: $input) { attendanceId } }',
      {
        principal: MEETING_ATTENDEE,
        purpose: atMeeting(meetingId),
        variables: { input: { meetingId, extent: 'WHOLE', informationSharingAgreement: true } },
      },
      'signAttendance',
    );
  }
  return meetingId;
}

// Issue 10, what a meeting produces: minutes, its level decision and its actions, on meetings taken to the
// state each step needs through the meeting workflow above.
async function heldMeeting(): Promise<string> {
  const meetingId = await meetingInSession(true);
  await considerDisclosure(meetingId);
  await mustAsk(
    'mutation($id: ID!) { closeMeeting(meetingId: $id) { meetingId } }',
    { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { id: meetingId } },
    'closeMeeting',
  );
  return meetingId;
}

const minutesInput = (meetingId: string) => ({
  meetingId,
  summary: 'Risk discussed; plan agreed.',
  riskAssessment: 'High',
  riskManagementPlan: 'Curfew',
  disclosureConsidered: false,
  disclosureNotes: null,
});

async function draftedMinutes(): Promise<string> {
  const meetingId = await heldMeeting();
  await mustAsk(
    'mutation($input: DraftMinutesInput!) { draftMinutes(input: $input) { version } }',
    { principal: DEFAULT_PRINCIPAL, purpose: atMeeting(meetingId), variables: { input: minutesInput(meetingId) } },
    'draftMinutes',
  );
  return meetingId;
}

async function approvedMinutes(): Promise<string> {
  const meetingId = await draftedMinutes();
  await mustAsk(
    'mutation($input: ApproveMinutesInput!) { approveMinutes(input: $input) { version } }',
    { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { input: { meetingId, version: 1 } } },
    'approveMinutes',
  );
  return meetingId;
}

/** An action of a meeting in session owned by the attendee, PROPOSED (or ACCEPTED when `accepted`). */
async function attendeesAction(accepted = false): Promise<string> {
  const meetingId = await meetingInSession();
  const action = await mustAsk(
    'mutation($input: CreateMeetingActionInput!) { createMeetingAction(input: $input) { actionId } }',
    {
      principal: MEETING_CHAIR,
      purpose: atMeeting(meetingId),
      variables: {
        input: {
          meetingId,
          ownerAgency: 'probation',
          ownerStaffId: MEETING_ATTENDEE.staffId,
          ownerIssuer: TEST_ISSUER,
          dueDate: inDays(14).slice(0, 10),
          text: 'Home visit',
        },
      },
    },
    'createMeetingAction',
  );
  if (accepted)
    await mustAsk(
      'mutation($id: ID!) { acceptAction(actionId: $id) { actionId } }',
      { principal: MEETING_ATTENDEE, purpose: CASE_MANAGEMENT, variables: { id: action.actionId } },
      'acceptAction',
    );
  return action.actionId as string;
}

// Issue 11, disclosure decisions: proposed at a meeting in session (levels 2/3, the MAPPA unit's) or by the
// lead agency about a subject it holds (level 1, probation's or the police's), then taken to the state each
// step needs through the gateway, by the people each step is for. After the proposal every call declares
// DISCLOSURE_DECISION with the decision in x-mappa-case: the gateway asks the holder for the caller's standing.
type Holder = 'MAPPA' | 'PROBATION' | 'POLICE';
const HOLDERS: readonly Holder[] = ['MAPPA', 'PROBATION', 'POLICE'];
const deciding = (decisionId: string): DeclaredPurpose => ({ purpose: 'DISCLOSURE_DECISION', caseId: decisionId });
const PPU_OFFICER: PrincipalClaims = {
  staffId: 'PPU-FUZZ-01',
  agency: 'police',
  roles: ['ppu_officer'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const PPU_COLLEAGUE: PrincipalClaims = { ...PPU_OFFICER, staffId: 'PPU-FUZZ-02' };
const SENIOR_PROBATION_OFFICER: PrincipalClaims = {
  staffId: 'NPS-FUZZ-02',
  agency: 'probation',
  roles: ['senior_probation_officer'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const ADULT_SOCIAL_CARE: PrincipalClaims = {
  staffId: 'ASC-FUZZ-01',
  agency: 'adult_social_care',
  roles: ['dtc_attendee'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};

/**
 * Who does what for each holder (B §2 "Who decides"): the proposer (at level 2/3 the meeting's attending
 * probation invitee), the decision maker (the meeting's chair; probation's senior officer; another PPU
 * officer), the owner of the item proposed, and the agency that makes the disclosure (its party makes it).
 */
const DISCLOSURE_PARTIES: Record<
  Holder,
  { proposer: PrincipalClaims; decisionMaker: PrincipalClaims; owner: PrincipalClaims; executingAgency: string; maker: PrincipalClaims }
> = {
  MAPPA: {
    proposer: MEETING_ATTENDEE,
    decisionMaker: MEETING_CHAIR,
    owner: PPU_OFFICER,
    executingAgency: 'probation',
    maker: MEETING_ATTENDEE,
  },
  PROBATION: {
    proposer: PROBATION_PRACTITIONER,
    decisionMaker: SENIOR_PROBATION_OFFICER,
    owner: SENIOR_PROBATION_OFFICER,
    executingAgency: 'probation',
    maker: PROBATION_PRACTITIONER,
  },
  POLICE: { proposer: PPU_OFFICER, decisionMaker: PPU_COLLEAGUE, owner: PPU_COLLEAGUE, executingAgency: 'police', maker: PPU_OFFICER },
};

/** The item each holder's decisions quote: a field of a record the owner above holds, the holder's own (level 1) or the police's. */
const DISCLOSURE_ITEM: Record<
  Holder,
  {
    kind: string;
    sourceAgency: string;
    fieldCoordinate: string;
    recordReference: string | null;
    wording: string;
    victimIdentifying: boolean;
    photograph: boolean;
  }
> = {
  MAPPA: {
    kind: 'RECORD_FIELD',
    sourceAgency: 'police',
    fieldCoordinate: 'SexOffenderNotification.indefinite',
    recordReference: null,
    wording: 'He is subject to indefinite notification requirements.',
    victimIdentifying: false,
    photograph: false,
  },
  PROBATION: {
    kind: 'RECORD_FIELD',
    sourceAgency: 'probation',
    fieldCoordinate: 'ProbationLicence.licenceExpiryDate',
    recordReference: null,
    wording: 'His licence runs until next year.',
    victimIdentifying: false,
    photograph: false,
  },
  POLICE: {
    kind: 'RECORD_FIELD',
    sourceAgency: 'police',
    fieldCoordinate: 'SexOffenderNotification.indefinite',
    recordReference: null,
    wording: 'He is subject to indefinite notification requirements.',
    victimIdentifying: false,
    photograph: false,
  },
};

/** A subject a level 1 holder holds in London and its proposer may manage: a current, unrestricted probation case; an adult the police hold. */
async function level1Subject(holder: Exclude<Holder, 'MAPPA'>): Promise<string> {
  const query =
    holder === 'PROBATION'
      ? sql`select pnc_id from probation.probation_case where status = 'CURRENT' and area = 'LONDON' and not current_restriction and not ct_restricted order by pnc_id limit 1`
      : sql`select pnc_id from police.person where mappa_area = 'LONDON' and not ct_restricted and date_of_birth < '2000-01-01' order by pnc_id limit 1`;
  const result = (await env.connection.database().execute(query)) as unknown as { rows: { pnc_id: string }[] };
  const row = result.rows[0];
  if (!row) throw new Error(`a London subject ${holder.toLowerCase()} holds`);
  return row.pnc_id;
}

/** What is disclosed, to whom and why; a recipient who is an adult at risk needs adult social care consulted (B.11). */
const proposalContent = (adultAtRisk: boolean) => ({
  recipientKind: 'ACCOMMODATION',
  recipientDescription: 'Manager, Example Supported Housing',
  recipientIsChild: false,
  recipientIsAdultAtRisk: adultAtRisk,
  purpose: 'Other residents include vulnerable adults; the manager must know the risk to place him safely.',
  lawfulBasis: 'COMMON_LAW',
  alternativesConsidered: 'Placing him elsewhere: no other vacancy in the area.',
  recipientGuidance: 'Tell the offender manager at once of any visitor under 18.',
});

const PROPOSE_INPUT: Record<Holder, string> = {
  MAPPA: 'ProposeDisclosureInput',
  PROBATION: 'ProposeLevel1DisclosureInput',
  POLICE: 'ProposeLevel1DisclosureInput',
};

/** A valid proposal: at a meeting in session by its attending invitee (levels 2/3), or about a subject the lead agency holds (level 1). */
async function proposalCall(holder: Holder, adultAtRisk = false): Promise<Call> {
  if (holder === 'MAPPA') {
    const meetingId = await meetingInSession(true);
    return {
      principal: DISCLOSURE_PARTIES.MAPPA.proposer,
      purpose: atMeeting(meetingId),
      variables: { input: { meetingId, ...proposalContent(adultAtRisk) } },
    };
  }
  return {
    principal: DISCLOSURE_PARTIES[holder].proposer,
    purpose: CASE_MANAGEMENT,
    variables: { input: { pncId: await level1Subject(holder), ...proposalContent(adultAtRisk) } },
  };
}

/** A PROPOSED decision of `holder`. */
async function proposedDisclosure(holder: Holder, adultAtRisk = false): Promise<string> {
  const field = disclosureFieldName(holder, 'proposeDisclosure');
  const proposal = await mustAsk(
    `mutation($input: ${PROPOSE_INPUT[holder]}!) { ${field}(input: $input) { decisionId } }`,
    await proposalCall(holder, adultAtRisk),
    field,
  );
  return proposal.decisionId as string;
}

interface DecisionItems {
  readonly items: readonly { itemId: string; wordingSha256: string }[];
}

/** One step of the workflow on a decision, under DISCLOSURE_DECISION, by `principal`. */
async function onDecision(
  holder: Holder,
  base: string,
  principal: PrincipalClaims,
  decisionId: string,
  variables: Record<string, unknown>,
  declaration: string,
): Promise<DecisionItems> {
  const field = disclosureFieldName(holder, base);
  const pass = Object.keys(variables)
    .map((name) => `${name}: $${name}`)
    .join(', ');
  const answer = await mustAsk(
    `mutation(${declaration}) { ${field}(${pass}) { items { itemId wordingSha256 } } }`,
    { principal, purpose: deciding(decisionId), variables },
    field,
  );
  return answer as unknown as DecisionItems;
}

/** A PROPOSED decision with one item, added by its proposer. */
async function disclosureWithItem(holder: Holder): Promise<{ decisionId: string; itemId: string; wordingSha256: string }> {
  const decisionId = await proposedDisclosure(holder);
  const { items } = await onDecision(
    holder,
    'addDisclosureItem',
    DISCLOSURE_PARTIES[holder].proposer,
    decisionId,
    { input: { decisionId, ...DISCLOSURE_ITEM[holder] } },
    '$input: AddDisclosureItemInput!',
  );
  return { decisionId, ...items[0]! };
}

/** A CONSULTING decision whose recipient is an adult at risk: adult social care has been asked (B.11). */
async function consultingDisclosure(holder: Holder): Promise<string> {
  const decisionId = await proposedDisclosure(holder, true);
  await onDecision(
    holder,
    'startDisclosureConsultation',
    DISCLOSURE_PARTIES[holder].proposer,
    decisionId,
    { decisionId },
    '$decisionId: ID!',
  );
  return decisionId;
}

/** A CONSULTING decision that can be decided: its item agreed by its owner, representations recorded (none required consultations). */
async function disclosureReadyToDecide(holder: Holder): Promise<string> {
  const { proposer, owner } = DISCLOSURE_PARTIES[holder];
  const { decisionId, itemId, wordingSha256 } = await disclosureWithItem(holder);
  await onDecision(holder, 'startDisclosureConsultation', proposer, decisionId, { decisionId }, '$decisionId: ID!');
  await onDecision(
    holder,
    'recordDisclosureRepresentations',
    proposer,
    decisionId,
    { input: representationsInput(decisionId) },
    '$input: RecordDisclosureRepresentationsInput!',
  );
  await onDecision(
    holder,
    'recordDisclosureItemAgreement',
    owner,
    decisionId,
    { input: agreementInput(decisionId, itemId, wordingSha256) },
    '$input: RecordDisclosureItemAgreementInput!',
  );
  return decisionId;
}

/** A decision DECIDED to DISCLOSE, made by the executing agency's party. */
async function decidedDisclosure(holder: Holder): Promise<string> {
  const decisionId = await disclosureReadyToDecide(holder);
  await onDecision(
    holder,
    'decideDisclosure',
    DISCLOSURE_PARTIES[holder].decisionMaker,
    decisionId,
    { input: decideInput(holder, decisionId) },
    '$input: DecideDisclosureInput!',
  );
  return decisionId;
}

const representationsInput = (decisionId: string) => ({
  decisionId,
  sought: true,
  summary: 'He objects: the manager would tell the other residents.',
  exception: null,
});
const agreementInput = (decisionId: string, itemId: string, wordingSha256: string) => ({
  decisionId,
  itemId,
  kind: 'OWNER',
  agreed: true,
  note: null,
  wordingSha256,
});
const decideInput = (holder: Holder, decisionId: string) => ({
  decisionId,
  outcome: 'DISCLOSE',
  rationale: 'Necessary to protect the other residents.',
  disclosureRiskAssessment: 'Manager trained; low risk of onward sharing.',
  contingencyPlans: 'Move him if the placement breaks down.',
  dissent: [{ agency: 'prison', reason: 'The prison would rather wait for the review.' }],
  executingAgency: DISCLOSURE_PARTIES[holder].executingAgency,
});

/** A valid call of every disclosure field of `holder`, by its base name (`decideDisclosure`). */
function disclosureCalls(holder: Holder): Record<string, () => Promise<Call>> {
  const { proposer, decisionMaker, owner, maker } = DISCLOSURE_PARTIES[holder];
  const on = (principal: PrincipalClaims, decisionId: string, variables: Record<string, unknown>): Call => ({
    principal,
    purpose: deciding(decisionId),
    variables,
  });
  return {
    proposeDisclosure: () => proposalCall(holder),
    disclosureDecision: async () => {
      const { decisionId } = await disclosureWithItem(holder);
      // The item's owner is a party too (B.8).
      return on(owner, decisionId, { decisionId });
    },
    disclosurePreview: async () => {
      const { decisionId } = await disclosureWithItem(holder);
      return on(proposer, decisionId, { decisionId });
    },
    addDisclosureItem: async () => {
      const decisionId = await proposedDisclosure(holder);
      return on(proposer, decisionId, { input: { decisionId, ...DISCLOSURE_ITEM[holder] } });
    },
    removeDisclosureItem: async () => {
      const { decisionId, itemId } = await disclosureWithItem(holder);
      return on(proposer, decisionId, { input: { decisionId, itemId } });
    },
    startDisclosureConsultation: async () => {
      const decisionId = await proposedDisclosure(holder, true);
      return on(proposer, decisionId, { decisionId });
    },
    answerDisclosureConsultation: async () => {
      const decisionId = await consultingDisclosure(holder);
      return on(ADULT_SOCIAL_CARE, decisionId, {
        input: { decisionId, kind: 'ADULT_SOCIAL_CARE', response: 'CONCERNS', note: 'Two residents have learning disabilities.' },
      });
    },
    recordDisclosureItemAgreement: async () => {
      const { decisionId, itemId, wordingSha256 } = await disclosureWithItem(holder);
      return on(owner, decisionId, { input: agreementInput(decisionId, itemId, wordingSha256) });
    },
    recordDisclosureRepresentations: async () => {
      const decisionId = await proposedDisclosure(holder);
      return on(proposer, decisionId, { input: representationsInput(decisionId) });
    },
    decideDisclosure: async () => {
      const decisionId = await disclosureReadyToDecide(holder);
      return on(decisionMaker, decisionId, { input: decideInput(holder, decisionId) });
    },
    recordDisclosureMade: async () => {
      const decisionId = await decidedDisclosure(holder);
      return on(maker, decisionId, {
        input: { decisionId, madeTo: 'A. Example, manager', offenderTold: true, signedFormReference: 'SF-2026-0042' },
      });
    },
    withdrawDisclosure: async () => {
      const decisionId = await proposedDisclosure(holder);
      return on(decisionMaker, decisionId, { input: { decisionId, reason: 'He has moved out of the area.' } });
    },
  };
}

const VALID: Record<string, () => Promise<Call>> = {
  offender: async () => ({ principal: DEFAULT_PRINCIPAL, purpose: DEFAULT_PURPOSE, variables: { pncId: subject.pncId } }),
  offenderByPrisonNumber: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: DEFAULT_PURPOSE,
    variables: { prisonNumber: subject.prisonNumber },
  }),
  offenderByCrn: async () => ({ principal: DEFAULT_PRINCIPAL, purpose: DEFAULT_PURPOSE, variables: { crn: subject.crn } }),
  offenderByYotReference: async () => ({
    principal: YOT_CASE_MANAGER,
    purpose: CASE_MANAGEMENT,
    variables: { yotReference: subject.yotReference },
  }),
  offenders: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: DEFAULT_PURPOSE,
    variables: { first: 5, filter: { category: 1, level: 1, area: 'LONDON', leadAgency: 'POLICE' } },
  }),
  'Offender.prisonAlerts': async () => ({
    principal: PRISON_OFFENDER_MANAGER,
    purpose: CASE_MANAGEMENT,
    variables: { pncId: subject.pncId, activeOnly: true },
  }),
  caseAccessGrants: async () => ({ principal: DEFAULT_PRINCIPAL, purpose: DEFAULT_PURPOSE, variables: { pncId: subject.pncId } }),
  grantCaseAccess: async () => {
    grants += 1;
    return { principal: DEFAULT_PRINCIPAL, purpose: DEFAULT_PURPOSE, variables: { input: grantInput(grants) } };
  },
  revokeCaseAccess: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: DEFAULT_PURPOSE,
    variables: { grantId: await newGrantId(), reason: 'No longer needed' },
  }),
  changeMappaLevel: async () => {
    const { caseId, level } = await activeCase();
    return {
      principal: DEFAULT_PRINCIPAL,
      purpose: DEFAULT_PURPOSE,
      variables: {
        input: {
          caseId,
          level,
          decisionKind: 'SCREENING_DECISION',
          decisionReference: 'SCR-2026-0042',
          reason: 'New information about risk',
        },
      },
    };
  },
  // B.44: after a held meeting that recorded no level decision, the lead agency sets the level (once per meeting).
  reviewMappaLevel: async () => {
    const meetingId = await heldMeeting();
    const caseId = await meetingCaseId();
    const result = (await env.connection
      .database()
      .execute(sql`select level, lead_agency from mappa.mappa_case where case_id = ${caseId}`)) as unknown as {
      rows: { level: number; lead_agency: string }[];
    };
    const { level: current, lead_agency: leadAgency } = result.rows[0]!;
    // The held meeting's case, moved between levels 2 and 3 (a category 3 case stays at 2 or 3).
    const level = current === 3 ? 2 : 3;
    return {
      principal: leadAgencyReviewer(leadAgency),
      purpose: CASE_MANAGEMENT,
      variables: {
        input: { caseId, level, occasion: 'NO_MEETING_CONSENSUS', meetingId, reason: 'The meeting did not agree; the lead agency decides' },
      },
    };
  },
  submitReferral: async () => ({ principal: PROBATION_PRACTITIONER, purpose: CASE_MANAGEMENT, variables: { input: referralInput() } }),
  withdrawReferral: async () => ({
    principal: PROBATION_PRACTITIONER,
    purpose: CASE_MANAGEMENT,
    variables: { referralId: await newReferralId(), reason: 'Recalled to custody' },
  }),
  endorseReferral: async () => ({
    principal: YOT_MANAGER,
    purpose: CASE_MANAGEMENT,
    variables: { referralId: await newReferralId(YOT_CASE_MANAGER) },
  }),
  screenReferral: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: DEFAULT_PURPOSE,
    variables: { input: { referralId: await newReferralId(), outcome: 'REJECT', reasons: 'Level 1 management is enough' } },
  }),
  referral: async () => ({ principal: DEFAULT_PRINCIPAL, purpose: DEFAULT_PURPOSE, variables: { referralId: await newReferralId() } }),
  releasesNeedingReferral: async () => ({ principal: DEFAULT_PRINCIPAL, purpose: DEFAULT_PURPOSE, variables: { first: 5 } }),
  scheduleMeeting: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { input: await scheduleMeetingInput() },
  }),
  meetingDiary: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { first: 5, after: null, dueWithinDays: 28, dueStatus: ['OVERDUE', 'DUE'] },
  }),
  meeting: async () => ({ principal: DEFAULT_PRINCIPAL, purpose: CASE_MANAGEMENT, variables: { id: await newMeetingId() } }),
  // The meeting's co-ordinator, declaring the meeting (the MAPPA unit vouches them COORDINATOR).
  meetingPackPreview: async () => {
    const meetingId = await meetingInSession();
    return { principal: DEFAULT_PRINCIPAL, purpose: atMeeting(meetingId), variables: { meetingId } };
  },
  inviteToMeeting: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { input: invitationInput(await newMeetingId()) },
  }),
  withdrawInvitation: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { invitationId: await newInvitationId(await newMeetingId()), reason: 'No longer needed' },
  }),
  recordConsultation: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { invitationId: await newInvitationId(await newMeetingId()), note: 'Consulted by telephone' },
  }),
  cancelMeeting: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { meetingId: await newMeetingId(), reason: 'Chair unavailable' },
  }),
  openMeeting: async () => {
    const meetingId = await newMeetingId();
    await newInvitationId(meetingId);
    return { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { meetingId, confidentialityStatementRead: true } };
  },
  closeMeeting: async () => {
    const meetingId = await meetingInSession();
    await considerDisclosure(meetingId);
    return { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { meetingId } };
  },
  recordDisclosureConsideration: async () => {
    const meetingId = await meetingInSession();
    return { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { input: considerationInput(meetingId) } };
  },
  addSmbMember: async () => ({ principal: DEFAULT_PRINCIPAL, purpose: CASE_MANAGEMENT, variables: { input: smbMemberInput() } }),
  endSmbMembership: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: CASE_MANAGEMENT,
    variables: { input: { memberId: await newSmbMemberId(), leftOn: todayOf() } },
  }),
  recordSmbMeeting: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
    variables: { input: { heldOn: '2026-10-01', presentMemberIds: [] } },
  }),
  disclosureStatistics: async () => ({
    principal: DEFAULT_PRINCIPAL,
    purpose: { purpose: 'STATISTICS', caseId: null },
    variables: { area: 'LONDON', year: 2025, quarter: 4 },
  }),
  signAttendance: async () => {
    const meetingId = await meetingInSession();
    return {
      principal: MEETING_ATTENDEE,
      purpose: atMeeting(meetingId),
      variables: { input: { meetingId, extent: 'PART', informationSharingAgreement: false } },
    };
  },
  leaveMeeting: async () => {
    const meetingId = await meetingInSession(true);
    return { principal: MEETING_ATTENDEE, purpose: atMeeting(meetingId), variables: { meetingId } };
  },
  draftMinutes: async () => {
    const meetingId = await heldMeeting();
    return { principal: DEFAULT_PRINCIPAL, purpose: atMeeting(meetingId), variables: { input: minutesInput(meetingId) } };
  },
  approveMinutes: async () => {
    const meetingId = await draftedMinutes();
    return {
      principal: MEETING_CHAIR,
      purpose: atMeeting(meetingId),
      variables: {
        input: {
          meetingId,
          version: 1,
          withhold: [],
          additionalRecipients: [
            { agency: 'probation', staffId: null, issuer: null, role: 'senior_probation_officer', reason: 'Line manager' },
          ],
        },
      },
    };
  },
  distributeMinutes: async () => {
    const meetingId = await approvedMinutes();
    return { principal: DEFAULT_PRINCIPAL, purpose: atMeeting(meetingId), variables: { meetingId, version: 1 } };
  },
  meetingMinutes: async () => {
    const meetingId = await draftedMinutes();
    return { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { meetingId } };
  },
  recordMeetingDecision: async () => {
    const meetingId = await meetingInSession();
    return {
      principal: MEETING_CHAIR,
      purpose: atMeeting(meetingId),
      variables: {
        input: { meetingId, kind: 'LEVEL_RETAINED', level: null, endReason: null, nextReviewDate: null, rationale: 'Risk unchanged' },
      },
    };
  },
  meetingDecision: async () => {
    const meetingId = await meetingInSession();
    return { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { meetingId } };
  },
  createMeetingAction: async () => {
    const meetingId = await meetingInSession();
    return {
      principal: MEETING_CHAIR,
      purpose: atMeeting(meetingId),
      variables: {
        input: {
          meetingId,
          ownerAgency: 'police',
          ownerStaffId: null,
          ownerIssuer: null,
          dueDate: inDays(14).slice(0, 10),
          text: 'Intelligence check',
        },
      },
    };
  },
  meetingActions: async () => {
    const meetingId = await meetingInSession();
    return { principal: MEETING_CHAIR, purpose: atMeeting(meetingId), variables: { meetingId } };
  },
  acceptAction: async () => ({ principal: MEETING_ATTENDEE, purpose: CASE_MANAGEMENT, variables: { actionId: await attendeesAction() } }),
  declineAction: async () => ({
    principal: MEETING_ATTENDEE,
    purpose: CASE_MANAGEMENT,
    variables: { actionId: await attendeesAction(), reason: 'Not ours to do' },
  }),
  completeAction: async () => ({
    principal: MEETING_ATTENDEE,
    purpose: CASE_MANAGEMENT,
    variables: { actionId: await attendeesAction(true) },
  }),
  myActions: async () => ({ principal: MEETING_ATTENDEE, purpose: CASE_MANAGEMENT, variables: { first: 10 } }),
  // Each holder's fields, named as its subgraph names them (`decideDisclosure`, `decideProbationDisclosure`, ...).
  ...Object.fromEntries(
    HOLDERS.flatMap((holder) => Object.entries(disclosureCalls(holder)).map(([base, call]) => [disclosureFieldName(holder, base), call])),
  ),
  ...Object.fromEntries(
    Object.entries(AUDIT_READER).map(([field, agency]) => [
      field,
      async (): Promise<Call> => ({
        principal: informationGovernance(agency),
        purpose: AUDIT,
        variables: { pncId: subject.pncId, from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z', first: 20 },
      }),
    ]),
  ),
  // The Home Office's own case owner (C.72, C.73, seed 000 §6).
  immigrationSubject: async () => ({
    principal: HOME_OFFICE_CASE_OWNER,
    purpose: CASE_MANAGEMENT,
    variables: { pncId: (await homeOfficeDetainee('DETAINED')).pncId },
  }),
  offenderByHomeOfficeReference: async () => ({
    principal: HOME_OFFICE_CASE_OWNER,
    purpose: CASE_MANAGEMENT,
    variables: { homeOfficeReference: (await homeOfficeDetainee('DETAINED')).reference },
  }),
  confirmDetentionReleaseArrangements: async () => ({
    principal: HOME_OFFICE_CASE_OWNER,
    purpose: CASE_MANAGEMENT,
    variables: { pncId: (await homeOfficeDetainee('DETAINED')).pncId },
  }),
  releaseFromImmigrationDetention: async () => ({
    principal: HOME_OFFICE_CASE_OWNER,
    purpose: CASE_MANAGEMENT,
    variables: { pncId: (await homeOfficeDetainee('ARRANGEMENTS_CONFIRMED')).pncId, route: 'IMMIGRATION_BAIL' },
  }),
  removeFromUnitedKingdom: async () => ({
    principal: HOME_OFFICE_CASE_OWNER,
    purpose: CASE_MANAGEMENT,
    variables: { pncId: (await homeOfficeDetainee('DETAINED')).pncId, removalType: 'DEPORTATION' },
  }),
  // The owners' own entry points for their information governance (A.R12, OQ 20).
  mappaAuditSubject: async () => ({ principal: informationGovernance('mappa_unit'), purpose: AUDIT, variables: { pncId: subject.pncId } }),
  yotAuditSubject: async () => ({ principal: informationGovernance('yot'), purpose: AUDIT, variables: { pncId: subject.pncId } }),
  // The statistics path (issue 13): an analyst under STATISTICS, the one caller who may send ad-hoc documents in production.
  annualReport: async () => ({ principal: ANALYST, purpose: STATISTICS, variables: { year: 2025, area: 'LONDON' } }),
  nationalAnnualReport: async () => ({ principal: ANALYST, purpose: STATISTICS, variables: { year: 2025 } }),
  statisticsAggregate: async () => ({
    principal: ANALYST,
    purpose: STATISTICS,
    variables: {
      area: 'LONDON',
      rows: 'CATEGORY',
      columns: 'LEVEL',
      measure: 'PEOPLE',
      filters: [{ dimension: 'GENDER', values: ['MALE', 'FEMALE'] }],
    },
  }),
  mappaKpis: async () => ({ principal: ANALYST, purpose: STATISTICS, variables: { year: 2025, area: 'LONDON', quarter: 2 } }),
  // Originator control (principle 4): the originating force's PPU officer agrees, and withdraws an agreement.
  recordIntelligenceSharingAgreement: async () => ({
    principal: PPU_OFFICER,
    purpose: CASE_MANAGEMENT,
    variables: {
      input: {
        reference: await newLondonIntelligenceItem(),
        sharedWith: 'POLICE_FORCE',
        sharedWithArea: 'KENT',
        rationale: 'The subject now lives in Kent',
      },
    },
  }),
  withdrawIntelligenceSharingAgreement: async () => ({
    principal: PPU_OFFICER,
    purpose: CASE_MANAGEMENT,
    variables: { agreementId: await newIntelligenceSharingAgreementId(), reason: 'No longer needed' },
  }),
};

let intelligenceItems = 0;

/** A fresh intelligence item about the subject that the London force originated, for its officer to agree to share (principle 4). */
async function newLondonIntelligenceItem(): Promise<string> {
  intelligenceItems += 1;
  const reference = `INT-FUZZ-${String(intelligenceItems).padStart(4, '0')}`;
  await env.connection.database().execute(
    sql`insert into police.intelligence_item (pnc_id, reference, recorded_date, source_evaluation, intelligence_assessment, handling_code, originator_force, text, sanitised_summary)
        values (${subject.pncId}, ${reference}, '2026-10-01', '2', 'B', 'C', ${policeForceOf(MappaArea.LONDON)}, 'Synthetic graded text.', 'Synthetic summary.')`,
  );
  return reference;
}

async function newIntelligenceSharingAgreementId(): Promise<string> {
  const body = await ask(
    'mutation Agree($input: RecordIntelligenceSharingAgreementInput!) { recordIntelligenceSharingAgreement(input: $input) { agreementId } }',
    {
      principal: PPU_OFFICER,
      purpose: CASE_MANAGEMENT,
      variables: {
        input: { reference: await newLondonIntelligenceItem(), sharedWith: 'MAPPA_PARTNERS', rationale: 'Needed at the MAPP meeting' },
      },
    },
  );
  const id = (body.body.data as { recordIntelligenceSharingAgreement?: { agreementId?: string } } | null)
    ?.recordIntelligenceSharingAgreement?.agreementId;
  if (!id) throw new Error(`no intelligence sharing agreement: ${JSON.stringify(body.body.errors)}`);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Every field with arguments, and an operation that calls it with each argument as a variable.

interface Target {
  readonly name: string;
  readonly args: readonly GraphQLArgument[];
  readonly query: string;
}

const selectionOf = (field: GraphQLField<unknown, unknown>) => (isObjectType(getNamedType(field.type)) ? ' { __typename }' : '');
const declare = (args: readonly GraphQLArgument[]) => args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
const pass = (args: readonly GraphQLArgument[]) => args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');

function targets(): Target[] {
  const found: Target[] = [];
  const offender = schema.getQueryType()!.getFields().offender!;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
    for (const field of Object.values(type.getFields())) {
      // An @inaccessible field is no client's to call (the gateway's statistics path asks owners for them itself).
      if (field.args.length === 0 || field.astNode?.directives?.some((directive) => directive.name.value === 'federation__inaccessible'))
        continue;
      if (type === schema.getQueryType() || type === schema.getMutationType()) {
        const keyword = type === schema.getMutationType() ? 'mutation' : 'query';
        found.push({
          name: field.name,
          args: field.args,
          query: `${keyword} Fuzz(${declare(field.args)}) { ${field.name}(${pass(field.args)})${selectionOf(field)} }`,
        });
      } else if (type.name === 'Offender') {
        // Reached through `offender(pncId:)`, whose own argument stays valid.
        const args = [...offender.args, ...field.args];
        found.push({
          name: `Offender.${field.name}`,
          args: field.args,
          query: `query Fuzz(${declare(args)}) { offender(${pass(offender.args)}) { ${field.name}(${pass(field.args)})${selectionOf(field)} } }`,
        });
      } else {
        found.push({ name: `${type.name}.${field.name}`, args: field.args, query: '' });
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Hostile values, by the argument's type.

const HUGE = 'x'.repeat(200_000);
// With a NUL byte, which PostgreSQL refuses in text, a string argument is sent its own valid value and
// a NUL after it (see `nulAfter`): a value that passes the argument's format check reaches the SQL.
const STRINGS: unknown[] = [HUGE, '\ud800', '', ' ', '\u202e\u0007', 42, true, {}, ['a']];
const INTS: unknown[] = [-1, 0, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1.5, 'ten', '1', 1e300];
const BOOLEANS: unknown[] = ['true', 1, 'yes', {}];
const DATE_TIMES: unknown[] = [
  'not a date',
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59Z',
  '275760-09-13T00:00:00.001Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T00:00:00Z',
  '2026-01-01T00:00:00\u0000Z',
  '2026-01-01',
  '',
  12345,
  -8.64e15,
];
const CURSORS: unknown[] = [
  'not-a-cursor',
  Buffer.from('\u0000').toString('base64url'),
  Buffer.from('2008/0545166T\u0000').toString('base64url'),
  Buffer.from(HUGE.slice(0, 10_000)).toString('base64url'),
  '%%%',
];

/**
 * A NUL byte after the argument's valid value (a case id, a PNC ID, a reason…), or alone where the valid
 * call leaves the argument out: past any check of the value's format, which a NUL alone or after another
 * kind's identifier would fail first, and so the variant most likely to reach the SQL.
 */
const nulAfter = (valid: unknown) => `${typeof valid === 'string' ? valid : ''}\u0000`;

function hostileValues(type: GraphQLInputType, argumentName: string, valid: unknown): unknown[] {
  const nullable = getNullableType(type);
  // null everywhere: refused where the type is non-null, and a nullable argument's null is checked too.
  const base: unknown[] = [null];
  if (isListType(nullable)) return [...base, 'not a list', [null], [{}]];
  if (isEnumType(nullable)) return [...base, 'NOT_A_VALUE', 'not-a-value\u0000', '', 1];
  if (isInputObjectType(nullable)) return [...base, 'not an object', [], { unknownField: 1 }];
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'Int':
      case 'SafeInt':
        return [...base, ...INTS];
      case 'Boolean':
        return [...base, ...BOOLEANS];
      case 'DateTimeISO':
        return [...base, ...DATE_TIMES];
      default:
        return [...base, nulAfter(valid), ...STRINGS, ...(argumentName === 'after' ? CURSORS : [])];
    }
  }
  return base;
}

interface Mutation {
  readonly path: string;
  readonly value: unknown;
}

/**
 * Every hostile variant of one argument: the argument itself, and each field of an input object, given
 * the valid call's `variables`.
 */
function variantsOf(arg: GraphQLArgument, variables: Record<string, unknown>): Mutation[] {
  const valid = variables[arg.name];
  const variants = hostileValues(arg.type, arg.name, valid).map((value) => ({ path: arg.name, value }));
  const named = getNamedType(arg.type);
  if (isInputObjectType(named)) {
    const validFields = (typeof valid === 'object' && valid !== null ? valid : {}) as Record<string, unknown>;
    for (const field of Object.values(named.getFields())) {
      for (const value of hostileValues(field.type, field.name, validFields[field.name]))
        variants.push({ path: `${arg.name}.${field.name}`, value });
    }
  }
  return variants;
}

function withValue(variables: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, field] = path.split('.') as [string, string | undefined];
  if (!field) return { ...variables, [head]: value };
  const inner = variables[head];
  return { ...variables, [head]: { ...(typeof inner === 'object' && inner !== null ? inner : {}), [field]: value } };
}

async function ask(query: string, call: Call): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(`${env.stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await env.headersFor(call.principal, call.purpose)) },
    body: JSON.stringify({ query, variables: call.variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

/** What is wrong with an answer to bad input: an uncoded or internal error, or HTTP 500. */
function problemsOf(answer: { status: number; body: GraphQLResponse }): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  for (const error of answer.body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR')
      problems.push(`${String(code)} at ${error.path?.join('.') ?? '(request)'}`);
  }
  return problems;
}

const describeValue = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
};

describe('issue 9 §6: every argument of every query and mutation, fuzzed in production', () => {
  const all = targets();

  it('covers every field with arguments in the supergraph, each with a caller who may use it', () => {
    expect(all.filter((target) => !target.query).map((target) => target.name)).toEqual([]);
    expect(all.map((target) => target.name).sort()).toEqual(Object.keys(VALID).sort());
  });

  it('a valid call of each field is answered without error: the hostile ones below reach the owner', async () => {
    const problems: string[] = [];
    for (const target of all) {
      const answer = await ask(target.query, await VALID[target.name]!());
      if (answer.status !== 200 || answer.body.errors)
        problems.push(`${target.name}: HTTP ${answer.status} ${JSON.stringify(answer.body.errors)}`);
    }
    expect(problems).toEqual([]);
    // Well over a hundred calls in turn, some running whole meeting and disclosure workflows first: a
    // loaded CI machine needs more than jest's default minute.
  }, 240_000);

  it.each(all.map((target) => [target.name, target] as const))(
    '%s: every hostile argument gets a coded client error, never INTERNAL_SERVER_ERROR or HTTP 500',
    async (_name, target) => {
      const problems: string[] = [];
      // One valid call per field, made afresh only after a variant was accepted (which may have used up the
      // state the call needs: a grant revoked, a meeting closed): making one can take a whole meeting or
      // disclosure workflow, and refused input changes nothing. One variant at a time, so each starts from
      // the valid call's state.
      //
      // A variant GraphQL's own coercion of variables refuses (a number for a String, an unknown enum
      // value, null for a non-null argument…) is refused by the gateway before planning, the same way
      // for every field, before any agency's code sees it. So each such variant is checked here against
      // the supergraph's types (which accept at least what the gateway's API schema does), and only the
      // first of each field is sent through the gateway, which must refuse it with a coded error: 1,700
      // of 3,900 requests were of that kind, and the file cost about 210 s of CPU on each database. Every
      // variant the types accept, which is what reaches the owner's own checks, is still sent.
      const operation = getOperationAST(parse(target.query))!;
      let coercionSent = false;
      let call = await VALID[target.name]!();
      for (const { path, value } of target.args.flatMap((arg) => variantsOf(arg, call.variables))) {
        const variables = withValue(call.variables, path, value);
        const refusedByCoercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors !== undefined;
        if (refusedByCoercion && coercionSent) continue;
        const answer = await ask(target.query, { ...call, variables });
        for (const problem of problemsOf(answer)) problems.push(`${path} = ${describeValue(value)}: ${problem}`);
        if (refusedByCoercion) {
          coercionSent = true;
          if (!answer.body.errors) problems.push(`${path} = ${describeValue(value)}: accepted, although GraphQL's coercion refuses it`);
        }
        if (!answer.body.errors) call = await VALID[target.name]!();
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('issue 9 §6: combinations no single argument shows', () => {
  it.each(['policeAccessAudit', 'mappaAccessAudit'])(
    '%s: a range inside year 0000 (which PostgreSQL has not) is BAD_USER_INPUT naming the argument',
    async (field) => {
      const target = targets().find((candidate) => candidate.name === field)!;
      const call = await VALID[field]!();
      const answer = await ask(target.query, {
        ...call,
        variables: { ...call.variables, from: '0000-01-01T00:00:00Z', to: '0000-02-01T00:00:00Z' },
      });
      expect(problemsOf(answer)).toEqual([]);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(/\$from/);
    },
  );

  it('the same range written into the document is GRAPHQL_VALIDATION_FAILED', async () => {
    const call = await VALID.policeAccessAudit!();
    const query = `{ policeAccessAudit(pncId: "${subject.pncId}", from: "0000-01-01T00:00:00Z", to: "0000-02-01T00:00:00Z") { __typename } }`;
    const answer = await ask(query, { ...call, variables: {} });
    expect(problemsOf(answer)).toEqual([]);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('issue 9 §6: every request-level field, malformed', () => {
  const QUERY = 'query Known { __typename }';
  const BODIES: readonly (readonly [string, unknown])[] = [
    ['an operationName absent from the document', { query: QUERY, operationName: 'Unknown' }],
    ['an operationName that is not a string', { query: QUERY, operationName: 42 }],
    ['two operations and no operationName', { query: `${QUERY} query Other { __typename }` }],
    ['variables that are a string', { query: QUERY, variables: 'x' }],
    ['variables that are a list', { query: QUERY, variables: [1] }],
    ['variables that are a number', { query: QUERY, variables: 42 }],
    ['a query that is a number', { query: 42 }],
    ['a query that is an object', { query: {} }],
    ['a null query', { query: null }],
    ['no query at all', {}],
    ['a query with a NUL byte', { query: `${QUERY}\u0000` }],
    ['an empty query', { query: '' }],
    ['extensions that are a string', { query: QUERY, extensions: 'x' }],
    ['a persisted query hash nobody registered', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }],
    ['a persisted query that is not an object', { query: QUERY, extensions: { persistedQuery: 'x' } }],
    [
      'a persisted query hash that does not match the query',
      { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
    ],
    ['a documentId nobody registered', { documentId: 'sha256:' + 'c'.repeat(64) }],
    ['a batch of operations', [{ query: QUERY }, { query: QUERY }]],
    ['an empty batch', []],
    ['a JSON null body', null],
    ['a JSON string body', 'query'],
    ['a JSON number body', 42],
  ];

  it.each(BODIES)('%s gets a coded client error, never INTERNAL_SERVER_ERROR or HTTP 500', async (_case, body) => {
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await env.headersFor()) },
      body: JSON.stringify(body),
    });
    const answer = { status: response.status, body: (await response.json()) as GraphQLResponse };
    expect(problemsOf(answer)).toEqual([]);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
  });

  it.each([
    ['a body that is not JSON', 'application/json', '{"query": '],
    ['a body over the size limit', 'application/json', JSON.stringify({ query: QUERY, variables: { padding: 'x'.repeat(1_100_000) } })],
    ['a text/plain body (no CSRF-safe header)', 'text/plain', JSON.stringify({ query: QUERY })],
  ])('%s gets a coded client error, never INTERNAL_SERVER_ERROR or HTTP 500', async (_case, contentType, body) => {
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...(await env.headersFor()), 'content-type': contentType },
      body,
    });
    const answer = { status: response.status, body: (await response.json()) as GraphQLResponse };
    expect(problemsOf(answer)).toEqual([]);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
  });
});
