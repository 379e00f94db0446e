import { sql } from 'drizzle-orm';
import { insertMeetingInSession, isUnder18, calendarDateOf, syntheticPeople } from '@mappa/shared';
import { startTestSubgraph, TEST_ISSUER } from '@mappa/testing';
import type { Caller, MeetingEvidence, MeetingFixture, Principal, RunningSubgraph } from '@mappa/shared';
import type { TestDatabase, TestGatewayKeys } from '@mappa/testing';
import { mappaSubgraph } from '../index';

const dataset = { offenders: 200, seed: 7, asOf: '2026-11-01' };
const people = syntheticPeople(0, dataset.offenders, dataset);
const today = calendarDateOf(new Date());
const subject = people.find(
  (person) => person.level >= 2 && !person.restrictedAccess && person.category !== 4 && !isUnder18(person.dateOfBirth, today),
)!;
const AREA = subject.area;

let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;
let meeting: MeetingFixture;
let otherMeeting: MeetingFixture;

const COORDINATOR: Principal = {
  issuer: TEST_ISSUER,
  staffId: 'MCU00001',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: AREA,
  clearance: 'SC',
};
const CHAIR: Principal = {
  issuer: TEST_ISSUER,
  staffId: 'CHAIR0001',
  agency: 'police',
  roles: ['mappa_chair'],
  area: AREA,
  clearance: 'SC',
};
const HOUSING: Principal = {
  issuer: TEST_ISSUER,
  staffId: 'HOUSING01',
  agency: 'housing',
  roles: ['dtc_attendee'],
  area: AREA,
  clearance: 'BPSS',
};

const evidence = (
  fixture: MeetingFixture,
  standing: MeetingEvidence['standing'],
  extra: Partial<MeetingEvidence> = {},
): MeetingEvidence => ({
  kind: 'MEETING',
  meetingId: fixture.meetingId,
  pncId: fixture.pncId,
  standing,
  invitationId: null,
  attending: true,
  childSafeguardsMet: true,
  validUntil: new Date(Date.now() + 3_600_000).toISOString(),
  ...extra,
});
const caller = (principal: Principal, caseId: string, purposeEvidence?: MeetingEvidence): Caller => ({
  principal,
  declaredPurpose: { purpose: 'MAPPA_MEETING', caseId },
  ...(purposeEvidence ? { purposeEvidence } : {}),
});

interface Response {
  data?: {
    meetingPackPreview: {
      meetingId: string;
      attendees: {
        standing: string;
        agency: string;
        role: string | null;
        subjectServed: boolean;
        subjectWithheldBecause: string[];
        fields: { path: string; decision: string; policy: string }[];
      }[];
    } | null;
  } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const PREVIEW = `query($meetingId: ID!) { meetingPackPreview(meetingId: $meetingId) {
  meetingId attendees { standing invitationId agency role staffId clearanceAssumed attending subjectServed subjectWithheldBecause fields { path field decision policy conditions } } } }`;

async function preview(meetingId: string, as: Caller): Promise<{ body: Response; text: string }> {
  const body = JSON.stringify({ query: PREVIEW, variables: { meetingId } });
  const response = await fetch(`${subgraph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await gateway.headersFor('mappa', body, as)) },
    body,
  });
  const text = await response.text();
  return { body: JSON.parse(text) as Response, text };
}

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(mappaSubgraph, dataset));
  const db = database.connection.database();
  meeting = await insertMeetingInSession(db, {
    pncId: subject.pncId,
    chair: { staffId: CHAIR.staffId, issuer: TEST_ISSUER, agency: 'police' },
    issuer: TEST_ISSUER,
    invitees: [
      { agency: 'housing', role: 'dtc_attendee', staffId: HOUSING.staffId, signed: true },
      { agency: 'probation', role: 'probation_practitioner', staffId: 'PROB0001', signed: false },
    ],
  });
  otherMeeting = await insertMeetingInSession(db, {
    pncId: subject.pncId,
    chair: { staffId: 'CHAIR0002', issuer: TEST_ISSUER, agency: 'probation' },
    issuer: TEST_ISSUER,
    invitees: [],
  });
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('meetingPackPreview', () => {
  it('the co-ordinator previews each invitee and the chair: field decisions and whether the subject is served, never a value', async () => {
    const { body, text } = await preview(meeting.meetingId, caller(COORDINATOR, meeting.meetingId, evidence(meeting, 'COORDINATOR')));
    expect(body.errors).toBeUndefined();
    const attendees = body.data!.meetingPackPreview!.attendees;
    expect(attendees.map(({ standing, agency, role }) => [standing, agency, role])).toEqual([
      ['CHAIR', 'police', 'mappa_chair'],
      ['INVITEE', 'housing', 'dtc_attendee'],
      ['INVITEE', 'probation', 'probation_practitioner'],
    ]);
    const [, housing, probation] = attendees;
    expect(housing).toMatchObject({ subjectServed: true, subjectWithheldBecause: [] });
    expect(housing!.fields.find(({ path }) => path === 'subject.identity.lastName')).toMatchObject({
      decision: 'RECEIVED',
      policy: 'police.identityNames',
    });
    // B.25: not signed in yet, so nothing of the subject.
    expect(probation).toMatchObject({ subjectServed: false, subjectWithheldBecause: ['NOT_ATTENDING'] });
    // No value of the subject's records is in the answer: not even the PNC ID the meeting is about.
    expect(text).not.toContain(subject.pncId);
    expect(text).not.toContain(subject.lastName);
  });

  it('a withdrawn invitation, or one whose grant was revoked, is not previewed: it no longer gives access', async () => {
    const db = database.connection.database();
    const withdrawn = await insertMeetingInSession(db, {
      pncId: subject.pncId,
      chair: { staffId: CHAIR.staffId, issuer: TEST_ISSUER, agency: 'police' },
      issuer: TEST_ISSUER,
      invitees: [
        { agency: 'health', role: 'dtc_attendee', staffId: 'HEALTH01', signed: false },
        { agency: 'education', role: 'dtc_attendee', staffId: 'EDUC0001', signed: false },
        { agency: 'prison', role: 'prison_offender_manager', staffId: 'POM00001', signed: false },
      ],
    });
    const [health, education] = withdrawn.invitationIds;
    await db.execute(
      sql`update mappa.meeting_invitation set withdrawn_at = now(), withdrawn_by_staff_id = 'MCU00001', withdrawal_reason = 'Not needed' where invitation_id = ${health!}`,
    );
    await db.execute(
      sql`update mappa.case_access_grant set revoked_at = now(), revoked_by_staff_id = 'MCU00001', revocation_reason = 'Not needed' where grant_id = (select grant_id from mappa.meeting_invitation where invitation_id = ${education!})`,
    );
    const { body } = await preview(withdrawn.meetingId, caller(COORDINATOR, withdrawn.meetingId, evidence(withdrawn, 'COORDINATOR')));
    expect(body.errors).toBeUndefined();
    expect(body.data!.meetingPackPreview!.attendees.map(({ agency }) => agency)).toEqual(['police', 'prison']);
  });

  it('the chair previews the meeting they chair', async () => {
    const { body } = await preview(meeting.meetingId, caller(CHAIR, meeting.meetingId, evidence(meeting, 'CHAIR')));
    expect(body.errors).toBeUndefined();
    expect(body.data!.meetingPackPreview!.meetingId).toBe(meeting.meetingId);
  });

  it('principle 9: without purpose evidence, with evidence for another meeting or as an invitee, and for an unknown meeting, the answer is the same NOT_FOUND', async () => {
    const refusals = await Promise.all([
      preview(meeting.meetingId, caller(COORDINATOR, meeting.meetingId)),
      preview(meeting.meetingId, caller(COORDINATOR, meeting.meetingId, evidence(otherMeeting, 'COORDINATOR'))),
      preview(
        meeting.meetingId,
        caller(COORDINATOR, meeting.meetingId, evidence(meeting, 'INVITEE', { invitationId: meeting.invitationIds[0]! })),
      ),
      preview(
        meeting.meetingId,
        caller(
          COORDINATOR,
          meeting.meetingId,
          evidence(meeting, 'COORDINATOR', { validUntil: new Date(Date.now() - 1_000).toISOString() }),
        ),
      ),
      // The chair of another meeting, vouched as chair of this one, is not this meeting's chair by the unit's records.
      preview(otherMeeting.meetingId, caller(CHAIR, otherMeeting.meetingId, evidence(otherMeeting, 'CHAIR'))),
      // Another area's co-ordinator.
      preview(
        meeting.meetingId,
        caller(
          { ...COORDINATOR, area: AREA === 'LONDON' ? 'KENT' : 'LONDON' } as Principal,
          meeting.meetingId,
          evidence(meeting, 'COORDINATOR'),
        ),
      ),
      // x-mappa-case names another meeting than the one asked about.
      preview(meeting.meetingId, caller(COORDINATOR, otherMeeting.meetingId, evidence(meeting, 'COORDINATOR'))),
      preview(
        '00000000-0000-4000-8000-000000000000',
        caller(
          COORDINATOR,
          '00000000-0000-4000-8000-000000000000',
          evidence({ ...meeting, meetingId: '00000000-0000-4000-8000-000000000000' }, 'COORDINATOR'),
        ),
      ),
    ]);
    const answers = refusals.map(({ body }) => ({
      data: body.data?.meetingPackPreview ?? null,
      code: body.errors?.[0]?.extensions?.code,
      message: body.errors?.[0]?.message,
    }));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ data: null, code: 'NOT_FOUND' });
  });

  it('principle 5: an invitee may not preview what others receive (FORBIDDEN by policy, whatever their evidence)', async () => {
    const { body } = await preview(
      meeting.meetingId,
      caller(HOUSING, meeting.meetingId, evidence(meeting, 'INVITEE', { invitationId: meeting.invitationIds[0]! })),
    );
    expect(body.data?.meetingPackPreview ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
