import { sql } from 'drizzle-orm';
import { MAPPA_AREAS, TEST_ISSUER } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, insertReferral, inviteToMeeting, leaveMeeting, signAttendance } from './support/mappa-records';
import { postGraphQL, startTestStack } from './support/test-stack';
import type { GraphQLResponse, TestStack } from './support/test-stack';

// Issue 10: MAPPA_MEETING is bound to the meeting named in x-mappa-case and MAPPA_SCREENING to a
// referral, through the gateway with real subgraphs. The meetings, invitations, attendance and
// referrals are written straight into the MAPPA unit's tables (the workflows that write them are
// other parts of the issue); what is tested is what every owner then serves.

let env: TestStack;
/** An adult at level 2 or 3 the police hold intelligence on: the subject of the main meeting. */
let subject: SyntheticPerson;
/** An adult at level 1 in the same area: never has a meeting. */
let levelOne: SyntheticPerson;
/** A child with a MAPPA case. */
let child: SyntheticPerson;
/** An adult who is counter-terrorism restricted (category 4 or restricted access). */
let restricted: SyntheticPerson;

/** A probation practitioner of the subject's area, BPSS: reads the police intelligence summary at a meeting only. */
let practitioner: PrincipalClaims;
let coordinator: PrincipalClaims;

let meetingId: string;
let invitationId: string;

// Meeting-only material: the police intelligence summary is granted to probation under
// MAPPA_MEETING and DISCLOSURE_DECISION only, never under screening.
const MEETING_VIEW = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId intelligence { recordedDate } } }';
const SUMMARY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level leadAgency } } }';
/** The duty-to-co-operate minimal summary (A.R26), and one field beyond it. */
const DTC_VIEW =
  'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth } mappaCase { level leadAgency } probationCase { communityOffenderManager { surname } } intelligence { recordedDate } } }';

const NOTHING = { data: { offender: null } };

async function ask(principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, pncId: string): Promise<GraphQLResponse> {
  return postGraphQL(`${env.stack.gateway.url}/graphql`, query, { pncId }, await env.headersFor(principal, purpose));
}

const atMeeting = (id: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: id });
const screening = (id: string | null): DeclaredPurpose => ({ purpose: 'MAPPA_SCREENING', caseId: id });

async function pncIdsWith(query: string): Promise<Set<string>> {
  const result = (await env.connection.database().execute(sql.raw(query))) as unknown as { rows: { pnc_id: string }[] };
  return new Set(result.rows.map((row) => row.pnc_id));
}

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 31, asOf: '2026-11-01' } });
  // Principle 4, B §1: items that may leave the police (handling code P, or C with the originator's agreement for MAPPA partners).
  const withIntelligence = await pncIdsWith(
    "select distinct i.pnc_id from police.intelligence_item i where i.handling_code = 'P' or exists (select 1 from police.intelligence_sharing_agreement a where a.item_reference = i.reference and a.shared_with = 'MAPPA_PARTNERS' and a.withdrawn_at is null)",
  );
  const active = await pncIdsWith("select pnc_id from mappa.mappa_case where status = 'ACTIVE' and not ct_restricted");
  const activeRestricted = await pncIdsWith("select pnc_id from mappa.mappa_case where status = 'ACTIVE' and ct_restricted");
  const plain = (person: SyntheticPerson) => person.category !== 4 && !person.restrictedAccess && active.has(person.pncId);
  subject = env.people.find(
    (person) => plain(person) && !person.isYouth && person.level >= 2 && person.crn !== null && withIntelligence.has(person.pncId),
  )!;
  levelOne =
    env.people.find((person) => plain(person) && !person.isYouth && person.level === 1 && person.area === subject.area) ??
    env.people.find((person) => plain(person) && !person.isYouth && person.level === 1)!;
  child = env.people.find((person) => plain(person) && person.isYouth)!;
  restricted = env.people.find((person) => !person.isYouth && activeRestricted.has(person.pncId))!;
  for (const [label, person] of Object.entries({ subject, levelOne, child, restricted }))
    if (!person) throw new Error(`no ${label} in the dataset`);
  practitioner = { staffId: 'NPS10001', agency: 'probation', roles: ['probation_practitioner'], area: subject.area, clearance: 'BPSS' };
  coordinator = { staffId: 'MCU10001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: subject.area, clearance: 'SC' };
  meetingId = await insertMeeting(env, subject.pncId);
  ({ invitationId } = await inviteToMeeting(env, meetingId, { staffId: practitioner.staffId, agency: 'probation' }));
  await signAttendance(env, meetingId, practitioner, invitationId);
});

afterAll(async () => {
  await env.close();
});

describe('MAPPA_MEETING bound to the meeting (issue 10)', () => {
  it("issue 10, principle 9: a made-up meeting id reaches nothing of anyone, in the caller's area or not, for the co-ordinator neither", async () => {
    for (const person of [subject, levelOne]) {
      expect(await ask(practitioner, atMeeting('MTG-MADE-UP-1'), MEETING_VIEW, person.pncId)).toEqual(NOTHING);
      expect(await ask({ ...practitioner, staffId: 'NPS10099' }, atMeeting(meetingId), MEETING_VIEW, person.pncId)).toEqual(NOTHING);
      expect(await ask({ ...coordinator, area: person.area }, atMeeting('MTG-MADE-UP-1'), SUMMARY, person.pncId)).toEqual(NOTHING);
    }
  });

  it('issue 10, A §5: a level 1 case has no meeting, so no meeting-only material, even to an attendee of another meeting in the same area', async () => {
    expect(levelOne.level).toBe(1);
    expect(await ask(practitioner, atMeeting(meetingId), MEETING_VIEW, levelOne.pncId)).toEqual(NOTHING);
  });

  it('principle 9: an unknown meeting id is answered exactly like a meeting that does not concern the person', async () => {
    const notAbout = await ask(practitioner, atMeeting(meetingId), MEETING_VIEW, levelOne.pncId);
    const unknown = await ask(practitioner, atMeeting('MTG-UNKNOWN-1'), MEETING_VIEW, levelOne.pncId);
    expect(unknown).toEqual(notAbout);
  });

  it("B.25, B.54: a signed attendee sees their policy's fields of the meeting's subject", async () => {
    const result = await ask(practitioner, atMeeting(meetingId), MEETING_VIEW, subject.pncId);
    expect(result.errors).toBeUndefined();
    const offender = result.data?.offender as { pncId: string; intelligence: unknown[] };
    expect(offender.pncId).toBe(subject.pncId);
    expect(offender.intelligence.length).toBeGreaterThan(0);
  });

  it('B.25: an invitee who has not signed attendance sees nothing of the subject', async () => {
    const unsigned: PrincipalClaims = { ...practitioner, staffId: 'NPS10002' };
    await inviteToMeeting(env, meetingId, { staffId: unsigned.staffId, agency: 'probation' });
    expect(await ask(unsigned, atMeeting(meetingId), MEETING_VIEW, subject.pncId)).toEqual(NOTHING);
  });

  it('B.25: after leaving the meeting, an attendee sees nothing of the subject', async () => {
    const leaver: PrincipalClaims = { ...practitioner, staffId: 'NPS10003' };
    const invitation = await inviteToMeeting(env, meetingId, { staffId: leaver.staffId, agency: 'probation' });
    await signAttendance(env, meetingId, leaver, invitation.invitationId);
    expect((await ask(leaver, atMeeting(meetingId), SUMMARY, subject.pncId)).data?.offender).not.toBeNull();
    await leaveMeeting(env, meetingId, leaver.staffId);
    expect(await ask(leaver, atMeeting(meetingId), SUMMARY, subject.pncId)).toEqual(NOTHING);
  });

  it("issue 10: the chair and the area's co-ordinator stand to the meeting without an invitation; the co-ordinator of another area does not", async () => {
    const chair: PrincipalClaims = { staffId: 'CHAIR10001', agency: 'police', roles: ['mappa_chair'], area: subject.area, clearance: 'SC' };
    const chaired = await insertMeeting(env, subject.pncId, { chair });
    expect((await ask(chair, atMeeting(chaired), SUMMARY, subject.pncId)).data?.offender).toMatchObject({ pncId: subject.pncId });
    expect((await ask(coordinator, atMeeting(chaired), SUMMARY, subject.pncId)).data?.offender).toMatchObject({ pncId: subject.pncId });
    const elsewhere = MAPPA_AREAS.find((area) => area !== subject.area)!;
    expect(await ask({ ...coordinator, area: elsewhere }, atMeeting(chaired), SUMMARY, subject.pncId)).toEqual(NOTHING);
  });

  it('issue 10: a cancelled meeting reaches no one', async () => {
    const cancelled = await insertMeeting(env, subject.pncId, { status: 'CANCELLED' });
    expect(await ask(coordinator, atMeeting(cancelled), SUMMARY, subject.pncId)).toEqual(NOTHING);
  });

  it('A.R26, principle 5: an invited duty-to-co-operate attendee sees exactly the minimal summary for that meeting, and nothing once the grant ends', async () => {
    const housing: PrincipalClaims = {
      staffId: 'HSG10001',
      agency: 'housing',
      roles: ['dtc_attendee'],
      area: subject.area,
      clearance: 'BPSS',
    };
    // Invited until a few seconds from now: the end of the invitation's grant.
    const grantEnds = new Date(Date.now() + 5_000);
    const invitation = await inviteToMeeting(env, meetingId, { agency: 'housing', role: 'dtc_attendee' }, { validUntil: grantEnds });
    await signAttendance(env, meetingId, housing, invitation.invitationId);
    const served = await ask(housing, atMeeting(meetingId), DTC_VIEW, subject.pncId);
    expect((served.errors ?? []).map((error) => error.path?.join('.'))).toEqual(['offender.intelligence']);
    expect(served.data?.offender).toEqual({
      pncId: subject.pncId,
      identity: { firstName: subject.firstName, lastName: subject.lastName, dateOfBirth: subject.dateOfBirth },
      mappaCase: { level: subject.level, leadAgency: subject.leadAgency },
      probationCase: { communityOffenderManager: { surname: expect.any(String) } },
      intelligence: null,
    });
    // Nobody else's summary at the same meeting.
    expect(await ask(housing, atMeeting(meetingId), SUMMARY, levelOne.pncId)).toEqual(NOTHING);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, grantEnds.getTime() - Date.now() + 100)));
    expect(await ask(housing, atMeeting(meetingId), SUMMARY, subject.pncId)).toEqual(NOTHING);
  });

  it("A.R25, B.10: a child's meeting serves nothing without the YOT and children's services attending or consulted, and is served with them", async () => {
    const childMeeting = await insertMeeting(env, child.pncId);
    const invited = await inviteToMeeting(env, childMeeting, { staffId: practitioner.staffId, agency: 'probation' });
    await signAttendance(env, childMeeting, practitioner, invited.invitationId);
    expect(await ask(practitioner, atMeeting(childMeeting), SUMMARY, child.pncId)).toEqual(NOTHING);
    // The YOT invited and attending; children's services invited but neither attending nor consulted.
    const yot: PrincipalClaims = { staffId: 'YOT10001', agency: 'yot', roles: ['yot_case_manager'], area: child.area, clearance: 'BPSS' };
    const yotInvitation = await inviteToMeeting(env, childMeeting, { agency: 'yot', role: 'yot_case_manager' });
    await signAttendance(env, childMeeting, yot, yotInvitation.invitationId);
    const csc = await inviteToMeeting(env, childMeeting, { agency: 'children_social_care', role: 'dtc_attendee' });
    expect(await ask(practitioner, atMeeting(childMeeting), SUMMARY, child.pncId)).toEqual(NOTHING);
    // Children's services consulted: both safeguards met.
    await env.connection
      .database()
      .execute(
        sql`update mappa.meeting_invitation set consulted_at = now(), consultation_note = 'Test: consulted' where invitation_id = ${csc.invitationId}`,
      );
    const served = await ask(practitioner, atMeeting(childMeeting), SUMMARY, child.pncId);
    expect(served.errors).toBeUndefined();
    expect(served.data?.offender).toMatchObject({ pncId: child.pncId });
    // A disclosure decision about the child still fails closed (C.52), whatever the meeting.
    expect(await ask(practitioner, { purpose: 'DISCLOSURE_DECISION', caseId: childMeeting }, SUMMARY, child.pncId)).toEqual(NOTHING);
  });

  it('principle 7: the counter-terrorism gate still holds at a meeting: an uncleared attendee sees nothing, a cleared one is served', async () => {
    const ctMeeting = await insertMeeting(env, restricted.pncId);
    const cleared: PrincipalClaims = { ...practitioner, staffId: 'NPS10004', clearance: 'CTC' };
    for (const attendee of [practitioner, cleared]) {
      const invitation = await inviteToMeeting(env, ctMeeting, { staffId: attendee.staffId, agency: 'probation' });
      await signAttendance(env, ctMeeting, attendee, invitation.invitationId);
    }
    expect(await ask(practitioner, atMeeting(ctMeeting), SUMMARY, restricted.pncId)).toEqual(NOTHING);
    expect((await ask(cleared, atMeeting(ctMeeting), SUMMARY, restricted.pncId)).data?.offender).toMatchObject({ pncId: restricted.pncId });
  });

  it('issue 10: a hand-made grant for a meeting about someone else never reaches the person it names', async () => {
    const visitor: PrincipalClaims = { ...practitioner, staffId: 'NPS10005' };
    // The grant names levelOne but is for the subject's meeting.
    await env.connection.database().execute(
      sql`insert into mappa.case_access_grant (grant_id, grantee_staff_id, grantee_issuer, pnc_id, purpose, case_id, valid_from, valid_until, reason, created_by_staff_id)
          values (gen_random_uuid()::text, ${visitor.staffId}, ${TEST_ISSUER}, ${levelOne.pncId}, 'MAPPA_MEETING', ${meetingId}, now() - interval '1 minute', now() + interval '1 day', 'Test', 'MCU-TEST-0001')`,
    );
    expect(await ask(visitor, atMeeting(meetingId), SUMMARY, levelOne.pncId)).toEqual(NOTHING);
  });
});

describe('MAPPA_SCREENING bound to a referral (issue 10)', () => {
  it('issue 10: MAPPA_SCREENING with no referral reaches nothing, whether no id or a made-up one is declared', async () => {
    expect(await ask(practitioner, screening(null), SUMMARY, subject.pncId)).toEqual(NOTHING);
    expect(await ask(practitioner, screening('REF-MADE-UP-1'), SUMMARY, subject.pncId)).toEqual(NOTHING);
  });

  it("issue 10: another agency's referral reaches nothing", async () => {
    const police: PrincipalClaims = { staffId: 'PPU10001', agency: 'police', roles: ['ppu_officer'], area: subject.area, clearance: 'SC' };
    const referralId = await insertReferral(env, subject.pncId, police);
    expect(await ask(practitioner, screening(referralId), SUMMARY, subject.pncId)).toEqual(NOTHING);
  });

  it("issue 10: the caller's own agency's open referral reaches that person only", async () => {
    const referralId = await insertReferral(env, subject.pncId, { ...practitioner, staffId: 'NPS10010' });
    const served = await ask(practitioner, screening(referralId), SUMMARY, subject.pncId);
    expect(served.errors).toBeUndefined();
    expect(served.data?.offender).toEqual({ pncId: subject.pncId, mappaCase: { level: subject.level, leadAgency: subject.leadAgency } });
    expect(await ask(practitioner, screening(referralId), SUMMARY, levelOne.pncId)).toEqual(NOTHING);
  });

  it('issue 10: a screened referral reaches its referrer, and not a colleague of the same agency', async () => {
    const referralId = await insertReferral(env, subject.pncId, practitioner, { status: 'REJECTED' });
    expect((await ask(practitioner, screening(referralId), SUMMARY, subject.pncId)).data?.offender).toMatchObject({ pncId: subject.pncId });
    expect(await ask({ ...practitioner, staffId: 'NPS10011' }, screening(referralId), SUMMARY, subject.pncId)).toEqual(NOTHING);
  });

  it('issue 10: the co-ordinator screens their area without naming a referral', async () => {
    expect((await ask(coordinator, screening(null), SUMMARY, subject.pncId)).data?.offender).toMatchObject({ pncId: subject.pncId });
  });
});

describe('what the binding costs', () => {
  const count = async (principal: PrincipalClaims, purpose: DeclaredPurpose) => {
    env.resetCounters();
    const result = await ask(principal, purpose, 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }', subject.pncId);
    expect(result.errors).toBeUndefined();
    return { mappa: env.stack.subgraphs.mappa.requests.count, police: env.stack.subgraphs.police.requests.count };
  };

  it("issue 10: one request to the MAPPA unit for grants and evidence together; none for case management or the co-ordinator's screening", async () => {
    // A grant holder at a meeting: grants and evidence in the one lookup.
    expect(await count(practitioner, atMeeting(meetingId))).toEqual({ mappa: 1, police: 1 });
    // The co-ordinator at a meeting: evidence only, still one request.
    expect(await count(coordinator, atMeeting(meetingId))).toEqual({ mappa: 1, police: 1 });
    expect(await count(practitioner, { purpose: 'CASE_MANAGEMENT', caseId: null })).toEqual({ mappa: 0, police: 1 });
    expect(await count(coordinator, screening(null))).toEqual({ mappa: 0, police: 1 });
  });
});
