import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { MAPPA_AREAS } from '@mappa/shared';
import { TEST_ISSUER, postGraphQL } from '@mappa/testing';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, inviteToMeeting, signAttendance, startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 12, the MAPPA unit's items, through the gateway with every subgraph over real HTTP. Expected
// access is written from the rules (domain README, guidance analyses A/B/C), not from the policies:
//  - A.R26, principles 3 and 9: YOT roles know the MAPPA status of YOT-led cases and people under 18 only;
//  - A.R9, A.R19, B.52, C.88: the register and screening are the co-ordinator's; the chair reads the
//    cases of the meetings it chairs.

const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const SCREENING: DeclaredPurpose = { purpose: 'MAPPA_SCREENING', caseId: null };
const meetingPurpose = (meetingId: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: meetingId });

const MAPPA_STATUS = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { caseId category level leadAgency } } }';
const REGISTER = '{ offenders(first: 50) { totalCount edges { node { pncId } } } }';
const CHANGE_LEVEL = 'mutation($input: ChangeMappaLevelInput!) { changeMappaLevel(input: $input) { level } }';
const INVITE = 'mutation($input: InviteToMeetingInput!) { inviteToMeeting(input: $input) { invitationId } }';

interface MappaStatus {
  offender: { pncId: string; mappaCase: { caseId: string; category: number; level: number; leadAgency: string } | null } | null;
}

let env: TestStack;
let youngPerson: SyntheticPerson;
let policeLedChild: SyntheticPerson;
let adult: SyntheticPerson;
let yotLedAdult: SyntheticPerson;
let yotCaseManager: PrincipalClaims;
let coordinator: PrincipalClaims;
let chair: PrincipalClaims;

async function ask<Data = Record<string, unknown>>(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

const codesOf = (result: GraphQLResponse<unknown>) => (result.errors ?? []).map((error) => error.extensions?.code);

async function caseIdOf(pncId: string): Promise<string> {
  const { rows } = (await env.connection
    .database()
    .execute(sql`select case_id from mappa.mappa_case where pnc_id = ${pncId} and status = 'ACTIVE'`)) as unknown as {
    rows: { case_id: string }[];
  };
  return rows[0]!.case_id;
}

beforeAll(async () => {
  // A dataset of its own, not a shared one: the Home Office tests need a foreign national adult at level
  // 2 or 3 on a current probation case in the young person's area, which LARGE_DATASET (800/13) lacks.
  env = await startTestStack({ dataset: { offenders: 600, seed: 12, asOf: '2026-11-01' } });
  const eligible = env.people.filter((person) => person.category !== 4 && !person.restrictedAccess);
  const youths = eligible.filter((person) => person.isYouth);
  youngPerson = youths[0]!;
  policeLedChild = youths.find((person) => person !== youngPerson)!;
  const area = youngPerson.area;
  const adults = eligible.filter((person) => !person.isYouth && person.area === area && person.leadAgency !== 'YOT' && person.level >= 2);
  adult = adults[0]!;
  yotLedAdult = adults[1]!;
  // C §4.8: a young person who turned 18 and is still managed by the YOT; the synthetic data hands
  // everyone to adult services at 18, so this one case is made YOT-led here.
  await env.connection
    .database()
    .execute(sql`update mappa.mappa_case set lead_agency = 'YOT' where pnc_id = ${yotLedAdult.pncId} and status = 'ACTIVE'`);
  // A child whose case another agency leads (a child can be police-led, e.g. no YOT order yet): under
  // 18 by the date of birth the MAPPA A gave, in the YOT's own area.
  await env.connection
    .database()
    .execute(
      sql`update mappa.mappa_case set lead_agency = 'POLICE', area = ${area} where pnc_id = ${policeLedChild.pncId} and status = 'ACTIVE'`,
    );
  yotCaseManager = { staffId: 'YOT12001', agency: 'yot', roles: ['yot_case_manager'], area, clearance: 'BPSS' };
  coordinator = { staffId: 'MCU12001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area, clearance: 'SC' };
  chair = { staffId: 'CHAIR12001', agency: 'probation', roles: ['mappa_chair'], area, clearance: 'SC' };
});

afterAll(async () => {
  await env.close();
});

describe("YOT roles and adults' MAPPA status (A.R26, principle 3, principle 9)", () => {
  it('chooses a young person, a police-led child, an adult another agency leads and a YOT-led adult in one area', () => {
    expect(youngPerson.leadAgency).toBe('YOT');
    expect([policeLedChild.isYouth, adult.isYouth, yotLedAdult.isYouth]).toEqual([true, false, false]);
    expect(new Set([youngPerson.area, adult.area, yotLedAdult.area]).size).toBe(1);
  });

  it('A.R26, principle 3: a YOT case manager reads the MAPPA status of a YOT-led case and of a person under 18', async () => {
    for (const [person, leadAgency] of [
      [youngPerson, 'YOT'],
      [policeLedChild, 'POLICE'],
      [yotLedAdult, 'YOT'],
    ] as const) {
      const result = await ask<MappaStatus>(yotCaseManager, CASE_MANAGEMENT, MAPPA_STATUS, { pncId: person.pncId });
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender?.mappaCase).toEqual({
        caseId: await caseIdOf(person.pncId),
        category: person.category,
        level: person.level,
        leadAgency,
      });
    }
  });

  it('A.R26, principle 3, principle 9: an adult another agency leads has no MAPPA case for YOT roles, exactly as someone the MAPPA unit does not hold', async () => {
    for (const role of ['yot_case_manager', 'yot_manager'] as const) {
      const result = await ask<MappaStatus>({ ...yotCaseManager, roles: [role] }, CASE_MANAGEMENT, MAPPA_STATUS, { pncId: adult.pncId });
      // No error either: a refusal would say there is something to refuse.
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender?.mappaCase ?? null).toBeNull();
    }
  });

  it("A.R26, principle 9: a YOT attendee at a meeting about an adult another agency leads still does not learn the adult's MAPPA status", async () => {
    // Written straight into the database (the invitation route refuses it, below): whatever meeting or grant a YOT principal holds, the row decides.
    const meetingId = await insertMeeting(env, adult.pncId);
    const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: yotCaseManager.staffId, agency: 'yot' });
    await signAttendance(env, meetingId, yotCaseManager, invitationId);
    const result = await ask<MappaStatus>(yotCaseManager, meetingPurpose(meetingId), MAPPA_STATUS, { pncId: adult.pncId });
    expect(result.data?.offender?.mappaCase ?? null).toBeNull();
  });

  it('A.R26, principle 3: the co-ordinator cannot invite the YOT to a meeting about an adult another agency leads, and can for a young person', async () => {
    // The invitation route takes meeting ids as the MAPPA unit makes them (UUIDs).
    const adultMeeting = await insertMeeting(env, adult.pncId, {
      meetingId: randomUUID(),
      status: 'SCHEDULED',
      scheduledFor: new Date(Date.now() + 86_400_000),
    });
    const refused = await ask(coordinator, CASE_MANAGEMENT, INVITE, {
      input: { meetingId: adultMeeting, inviteeAgency: 'yot', inviteeRole: 'yot_case_manager', reason: 'Test: YOT' },
    });
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions?.issues).toEqual([
      { path: 'input.inviteeAgency', message: 'not a YOT-led case or a subject under 18' },
    ]);
    const youthMeeting = await insertMeeting(env, youngPerson.pncId, {
      meetingId: randomUUID(),
      status: 'SCHEDULED',
      scheduledFor: new Date(Date.now() + 86_400_000),
    });
    const invited = await ask<{ inviteToMeeting: { invitationId: string } }>(coordinator, CASE_MANAGEMENT, INVITE, {
      input: { meetingId: youthMeeting, inviteeAgency: 'yot', inviteeRole: 'yot_case_manager', reason: 'Test: YOT' },
    });
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.inviteToMeeting.invitationId).toEqual(expect.any(String));
  });

  it("A.R26, principle 9: the register, its pages and its count are not the YOT's", async () => {
    const result = await ask<{ offenders: unknown }>(yotCaseManager, CASE_MANAGEMENT, REGISTER);
    expect(result.data?.offenders ?? null).toBeNull();
    expect(codesOf(result)).toContain('FORBIDDEN');
  });
});

describe("The chair: the register and screening are the co-ordinator's (A.R9, A.R19, B.52, C.88)", () => {
  it('A.R9, A.R19, B.52, C.88: the chair does not page the area register, under case management or screening', async () => {
    for (const purpose of [CASE_MANAGEMENT, SCREENING]) {
      const result = await ask<{ offenders: unknown }>(chair, purpose, REGISTER);
      expect(result.data?.offenders ?? null).toBeNull();
      expect(codesOf(result)).toContain('FORBIDDEN');
    }
    // The co-ordinator does, which is what makes the refusal above the chair's alone.
    const coordinators = await ask<{ offenders: { totalCount: number } }>(coordinator, CASE_MANAGEMENT, REGISTER);
    expect(coordinators.data?.offenders.totalCount).toBeGreaterThan(0);
  });

  it('A.R19, B.52: the chair does not record a screening decision, and the level does not change', async () => {
    const caseId = await caseIdOf(adult.pncId);
    const level = adult.level === 3 ? 2 : 3;
    const result = await ask(chair, SCREENING, CHANGE_LEVEL, {
      input: { caseId, level, decisionKind: 'SCREENING_DECISION', decisionReference: 'SCR-12001', reason: 'Test: chair screening' },
    });
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    const { rows } = (await env.connection
      .database()
      .execute(sql`select level from mappa.mappa_case where case_id = ${caseId}`)) as unknown as { rows: { level: number }[] };
    expect(rows[0]?.level).toBe(adult.level);
  });

  it('B.52, A.R9: the chair reads the MAPPA case of a meeting it chairs, and not of other cases of its area under case management', async () => {
    const underCaseManagement = await ask<MappaStatus>(chair, CASE_MANAGEMENT, MAPPA_STATUS, { pncId: adult.pncId });
    expect(underCaseManagement.data?.offender?.mappaCase ?? null).toBeNull();
    const meetingId = await insertMeeting(env, adult.pncId, { chair: { staffId: chair.staffId, agency: 'probation' } });
    const atItsMeeting = await ask<MappaStatus>(chair, meetingPurpose(meetingId), MAPPA_STATUS, { pncId: adult.pncId });
    expect(atItsMeeting.data?.offender?.mappaCase).toMatchObject({ level: adult.level, category: adult.category });
  });
});

describe('A grant to an agency and role holds in the areas it names (issue 12; principle 5, principle 9, A.R26)', () => {
  const GRANT =
    'mutation($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId granteeAgency granteeRole granteeAreas } }';
  const MY_GRANTS = '{ myCaseAccessGrants { grantId pncId } }';
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const healthIn = (area: PrincipalClaims['area'], staffId: string): PrincipalClaims => ({
    staffId,
    agency: 'health',
    roles: ['dtc_attendee'],
    area,
    clearance: 'BPSS',
  });

  it("principle 5: the co-ordinator's grant to an agency and role must name its areas; a staff-id grant names none", async () => {
    const input = {
      granteeAgency: 'health',
      granteeRole: 'dtc_attendee',
      pncId: adult.pncId,
      purpose: 'MAPPA_SCREENING',
      validUntil: inDays(7),
      reason: 'Test: health screening advice',
    };
    const withoutAreas = await ask(coordinator, SCREENING, GRANT, { input });
    expect(codesOf(withoutAreas)).toEqual(['BAD_USER_INPUT']);
    expect(withoutAreas.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path: 'input.granteeAreas' })]);
    const staffWithAreas = await ask(coordinator, SCREENING, GRANT, {
      input: {
        ...input,
        granteeAgency: null,
        granteeRole: null,
        granteeStaffId: 'HLT12001',
        granteeIssuer: TEST_ISSUER,
        granteeAreas: [adult.area],
      },
    });
    expect(codesOf(staffWithAreas)).toEqual(['BAD_USER_INPUT']);
    const granted = await ask<{ grantCaseAccess: { granteeAreas: string[] } }>(coordinator, SCREENING, GRANT, {
      input: { ...input, granteeAreas: [adult.area] },
    });
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.grantCaseAccess.granteeAreas).toEqual([adult.area]);
  });

  it('principle 5, principle 9: the same role of the same agency in another area does not hold the grant', async () => {
    const otherArea = MAPPA_AREAS.find((area) => area !== adult.area)!;
    const granted = await ask<{ grantCaseAccess: { grantId: string } }>(coordinator, SCREENING, GRANT, {
      input: {
        granteeAgency: 'housing',
        granteeRole: 'dtc_attendee',
        granteeAreas: [adult.area],
        pncId: adult.pncId,
        purpose: 'MAPPA_SCREENING',
        validUntil: inDays(7),
        reason: 'Test: housing',
      },
    });
    const grantId = granted.data!.grantCaseAccess.grantId;
    const housingHere: PrincipalClaims = {
      staffId: 'HSG12001',
      agency: 'housing',
      roles: ['dtc_attendee'],
      area: adult.area,
      clearance: 'BPSS',
    };
    const here = await ask<{ myCaseAccessGrants: { grantId: string }[] }>(housingHere, SCREENING, MY_GRANTS);
    expect(here.data?.myCaseAccessGrants.map((grant) => grant.grantId)).toContain(grantId);
    const elsewhere = await ask<{ myCaseAccessGrants: { grantId: string }[] }>(
      { ...housingHere, staffId: 'HSG12002', area: otherArea },
      SCREENING,
      MY_GRANTS,
    );
    expect(elsewhere.data?.myCaseAccessGrants.map((grant) => grant.grantId)).not.toContain(grantId);
  });

  it("A.R26, principle 9: an invitation to an agency and role reaches its holders in the meeting's area only", async () => {
    const otherArea = MAPPA_AREAS.find((area) => area !== adult.area)!;
    const meetingId = randomUUID();
    await insertMeeting(env, adult.pncId, { meetingId, status: 'SCHEDULED', scheduledFor: new Date(Date.now() + 86_400_000) });
    const invited = await ask<{ inviteToMeeting: { invitationId: string } }>(coordinator, CASE_MANAGEMENT, INVITE, {
      input: { meetingId, inviteeAgency: 'health', inviteeRole: 'dtc_attendee', reason: 'Test: health' },
    });
    expect(invited.errors).toBeUndefined();
    // Open the meeting and sign both in (MAPPA E), as if each had reached the meeting.
    await env.connection
      .database()
      .execute(
        sql`update mappa.meeting set status = 'IN_SESSION', opened_at = now(), confidentiality_statement_read_at = now() where meeting_id = ${meetingId}`,
      );
    const local = healthIn(adult.area, 'HLT12010');
    const visitor = healthIn(otherArea, 'HLT12011');
    for (const attendee of [local, visitor]) await signAttendance(env, meetingId, attendee, invited.data!.inviteToMeeting.invitationId);
    const localView = await ask<MappaStatus>(local, meetingPurpose(meetingId), MAPPA_STATUS, { pncId: adult.pncId });
    expect(localView.data?.offender?.mappaCase).toMatchObject({ level: adult.level, leadAgency: adult.leadAgency });
    const visitorView = await ask<MappaStatus>(visitor, meetingPurpose(meetingId), MAPPA_STATUS, { pncId: adult.pncId });
    expect(visitorView.data?.offender ?? null).toBeNull();
  });
});

describe('The lead agency sets or reviews the level (B.44, C.6, A.R21; A.R16, A.R19)', () => {
  const REVIEW = 'mutation($input: ReviewMappaLevelInput!) { reviewMappaLevel(input: $input) { level nextReviewDate } }';
  const RECORD_CONSIDERATION = 'mutation($i: RecordDisclosureConsiderationInput!) { recordDisclosureConsideration(input: $i) { outcome } }';
  const CLOSE = 'mutation($m: ID!) { closeMeeting(meetingId: $m) { status } }';
  let probationLed: SyntheticPerson[];
  let seniorProbationOfficer: PrincipalClaims;

  async function historyOf(
    caseId: string,
  ): Promise<{ field: string; value_after: string; decision_kind: string; decision_reference: string; reason: string | null }[]> {
    const { rows } = (await env.connection
      .database()
      .execute(
        sql`select field, value_after, decision_kind, decision_reference, reason from mappa.mappa_case_change where case_id = ${caseId} order by sequence`,
      )) as unknown as {
      rows: { field: string; value_after: string; decision_kind: string; decision_reference: string; reason: string | null }[];
    };
    return rows;
  }

  /** A meeting of the case, chaired and closed through the product, at which no level decision was recorded (no consensus). */
  async function heldWithoutDecision(person: SyntheticPerson): Promise<string> {
    const meetingId = randomUUID();
    await insertMeeting(env, person.pncId, { meetingId, chair: { staffId: chair.staffId, agency: 'probation' } });
    const considered = await ask(chair, meetingPurpose(meetingId), RECORD_CONSIDERATION, {
      i: { meetingId, outcome: 'NOT_NECESSARY', reason: 'Test: no new relationship or employment' },
    });
    expect(considered.errors).toBeUndefined();
    const closed = await ask(chair, meetingPurpose(meetingId), CLOSE, { m: meetingId });
    expect(closed.errors).toBeUndefined();
    return meetingId;
  }

  beforeAll(() => {
    probationLed = env.people.filter(
      (person) =>
        person.area === adult.area &&
        person.leadAgency === 'PROBATION' &&
        person.level >= 2 &&
        person.category === 2 &&
        !person.restrictedAccess &&
        ![adult, yotLedAdult].includes(person),
    );
    seniorProbationOfficer = {
      staffId: 'SPO12001',
      agency: 'probation',
      roles: ['senior_probation_officer'],
      area: adult.area,
      clearance: 'BPSS',
    };
  });

  it("B.44: after a held meeting that reached no level decision, the lead agency's senior probation officer sets the level, with history, once", async () => {
    const person = probationLed[0]!;
    const caseId = await caseIdOf(person.pncId);
    const meetingId = await heldWithoutDecision(person);
    const level = person.level === 3 ? 2 : 3;
    const input = {
      caseId,
      level,
      occasion: 'NO_MEETING_CONSENSUS',
      meetingId,
      reason: 'Test: the meeting did not agree; the lead agency decides',
    };
    const result = await ask<{ reviewMappaLevel: { level: number } }>(seniorProbationOfficer, CASE_MANAGEMENT, REVIEW, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.reviewMappaLevel.level).toBe(level);
    expect((await historyOf(caseId)).at(-1)).toEqual({
      field: 'LEVEL',
      value_after: String(level),
      decision_kind: 'LEAD_AGENCY_REVIEW',
      decision_reference: `LAR-MTG-${meetingId}`,
      reason: input.reason,
    });
    // Once per meeting.
    const again = await ask(seniorProbationOfficer, CASE_MANAGEMENT, REVIEW, { input: { ...input, level: person.level } });
    expect(codesOf(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('B.44, A.R16, principle 9: not before the meeting is held, not another agency, not the offender manager, never prison', async () => {
    const person = probationLed[1]!;
    const caseId = await caseIdOf(person.pncId);
    const inSession = randomUUID();
    await insertMeeting(env, person.pncId, { meetingId: inSession });
    const input = { caseId, level: person.level === 3 ? 2 : 3, occasion: 'NO_MEETING_CONSENSUS', meetingId: inSession, reason: 'Test' };
    expect(codesOf(await ask(seniorProbationOfficer, CASE_MANAGEMENT, REVIEW, { input }))).toEqual(['BAD_USER_INPUT']);
    const held = await heldWithoutDecision(person);
    const heldInput = { ...input, meetingId: held };
    // A police PPU officer for a probation-led case: as for an unknown case.
    expect(
      codesOf(
        await ask({ ...seniorProbationOfficer, staffId: 'PPU12001', agency: 'police', roles: ['ppu_officer'] }, CASE_MANAGEMENT, REVIEW, {
          input: heldInput,
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      codesOf(await ask({ ...seniorProbationOfficer, roles: ['probation_practitioner'] }, CASE_MANAGEMENT, REVIEW, { input: heldInput })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codesOf(
        await ask(
          { ...seniorProbationOfficer, staffId: 'POM12001', agency: 'prison', roles: ['prison_offender_manager'] },
          CASE_MANAGEMENT,
          REVIEW,
          { input: heldInput },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect((await historyOf(caseId)).filter((change) => change.decision_kind === 'LEAD_AGENCY_REVIEW' && change.field === 'LEVEL')).toEqual(
      [],
    );
  });

  it('A.R19: the lead agency never raises a level 1 case to level 2 or 3 (that is a referral the co-ordinator screens)', async () => {
    const person = env.people.find(
      (candidate) =>
        candidate.area === adult.area && candidate.leadAgency === 'PROBATION' && candidate.level === 1 && !candidate.restrictedAccess,
    )!;
    const caseId = await caseIdOf(person.pncId);
    const result = await ask(seniorProbationOfficer, CASE_MANAGEMENT, REVIEW, {
      input: { caseId, level: 2, occasion: 'AFTER_TRANSFER', reason: 'Test' },
    });
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('C.6: the receiving lead agency reviews the level once after the case transferred into its area; the database refuses any other lead-agency level change', async () => {
    const person = probationLed[2]!;
    const caseId = await caseIdOf(person.pncId);
    const input = { caseId, level: person.level === 3 ? 2 : 3, occasion: 'AFTER_TRANSFER', reason: 'Test: reviewed on arrival' };
    // No transfer yet: nothing to review.
    expect(codesOf(await ask(seniorProbationOfficer, CASE_MANAGEMENT, REVIEW, { input }))).toEqual(['BAD_USER_INPUT']);
    // The case arrives from another area (C.5: the case's area follows the move).
    const from = MAPPA_AREAS.find((area) => area !== adult.area)!;
    await env.connection.database()
      .execute(sql`insert into mappa.mappa_case_change (case_id, sequence, field, value_before, value_after, changed_date, changed_by_staff_id, decision_kind, decision_reference, reason)
      select ${caseId}, max(sequence) + 1, 'AREA', ${from}, ${adult.area}, current_date, 'NPS-TEST', 'LEAD_AGENCY_REVIEW', 'LAR-TEST-TRANSFER', 'Test: transferred in' from mappa.mappa_case_change where case_id = ${caseId}`);
    const reviewed = await ask<{ reviewMappaLevel: { level: number } }>(seniorProbationOfficer, CASE_MANAGEMENT, REVIEW, { input });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data?.reviewMappaLevel.level).toBe(input.level);
    expect(codesOf(await ask(seniorProbationOfficer, CASE_MANAGEMENT, REVIEW, { input: { ...input, level: person.level } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // Written straight to the database, bypassing the code: refused there too.
    await expect(
      env.connection.database()
        .execute(sql`insert into mappa.mappa_case_change (case_id, sequence, field, value_before, value_after, changed_date, changed_by_staff_id, decision_kind, decision_reference, reason)
        select ${caseId}, max(sequence) + 1, 'LEVEL', '2', '3', current_date, 'NPS-TEST', 'LEAD_AGENCY_REVIEW', 'LAR-ANYTHING', 'Test' from mappa.mappa_case_change where case_id = ${caseId}`),
    ).rejects.toThrow();
  });
});

describe('The Home Office, once invited, reads the risk levels of foreign national offenders only (A.R38, C.71, C.72)', () => {
  const HOME_OFFICE_VIEW =
    'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { status level } riskOfSeriousHarm { overallRiskLevel } } }';
  interface HomeOfficeView {
    offender: {
      pncId: string;
      mappaCase: { status: string; level: number } | null;
      riskOfSeriousHarm: { overallRiskLevel: string } | null;
    } | null;
  }
  const candidates = () =>
    env.people.filter(
      (person) =>
        person.area === adult.area &&
        person.level >= 2 &&
        person.category !== 4 &&
        !person.restrictedAccess &&
        person.probationStatus === 'CURRENT',
    );

  async function attendingHomeOffice(
    person: SyntheticPerson,
    staffId: string,
  ): Promise<{ meetingId: string; homeOffice: PrincipalClaims }> {
    const meetingId = randomUUID();
    await insertMeeting(env, person.pncId, { meetingId });
    const homeOffice: PrincipalClaims = { staffId, agency: 'home_office', roles: ['dtc_attendee'], area: adult.area, clearance: 'BPSS' };
    // Written straight into the database, as an invitation made before the rule would stand.
    const { invitationId } = await inviteToMeeting(env, meetingId, { staffId, agency: 'home_office' });
    await signAttendance(env, meetingId, homeOffice, invitationId);
    return { meetingId, homeOffice };
  }

  it('C.71, C.72: at a meeting about a foreign national offender, the invited Home Office reads the MAPPA status and the risk levels', async () => {
    const person = candidates().find((candidate) => candidate.nationality !== 'British')!;
    const { meetingId, homeOffice } = await attendingHomeOffice(person, 'HO12001');
    const result = await ask<HomeOfficeView>(homeOffice, meetingPurpose(meetingId), HOME_OFFICE_VIEW, { pncId: person.pncId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender?.mappaCase).toEqual({ status: 'ACTIVE', level: person.level });
    expect(result.data?.offender?.riskOfSeriousHarm?.overallRiskLevel).toBe(person.roshLevel);
  });

  it('A.R38, C.72, principle 9: even invited and attending, the Home Office reads nothing of a British national', async () => {
    const person = candidates().find((candidate) => candidate.nationality === 'British' && candidate !== adult)!;
    const { meetingId, homeOffice } = await attendingHomeOffice(person, 'HO12002');
    const result = await ask<HomeOfficeView>(homeOffice, meetingPurpose(meetingId), HOME_OFFICE_VIEW, { pncId: person.pncId });
    expect(result.data?.offender ?? null).toBeNull();
  });

  it('A.R38, C.71: the co-ordinator invites, or grants, the Home Office about a foreign national offender only', async () => {
    const british = candidates().find((candidate) => candidate.nationality === 'British')!;
    const meetingId = randomUUID();
    await insertMeeting(env, british.pncId, { meetingId, status: 'SCHEDULED', scheduledFor: new Date(Date.now() + 86_400_000) });
    const invited = await ask(coordinator, CASE_MANAGEMENT, INVITE, {
      input: { meetingId, inviteeAgency: 'home_office', inviteeRole: 'dtc_attendee', reason: 'Test: Home Office' },
    });
    expect(codesOf(invited)).toEqual(['BAD_USER_INPUT']);
    const granted = await ask(
      coordinator,
      meetingPurpose(meetingId),
      'mutation($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId } }',
      {
        input: {
          granteeAgency: 'home_office',
          granteeRole: 'dtc_attendee',
          granteeAreas: [british.area],
          pncId: british.pncId,
          purpose: 'MAPPA_MEETING',
          caseId: meetingId,
          validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          reason: 'Test',
        },
      },
    );
    expect(codesOf(granted)).toEqual(['BAD_USER_INPUT']);
  });
});
