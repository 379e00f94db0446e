// Test support for the minutes, decision and action tests: a running MAPPA subgraph over a real
// database, meetings put in the state a test needs by direct SQL (the meeting workflow's own
// mutations are another part of issue 10), and callers signed with the purpose evidence the gateway
// would vouch. Synthetic data only.
import { randomUUID } from 'node:crypto';
import { and, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { calendarDateOf } from '@mappa/shared';
import { startTestSubgraph, TEST_ISSUER, querySubgraph } from '@mappa/testing';
import type { GraphQLResponse, TestDatabase, TestGatewayKeys } from '@mappa/testing';
export type { GraphQLResponse };
import type { Caller, MeetingStanding, Principal, RunningSubgraph } from '@mappa/shared';
import { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import { disclosureConsiderationTable } from '../disclosure/disclosure.table';
import { mappaSubgraph } from '../index';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { meetingAttendanceTable, meetingInvitationTable, meetingTable } from './meeting.table';
import type { MeetingInvitationRow, MeetingRow, MeetingStatus } from './meeting.table';

export interface MeetingTestStack {
  readonly database: TestDatabase;
  readonly subgraph: RunningSubgraph;
  readonly gateway: TestGatewayKeys;
}

export const DAY_MS = 86_400_000;
const dataset = (seed: number) => ({ offenders: 1_000, seed, asOf: '2026-11-01' });

export function startMeetingStack(seed: number): Promise<MeetingTestStack> {
  return startTestSubgraph(mappaSubgraph, dataset(seed));
}

export const db = (stack: MeetingTestStack) => stack.database.connection.database();

const used = new Set<string>();

/**
 * A fresh active adult case (not counter-terrorism restricted) at `level`, for one meeting to be
 * about: each call takes a case no earlier call took, and sets its level by SQL when the seed has it
 * at another (the seed holds few level 3 cases). Category 3 only when asked for.
 */
export async function freshCase(stack: MeetingTestStack, level: number, options: { category3?: boolean } = {}): Promise<MappaCaseRow> {
  const pool = await db(stack)
    .select()
    .from(mappaCaseTable)
    .where(
      and(
        eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE),
        gte(mappaCaseTable.level, 2),
        eq(mappaCaseTable.counterTerrorismRestricted, false),
        isNotNull(mappaCaseTable.subjectDateOfBirth),
        lt(mappaCaseTable.subjectDateOfBirth, '2005-01-01'),
        options.category3 ? eq(mappaCaseTable.category, 3) : ne(mappaCaseTable.category, 3),
      ),
    )
    .orderBy(mappaCaseTable.caseId);
  const chosen = pool.find((row) => !used.has(row.caseId));
  if (!chosen) throw new Error('the dataset has no more cases for meeting tests');
  used.add(chosen.caseId);
  if (chosen.level === level) return chosen;
  const [row] = await db(stack).update(mappaCaseTable).set({ level }).where(eq(mappaCaseTable.caseId, chosen.caseId)).returning();
  return row!;
}

export const coordinatorIn = (area: Principal['area']): Principal => ({
  issuer: TEST_ISSUER,
  staffId: 'MCU00001',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area,
  clearance: 'SC',
});
export const chairIn = (area: Principal['area']): Principal => ({
  issuer: TEST_ISSUER,
  staffId: 'NPS00077',
  agency: 'probation',
  roles: ['mappa_chair'],
  area,
  clearance: 'SC',
});
export const staff = (
  staffId: string,
  agency: Principal['agency'],
  role: Principal['roles'][number],
  area: Principal['area'],
): Principal => ({ issuer: TEST_ISSUER, staffId, agency, roles: [role], area, clearance: 'SC' });

/** A caller under MAPPA_MEETING for `meeting`, vouched `standing` (and attending or not), as the gateway would sign it. */
export function atMeeting(
  principal: Principal,
  meeting: MeetingRow,
  standing: MeetingStanding,
  options: { attending?: boolean; invitationId?: string | null } = {},
): Caller {
  return {
    principal,
    declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: meeting.meetingId },
    purposeEvidence: {
      kind: 'MEETING',
      meetingId: meeting.meetingId,
      pncId: meeting.pncId,
      standing,
      invitationId: options.invitationId ?? null,
      attending: options.attending ?? standing !== 'INVITEE',
      childSafeguardsMet: true,
      validUntil: new Date(Date.now() + DAY_MS).toISOString(),
    },
  };
}

/** A caller under CASE_MANAGEMENT (no purpose evidence). */
export const managingCases = (principal: Principal): Caller => ({
  principal,
  declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
});

export async function post(
  stack: MeetingTestStack,
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<GraphQLResponse> {
  return querySubgraph(stack.subgraph, stack.gateway, query, variables, caller);
}

export const codes = (response: GraphQLResponse) => response.errors?.map((error) => error.extensions?.code);

/** A meeting about `mappaCase` put straight into `status` (opened, held or cancelled as that needs), chaired by `chair`. */
export async function insertMeeting(
  stack: MeetingTestStack,
  mappaCase: MappaCaseRow,
  status: MeetingStatus,
  chair: Principal,
  heldOn?: Date,
): Promise<MeetingRow> {
  const opened = heldOn ?? new Date();
  const meetingId = randomUUID();
  // A held meeting considered disclosure (B §2): its consideration first, as closing needs it.
  if (status === 'HELD')
    await considerDisclosure(
      stack,
      { meetingId, pncId: mappaCase.pncId, area: mappaCase.area, chairStaffId: chair.staffId, chairIssuer: chair.issuer },
      opened,
    );
  const [row] = await db(stack)
    .insert(meetingTable)
    .values({
      meetingId,
      caseId: mappaCase.caseId,
      pncId: mappaCase.pncId,
      area: mappaCase.area,
      kind: 'REVIEW',
      scheduledFor: opened,
      chairStaffId: chair.staffId,
      chairIssuer: chair.issuer,
      chairAgency: chair.agency,
      status,
      createdByStaffId: 'MCU00001',
      confidentialityStatementReadAt: status === 'IN_SESSION' || status === 'HELD' ? opened : null,
      openedAt: status === 'IN_SESSION' || status === 'HELD' ? opened : null,
      closedAt: status === 'HELD' ? new Date(opened.getTime() + 3_600_000) : null,
      cancelledAt: status === 'CANCELLED' ? opened : null,
      cancellationReason: status === 'CANCELLED' ? 'Chair unavailable' : null,
    })
    .returning();
  return row!;
}

/**
 * Records that disclosure was considered at the meeting, "not necessary", as its chair would with
 * recordDisclosureConsideration (B §2: a meeting is not closed without one).
 */
export async function considerDisclosure(
  stack: MeetingTestStack,
  meeting: Pick<MeetingRow, 'meetingId' | 'pncId' | 'area' | 'chairStaffId' | 'chairIssuer'>,
  on: Date = new Date(),
): Promise<void> {
  await db(stack)
    .insert(disclosureConsiderationTable)
    .values({
      considerationId: randomUUID(),
      pncId: meeting.pncId,
      area: meeting.area,
      meetingId: meeting.meetingId,
      reviewedOn: calendarDateOf(on),
      outcome: 'NOT_NECESSARY',
      reason: 'Risk managed without disclosure; no third party at risk identified',
      recordedByStaffId: meeting.chairStaffId,
      recordedByIssuer: meeting.chairIssuer,
    });
}

/** Closes a meeting in session, as the chair's closeMeeting will (disclosure considered first). */
export async function holdMeeting(stack: MeetingTestStack, meeting: MeetingRow): Promise<MeetingRow> {
  await considerDisclosure(stack, meeting);
  const [row] = await db(stack)
    .update(meetingTable)
    .set({ status: 'HELD', closedAt: new Date() })
    .where(eq(meetingTable.meetingId, meeting.meetingId))
    .returning();
  return row!;
}

/** An invitation of one staff id (or an agency role), with the case grant it is the invitee's access by. */
export async function invite(
  stack: MeetingTestStack,
  meeting: MeetingRow,
  invitee: { agency: Principal['agency']; role?: Principal['roles'][number] | null; staffId?: string | null },
  options: { mappaF?: boolean } = {},
): Promise<MeetingInvitationRow> {
  const grantId = randomUUID();
  const byStaff = invitee.staffId != null;
  await db(stack)
    .insert(caseAccessGrantTable)
    .values({
      grantId,
      granteeStaffId: byStaff ? invitee.staffId! : null,
      granteeIssuer: byStaff ? TEST_ISSUER : null,
      granteeAgency: byStaff ? null : invitee.agency,
      granteeRole: byStaff ? null : invitee.role!,
      granteeAreas: byStaff ? null : [meeting.area],
      pncId: meeting.pncId,
      purpose: 'MAPPA_MEETING',
      caseId: meeting.meetingId,
      validFrom: new Date(Date.now() - DAY_MS),
      validUntil: new Date(Date.now() + 14 * DAY_MS),
      reason: 'Invited to the meeting',
      createdByStaffId: 'MCU00001',
    });
  const [row] = await db(stack)
    .insert(meetingInvitationTable)
    .values({
      invitationId: randomUUID(),
      meetingId: meeting.meetingId,
      inviteeAgency: invitee.agency,
      inviteeRole: invitee.role ?? null,
      inviteeStaffId: invitee.staffId ?? null,
      inviteeIssuer: byStaff ? TEST_ISSUER : null,
      reason: 'Needed for the risk management plan',
      mappaFRequested: options.mappaF ?? false,
      grantId,
      invitedByStaffId: 'MCU00001',
    })
    .returning();
  return row!;
}

/** A signed attendance (MAPPA E) of `principal`, answering `invitation`. */
export async function sign(
  stack: MeetingTestStack,
  meeting: MeetingRow,
  principal: Principal,
  invitation: MeetingInvitationRow | null,
  options: { extent?: 'WHOLE' | 'PART'; isa?: boolean } = {},
): Promise<void> {
  await db(stack)
    .insert(meetingAttendanceTable)
    .values({
      attendanceId: randomUUID(),
      meetingId: meeting.meetingId,
      invitationId: invitation?.invitationId ?? null,
      staffId: principal.staffId,
      issuer: principal.issuer,
      agency: principal.agency,
      role: principal.roles[0]!,
      extent: options.extent ?? 'WHOLE',
      informationSharingAgreement: options.isa ?? true,
    });
}

/** The audit entries whose changes name `record` (the evidence of a mutation). */
export async function auditChangesOf(stack: MeetingTestStack, record: string): Promise<{ field: string; record: string }[]> {
  const result = await db(stack).execute(
    sql`select change->>'record' as record, change->>'field' as field from audit.entry, jsonb_array_elements(payload->'changes') as change where change->>'record' = ${record}`,
  );
  return (result as unknown as { rows: { field: string; record: string }[] }).rows;
}

/** Runs raw SQL expecting the database to refuse it; returns the error message. */
export async function refusedSql(stack: MeetingTestStack, statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await db(stack).execute(statement);
  } catch (error: unknown) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  throw new Error('the database accepted the statement');
}
