import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { MAPPA_AREAS, TEST_ISSUER } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, inviteToMeeting, signAttendance } from './support/mappa-records';
import { postGraphQL, startTestStack } from './support/test-stack';
import type { GraphQLResponse, TestStack } from './support/test-stack';

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

async function ask<Data = Record<string, unknown>>(principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

const codesOf = (result: GraphQLResponse<unknown>) => (result.errors ?? []).map((error) => error.extensions?.code);

async function caseIdOf(pncId: string): Promise<string> {
  const { rows } = (await env.connection.database().execute(sql`select case_id from mappa.mappa_case where pnc_id = ${pncId} and status = 'ACTIVE'`)) as unknown as { rows: { case_id: string }[] };
  return rows[0]!.case_id;
}

beforeAll(async () => {
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
  await env.connection.database().execute(sql`update mappa.mappa_case set lead_agency = 'YOT' where pnc_id = ${yotLedAdult.pncId} and status = 'ACTIVE'`);
  // A child whose case another agency leads (a child can be police-led, e.g. no YOT order yet): under
  // 18 by the date of birth the MAPPA A gave, in the YOT's own area.
  await env.connection.database().execute(sql`update mappa.mappa_case set lead_agency = 'POLICE', area = ${area} where pnc_id = ${policeLedChild.pncId} and status = 'ACTIVE'`);
  yotCaseManager = { staffId: 'YOT12001', agency: 'yot', roles: ['yot_case_manager'], area, clearance: 'BPSS' };
  coordinator = { staffId: 'MCU12001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area, clearance: 'SC' };
  chair = { staffId: 'CHAIR12001', agency: 'probation', roles: ['mappa_chair'], area, clearance: 'SC' };
});

afterAll(async () => {
  await env.close();
});

describe('YOT roles and adults\' MAPPA status (A.R26, principle 3, principle 9)', () => {
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
      expect(result.data?.offender?.mappaCase).toEqual({ caseId: await caseIdOf(person.pncId), category: person.category, level: person.level, leadAgency });
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

  it('A.R26, principle 9: a YOT attendee at a meeting about an adult another agency leads still does not learn the adult\'s MAPPA status', async () => {
    // Written straight into the database (the invitation route refuses it, below): whatever meeting or grant a YOT principal holds, the row decides.
    const meetingId = await insertMeeting(env, adult.pncId);
    const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: yotCaseManager.staffId, agency: 'yot' });
    await signAttendance(env, meetingId, yotCaseManager, invitationId);
    const result = await ask<MappaStatus>(yotCaseManager, meetingPurpose(meetingId), MAPPA_STATUS, { pncId: adult.pncId });
    expect(result.data?.offender?.mappaCase ?? null).toBeNull();
  });

  it('A.R26, principle 3: the co-ordinator cannot invite the YOT to a meeting about an adult another agency leads, and can for a young person', async () => {
    // The invitation route takes meeting ids as the MAPPA unit makes them (UUIDs).
    const adultMeeting = await insertMeeting(env, adult.pncId, { meetingId: randomUUID(), status: 'SCHEDULED', scheduledFor: new Date(Date.now() + 86_400_000) });
    const refused = await ask(coordinator, CASE_MANAGEMENT, INVITE, { input: { meetingId: adultMeeting, inviteeAgency: 'yot', inviteeRole: 'yot_case_manager', reason: 'Test: YOT' } });
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions?.issues).toEqual([{ path: 'input.inviteeAgency', message: 'not a YOT-led case or a subject under 18' }]);
    const youthMeeting = await insertMeeting(env, youngPerson.pncId, { meetingId: randomUUID(), status: 'SCHEDULED', scheduledFor: new Date(Date.now() + 86_400_000) });
    const invited = await ask<{ inviteToMeeting: { invitationId: string } }>(coordinator, CASE_MANAGEMENT, INVITE, {
      input: { meetingId: youthMeeting, inviteeAgency: 'yot', inviteeRole: 'yot_case_manager', reason: 'Test: YOT' },
    });
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.inviteToMeeting.invitationId).toEqual(expect.any(String));
  });

  it('A.R26, principle 9: the register, its pages and its count are not the YOT\'s', async () => {
    const result = await ask<{ offenders: unknown }>(yotCaseManager, CASE_MANAGEMENT, REGISTER);
    expect(result.data?.offenders ?? null).toBeNull();
    expect(codesOf(result)).toContain('FORBIDDEN');
  });
});

describe('The chair: the register and screening are the co-ordinator\'s (A.R9, A.R19, B.52, C.88)', () => {
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
    const result = await ask(chair, SCREENING, CHANGE_LEVEL, { input: { caseId, level, decisionKind: 'SCREENING_DECISION', decisionReference: 'SCR-12001', reason: 'Test: chair screening' } });
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    const { rows } = (await env.connection.database().execute(sql`select level from mappa.mappa_case where case_id = ${caseId}`)) as unknown as { rows: { level: number }[] };
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
  const GRANT = 'mutation($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId granteeAgency granteeRole granteeAreas } }';
  const MY_GRANTS = '{ myCaseAccessGrants { grantId pncId } }';
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const healthIn = (area: PrincipalClaims['area'], staffId: string): PrincipalClaims => ({ staffId, agency: 'health', roles: ['dtc_attendee'], area, clearance: 'BPSS' });

  it('principle 5: the co-ordinator\'s grant to an agency and role must name its areas; a staff-id grant names none', async () => {
    const input = { granteeAgency: 'health', granteeRole: 'dtc_attendee', pncId: adult.pncId, purpose: 'MAPPA_SCREENING', validUntil: inDays(7), reason: 'Test: health screening advice' };
    const withoutAreas = await ask(coordinator, SCREENING, GRANT, { input });
    expect(codesOf(withoutAreas)).toEqual(['BAD_USER_INPUT']);
    expect(withoutAreas.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path: 'input.granteeAreas' })]);
    const staffWithAreas = await ask(coordinator, SCREENING, GRANT, {
      input: { ...input, granteeAgency: null, granteeRole: null, granteeStaffId: 'HLT12001', granteeIssuer: TEST_ISSUER, granteeAreas: [adult.area] },
    });
    expect(codesOf(staffWithAreas)).toEqual(['BAD_USER_INPUT']);
    const granted = await ask<{ grantCaseAccess: { granteeAreas: string[] } }>(coordinator, SCREENING, GRANT, { input: { ...input, granteeAreas: [adult.area] } });
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.grantCaseAccess.granteeAreas).toEqual([adult.area]);
  });

  it('principle 5, principle 9: the same role of the same agency in another area does not hold the grant', async () => {
    const otherArea = MAPPA_AREAS.find((area) => area !== adult.area)!;
    const granted = await ask<{ grantCaseAccess: { grantId: string } }>(coordinator, SCREENING, GRANT, {
      input: { granteeAgency: 'housing', granteeRole: 'dtc_attendee', granteeAreas: [adult.area], pncId: adult.pncId, purpose: 'MAPPA_SCREENING', validUntil: inDays(7), reason: 'Test: housing' },
    });
    const grantId = granted.data!.grantCaseAccess.grantId;
    const housingHere: PrincipalClaims = { staffId: 'HSG12001', agency: 'housing', roles: ['dtc_attendee'], area: adult.area, clearance: 'BPSS' };
    const here = await ask<{ myCaseAccessGrants: { grantId: string }[] }>(housingHere, SCREENING, MY_GRANTS);
    expect(here.data?.myCaseAccessGrants.map((grant) => grant.grantId)).toContain(grantId);
    const elsewhere = await ask<{ myCaseAccessGrants: { grantId: string }[] }>({ ...housingHere, staffId: 'HSG12002', area: otherArea }, SCREENING, MY_GRANTS);
    expect(elsewhere.data?.myCaseAccessGrants.map((grant) => grant.grantId)).not.toContain(grantId);
  });

  it('A.R26, principle 9: an invitation to an agency and role reaches its holders in the meeting\'s area only', async () => {
    const otherArea = MAPPA_AREAS.find((area) => area !== adult.area)!;
    const meetingId = randomUUID();
    await insertMeeting(env, adult.pncId, { meetingId, status: 'SCHEDULED', scheduledFor: new Date(Date.now() + 86_400_000) });
    const invited = await ask<{ inviteToMeeting: { invitationId: string } }>(coordinator, CASE_MANAGEMENT, INVITE, {
      input: { meetingId, inviteeAgency: 'health', inviteeRole: 'dtc_attendee', reason: 'Test: health' },
    });
    expect(invited.errors).toBeUndefined();
    // Open the meeting and sign both in (MAPPA E), as if each had reached the meeting.
    await env.connection.database().execute(sql`update mappa.meeting set status = 'IN_SESSION', opened_at = now(), confidentiality_statement_read_at = now() where meeting_id = ${meetingId}`);
    const local = healthIn(adult.area, 'HLT12010');
    const visitor = healthIn(otherArea, 'HLT12011');
    for (const attendee of [local, visitor]) await signAttendance(env, meetingId, attendee, invited.data!.inviteToMeeting.invitationId);
    const localView = await ask<MappaStatus>(local, meetingPurpose(meetingId), MAPPA_STATUS, { pncId: adult.pncId });
    expect(localView.data?.offender?.mappaCase).toMatchObject({ level: adult.level, leadAgency: adult.leadAgency });
    const visitorView = await ask<MappaStatus>(visitor, meetingPurpose(meetingId), MAPPA_STATUS, { pncId: adult.pncId });
    expect(visitorView.data?.offender ?? null).toBeNull();
  });
});
