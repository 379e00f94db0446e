import { sql } from 'drizzle-orm';
import {
  FIVE_AGENCY_VIEW,
  insertMeetingInSession,
  isUnder18,
  MappaArea,
  MEETING_PACK,
  calendarDateOf,
  servedValueHash,
} from '@mappa/shared';
import { TEST_ISSUER, postGraphQL } from '@mappa/testing';
import type { MeetingFixture, PrincipalClaims, Role, PrincipalAgency } from '@mappa/shared';
import { DEFAULT_PRINCIPAL, startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 10, the meeting pack, through the gateway with the five real subgraphs: one query for every
// attendee, the co-ordinator's preview of what each will receive, and the owners' proof of what the
// meeting relied on.

let env: TestStack;
let meeting: MeetingFixture;
let subjectLastName: string;

const AREA = MappaArea.LONDON;
const CHAIR: PrincipalClaims = { staffId: 'CHAIR-PACK-01', agency: 'probation', roles: ['mappa_chair'], area: AREA, clearance: 'SC' };

interface Invitee {
  readonly label: string;
  readonly claims: PrincipalClaims;
}

const invitee = (label: string, agency: PrincipalAgency, role: Role): Invitee => ({
  label,
  claims: { staffId: `PACK-${label.toUpperCase()}`, agency, roles: [role], area: AREA, clearance: 'BPSS' },
});
const INVITEES: readonly Invitee[] = [
  invitee('police', 'police', 'ppu_officer'),
  invitee('probation', 'probation', 'probation_practitioner'),
  invitee('prison', 'prison', 'prison_offender_manager'),
  invitee('housing', 'housing', 'dtc_attendee'),
  invitee('yot', 'yot', 'yot_case_manager'),
  invitee('childrens', 'children_social_care', 'dtc_attendee'),
];
const NOT_SIGNED = invitee('education', 'education', 'dtc_attendee');

interface FieldPreview {
  path: string;
  field: string;
  decision: 'RECEIVED' | 'REFUSED' | 'OWNER_DECIDES_PER_RECORD';
  policy: string;
}
interface AttendeePreview {
  standing: string;
  agency: string;
  role: string | null;
  subjectServed: boolean;
  subjectWithheldBecause: string[];
  fields: FieldPreview[];
}

const PREVIEW = `query Preview($meetingId: ID!) { meetingPackPreview(meetingId: $meetingId) {
  attendees { standing agency role subjectServed subjectWithheldBecause fields { path field decision policy } } } }`;

const asAttendee = async (claims: PrincipalClaims) => env.headersFor(claims, { purpose: 'MAPPA_MEETING', caseId: meeting.meetingId });
const pack = async (claims: PrincipalClaims) =>
  postGraphQL<{ meeting: { subject: Record<string, unknown> | null } | null }>(
    `${env.stack.gateway.url}/graphql`,
    MEETING_PACK,
    { meetingId: meeting.meetingId },
    await asAttendee(claims),
  );

/** A response path without list indices, as the preview names fields (`subject.licences.status`). */
const fieldPath = (path: readonly (string | number)[]) =>
  path
    .filter((step) => typeof step === 'string')
    .slice(1)
    .join('.');
const forbiddenPaths = (response: GraphQLResponse) =>
  (response.errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN' && error.path).map((error) => fieldPath(error.path!));
const ancestorsAndSelf = (path: string) => path.split('.').map((_, index, steps) => steps.slice(0, index + 1).join('.'));

/** The value at a preview path in the pack's answer, through lists: null when nothing is there. */
function valuesAt(data: unknown, path: string): unknown[] {
  let values: unknown[] = [data];
  for (const step of path.split('.')) {
    values = values
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .flatMap((value) => (value !== null && typeof value === 'object' ? [(value as Record<string, unknown>)[step]] : []));
  }
  return values.flatMap((value) => (Array.isArray(value) ? value : [value])).filter((value) => value !== null && value !== undefined);
}

async function previewOf(): Promise<AttendeePreview[]> {
  const response = await postGraphQL<{ meetingPackPreview: { attendees: AttendeePreview[] } }>(
    `${env.stack.gateway.url}/graphql`,
    PREVIEW,
    { meetingId: meeting.meetingId },
    await asAttendee(DEFAULT_PRINCIPAL),
  );
  expect(response.errors).toBeUndefined();
  return response.data!.meetingPackPreview.attendees;
}

beforeAll(async () => {
  env = await startTestStack();
  const today = calendarDateOf(new Date());
  // An adult at level 2 or 3 whom every Responsible Authority agency holds: custody and a probation case.
  const subject = env.people.find(
    (person) =>
      person.level >= 2 &&
      person.category !== 4 &&
      !person.restrictedAccess &&
      !isUnder18(person.dateOfBirth, today) &&
      person.crn &&
      person.prisonNumber,
  )!;
  subjectLastName = subject.lastName;
  meeting = await insertMeetingInSession(env.connection.database(), {
    pncId: subject.pncId,
    chair: { staffId: CHAIR.staffId, issuer: TEST_ISSUER, agency: 'probation' },
    issuer: TEST_ISSUER,
    invitees: [
      ...INVITEES.map(({ claims }) => ({ agency: claims.agency, role: claims.roles[0]!, staffId: claims.staffId, signed: true })),
      { agency: NOT_SIGNED.claims.agency, role: NOT_SIGNED.claims.roles[0]!, staffId: NOT_SIGNED.claims.staffId, signed: false },
    ],
  });
});

afterAll(async () => {
  await env.close();
});

describe('the meeting pack', () => {
  it("the preview equals what each invitee's own MEETING_PACK then receives: refused paths are FORBIDDEN paths, received ones are served or null without error", async () => {
    const preview = await previewOf();
    for (const { label, claims } of [...INVITEES, { label: 'chair', claims: CHAIR }]) {
      const attendee = preview.find((candidate) => candidate.agency === claims.agency && candidate.role === claims.roles[0])!;
      expect({ label, served: attendee.subjectServed, withheld: attendee.subjectWithheldBecause }).toEqual({
        label,
        served: true,
        withheld: [],
      });
      const response = await pack(claims);
      expect({ label, subject: typeof response.data?.meeting?.subject?.pncId }).toEqual({ label, subject: 'string' });
      const forbidden = forbiddenPaths(response);
      const problems: string[] = [];
      for (const field of attendee.fields) {
        const refusedAt = ancestorsAndSelf(field.path).find((path) => forbidden.includes(path));
        if (field.decision === 'REFUSED') {
          // Refused at its path or an enclosing one, or there was nothing above it to refuse in (an owner holding no such record).
          const nothingAbove = ancestorsAndSelf(field.path)
            .slice(0, -1)
            .some((path) => valuesAt(response.data?.meeting, path).length === 0);
          if (!refusedAt && !nothingAbove) problems.push(`${field.path} previewed REFUSED (${field.policy}) but served`);
          if (valuesAt(response.data?.meeting, field.path).length > 0) problems.push(`${field.path} previewed REFUSED but has a value`);
        } else if (refusedAt) {
          problems.push(`${field.path} previewed ${field.decision} but FORBIDDEN at ${refusedAt}`);
        }
      }
      // Every refusal the invitee met was previewed.
      for (const path of forbidden) {
        if (attendee.fields.find((field) => field.path === path)?.decision !== 'REFUSED')
          problems.push(`${path} FORBIDDEN but not previewed REFUSED`);
      }
      expect({ label, problems }).toEqual({ label, problems: [] });
      // And what was previewed received came with values (the subject is held by every RA agency).
      const received = attendee.fields.filter(
        (field) => field.decision === 'RECEIVED' && valuesAt(response.data?.meeting, field.path).length > 0,
      );
      expect({ label, someReceived: received.length > 0 }).toEqual({ label, someReceived: true });
    }
  });

  it('costs what the single offender view of its subject costs under the same meeting: per agency the same subgraph requests and SQL statements, and the same subject', async () => {
    const police = INVITEES.find((candidate) => candidate.label === 'police')!.claims;
    // What each agency served and sent to the database for one operation, audit statements apart.
    const costOf = async (send: () => Promise<GraphQLResponse>) => {
      for (const subgraph of Object.values(env.stack.subgraphs)) {
        subgraph.requests.reset();
        subgraph.statements.reset();
      }
      const response = await send();
      return {
        response,
        cost: Object.fromEntries(
          Object.values(env.stack.subgraphs).map((subgraph) => [
            subgraph.name,
            { requests: subgraph.requests.count, statements: subgraph.statements.count },
          ]),
        ),
      };
    };
    const view = await costOf(async () =>
      postGraphQL<{ offender: Record<string, unknown> | null }>(
        `${env.stack.gateway.url}/graphql`,
        FIVE_AGENCY_VIEW,
        { pncId: meeting.pncId },
        await asAttendee(police),
      ),
    );
    const meetingPack = await costOf(async () => pack(police));
    expect((view.response.data as { offender: unknown }).offender).not.toBeNull();
    expect((meetingPack.response.data as { meeting: { subject: unknown } }).meeting.subject).toEqual(
      (view.response.data as { offender: unknown }).offender,
    );
    // The MAPPA unit is asked twice in both (the purpose evidence, then its part of the answer): the
    // pack's part reads the meeting and its subject's case in one statement, as the view's reads the case.
    expect(meetingPack.cost).toEqual(view.cost);
    expect(meetingPack.cost.mappa?.requests).toBe(2);
    // Before the pack reaches any agency, the MAPPA unit answers the look-up with four statements for
    // an adult's meeting: the caller's grants, and for the evidence the meeting with its case (the
    // children rule and the Home Office and Jobcentre rules read the case from it, not again), then
    // the invitation and the attendance at once; its part of the pack is the fifth.
    expect(meetingPack.cost.mappa?.statements).toBe(5);
  });

  it('B.25: an invitee who has not signed attendance is previewed as served nothing, and their own pack has no subject', async () => {
    const preview = await previewOf();
    const attendee = preview.find((candidate) => candidate.agency === 'education')!;
    expect(attendee).toMatchObject({ subjectServed: false, subjectWithheldBecause: ['NOT_ATTENDING'] });
    const response = await pack(NOT_SIGNED.claims);
    expect(response.data?.meeting?.subject ?? null).toBeNull();
  });

  it('the preview shows no value of the subject, not even to the co-ordinator who may read it', async () => {
    const text = JSON.stringify(await previewOf());
    expect(text).not.toContain(meeting.pncId);
    expect(text).not.toContain(subjectLastName);
  });

  it("what the meeting relied on: each owner's own log holds the hash of each value it served, equal to the hash of its current record; the MAPPA unit's store holds nothing of another agency", async () => {
    const db = env.connection.database();
    await pack(INVITEES[0]!.claims);
    const served = async (log: string) => {
      const result = (await db.execute(
        sql`select payload from audit.entry where log = ${log} and payload->>'purpose' = 'MAPPA_MEETING' and payload->>'caseId' = ${meeting.meetingId}`,
      )) as unknown as {
        rows: { payload: { served?: { subject: string; field: string; valueHash: string }[] } }[];
      };
      return result.rows.flatMap((row) => row.payload.served ?? []);
    };
    const one = async <Row>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Row[] }).rows[0]!;
    const police = await one<{ last_name: string }>(sql`select last_name from police.person where pnc_id = ${meeting.pncId}`);
    const probation = await one<{ crn: string }>(sql`select crn from probation.probation_case where pnc_id = ${meeting.pncId}`);
    const prison = await one<{ prison_number: string }>(sql`select prison_number from prison.prisoner where pnc_id = ${meeting.pncId}`);
    const mappa = await one<{ level: number }>(
      sql`select level from mappa.mappa_case where pnc_id = ${meeting.pncId} and status = 'ACTIVE'`,
    );
    const expected: [string, string, unknown][] = [
      ['police', 'PoliceIdentity.lastName', police.last_name],
      ['probation', 'ProbationCase.crn', probation.crn],
      ['prison', 'PrisonCustody.prisonNumber', prison.prison_number],
      ['mappa', 'MappaCase.level', mappa.level],
    ];
    const logs = Object.fromEntries(
      await Promise.all(['police', 'probation', 'prison', 'yot', 'mappa'].map(async (log) => [log, await served(log)] as const)),
    );
    for (const [log, field, value] of expected) {
      const hash = servedValueHash(meeting.meetingId, meeting.pncId, field, value);
      expect({
        log,
        field,
        proven: logs[log]!.some((entry) => entry.subject === meeting.pncId && entry.field === field && entry.valueHash === hash),
      }).toEqual({ log, field, proven: true });
    }
    // The MAPPA unit's log holds hashes of its own records only: no field or value hash another owner
    // served (the PNC ID aside, the federation key every owner holds and the meeting itself names).
    const othersServed = ['police', 'probation', 'prison', 'yot']
      .flatMap((log) => logs[log]!)
      .filter((entry) => entry.field !== 'Offender.pncId');
    expect(othersServed.length).toBeGreaterThan(0);
    const othersFields = new Set(othersServed.map((entry) => entry.field));
    const othersHashes = new Set(othersServed.map((entry) => entry.valueHash));
    expect(logs.mappa!.filter((entry) => othersFields.has(entry.field) || othersHashes.has(entry.valueHash))).toEqual([]);
    // No table of the MAPPA unit's holds the police's value (its audit log lives in the audit schema, with the others).
    const tables = (
      (await db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'mappa' and table_type = 'BASE TABLE'`,
      )) as unknown as { rows: { table_name: string }[] }
    ).rows;
    for (const { table_name: table } of tables) {
      const hits = (await db.execute(
        sql.raw(
          `select count(*)::int as n from mappa."${table}" t where row_to_json(t)::text like '%${police.last_name.replace(/'/g, "''")}%'`,
        ),
      )) as unknown as { rows: { n: number }[] };
      expect({ table, hits: hits.rows[0]!.n }).toEqual({ table, hits: 0 });
    }
  });

  it("AccessAuditEntry.valuesServed: the owner's own information governance reads the hashes of what it served to the meeting, with the time", async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const response = await postGraphQL<{
      policeAccessAudit: {
        edges: { node: { recordedAt: string; caseId: string | null; valuesServed: { field: string; valueHash: string }[] } }[];
      };
    }>(
      `${env.stack.gateway.url}/graphql`,
      'query($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { policeAccessAudit(pncId: $pncId, from: $from, to: $to, first: 100) { edges { node { recordedAt caseId valuesServed { field valueHash } } } } }',
      { pncId: meeting.pncId, from, to },
      await env.headersFor(
        { staffId: 'IG-PACK-01', agency: 'police', roles: ['information_governance'], area: AREA, clearance: 'SC' },
        { purpose: 'AUDIT', caseId: null },
      ),
    );
    expect(response.errors).toBeUndefined();
    const forMeeting = response
      .data!.policeAccessAudit.edges.map(({ node }) => node)
      .filter((node) => node.caseId === meeting.meetingId && node.valuesServed.length > 0);
    expect(forMeeting.length).toBeGreaterThan(0);
    expect(forMeeting.flatMap((node) => node.valuesServed.map(({ field }) => field))).toContain('PoliceIdentity.lastName');
  });

  it("principle 5, issue 10: withdrawing an invitation ends the attendee's pack on their very next request (the evidence is read afresh, never kept)", async () => {
    const attendee: PrincipalClaims = {
      staffId: 'PACK-WITHDRAWN',
      agency: 'police',
      roles: ['ppu_officer'],
      area: AREA,
      clearance: 'BPSS',
    };
    const own = await insertMeetingInSession(env.connection.database(), {
      pncId: meeting.pncId,
      chair: { staffId: CHAIR.staffId, issuer: TEST_ISSUER, agency: 'probation' },
      issuer: TEST_ISSUER,
      invitees: [{ agency: attendee.agency, role: attendee.roles[0]!, staffId: attendee.staffId, signed: true }],
    });
    const packAt = async () =>
      postGraphQL<{ meeting: { subject: { pncId: string } | null } | null }>(
        `${env.stack.gateway.url}/graphql`,
        MEETING_PACK,
        { meetingId: own.meetingId },
        await env.headersFor(attendee, { purpose: 'MAPPA_MEETING', caseId: own.meetingId }),
      );
    expect((await packAt()).data?.meeting?.subject?.pncId).toBe(meeting.pncId);
    const withdrawn = await postGraphQL(
      `${env.stack.gateway.url}/graphql`,
      'mutation($id: ID!) { withdrawInvitation(invitationId: $id, reason: "No longer needed") { withdrawnAt } }',
      { id: own.invitationIds[0] },
      await env.headersFor(DEFAULT_PRINCIPAL, { purpose: 'CASE_MANAGEMENT', caseId: null }),
    );
    expect(withdrawn.errors).toBeUndefined();
    const after = await packAt();
    expect(after.data?.meeting ?? null).toBeNull();
  });
});
