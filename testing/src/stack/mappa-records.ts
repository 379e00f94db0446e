import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { TEST_ISSUER } from '../test-gateway';
import type { PrincipalAgency, PrincipalClaims, Role } from '@mappa/shared';
import type { TestStack } from './test-stack';

/*
 * The MAPPA unit's meeting and referral records a test needs, written straight into the test stack's
 * database (the workflow mutations that make them are other parts of issue 10). Each helper writes a
 * consistent set of rows: an invitation with the case grant it is, a meeting on the subject's active
 * MAPPA case. Staff are named by staff id with the test identity provider, as the test tokens are.
 */

const DAY_MS = 86_400_000;

async function execute(env: TestStack, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

export interface MeetingOptions {
  readonly meetingId?: string;
  /** The chair, who holds `mappa_chair` (default: a MAPPA unit chair who is not any test's principal). */
  readonly chair?: Pick<PrincipalClaims, 'staffId' | 'agency'>;
  readonly status?: 'SCHEDULED' | 'IN_SESSION' | 'CANCELLED';
  /** Default: an hour ago. */
  readonly scheduledFor?: Date;
}

/** A meeting about `pncId` on their active MAPPA case, in the case's area; in session (opened, MAPPA D read) unless told otherwise. Returns its id. */
export async function insertMeeting(env: TestStack, pncId: string, options: MeetingOptions = {}): Promise<string> {
  const meetingId = options.meetingId ?? `MTG-${randomUUID()}`;
  const status = options.status ?? 'IN_SESSION';
  const scheduledFor = options.scheduledFor ?? new Date(Date.now() - 3_600_000);
  const chair = options.chair ?? { staffId: 'CHAIR-TEST-0001', agency: 'mappa_unit' };
  const [mappaCase] = await execute(env, sql`select case_id, area from mappa.mappa_case where pnc_id = ${pncId} and status = 'ACTIVE'`);
  if (!mappaCase) throw new Error('the subject has no active MAPPA case');
  const opened = status === 'IN_SESSION' ? scheduledFor : null;
  const cancelled = status === 'CANCELLED' ? new Date() : null;
  await execute(
    env,
    sql`insert into mappa.meeting (meeting_id, case_id, pnc_id, area, kind, scheduled_for, chair_staff_id, chair_issuer, chair_agency, status, created_by_staff_id,
          confidentiality_statement_read_at, opened_at, cancelled_at, cancellation_reason)
        values (${meetingId}, ${String(mappaCase.case_id)}, ${pncId}, ${String(mappaCase.area)}, 'REVIEW', ${scheduledFor}, ${chair.staffId}, ${TEST_ISSUER}, ${chair.agency}, ${status}, 'MCU-TEST-0001',
          ${opened}, ${opened}, ${cancelled}, ${cancelled ? 'Test: cancelled' : null})`,
  );
  return meetingId;
}

/** Who an invitation names: one staff id (with the test issuer), or an agency's holders of a role. */
export type Invitee =
  { readonly staffId: string; readonly agency: PrincipalAgency } | { readonly agency: PrincipalAgency; readonly role: Role };

export interface InvitationOptions {
  /** Default: a week ahead. */
  readonly validUntil?: Date;
  /** A.R25, B.10: the agency was consulted in place of attending. */
  readonly consulted?: boolean;
}

/** Invites to the meeting: the invitation and the MAPPA_MEETING case grant for that meeting and its subject that it is. */
export async function inviteToMeeting(
  env: TestStack,
  meetingId: string,
  invitee: Invitee,
  options: InvitationOptions = {},
): Promise<{ invitationId: string; grantId: string }> {
  const [meeting] = await execute(env, sql`select pnc_id, area from mappa.meeting where meeting_id = ${meetingId}`);
  if (!meeting) throw new Error('no such meeting');
  const invitationId = `INV-${randomUUID()}`;
  const grantId = randomUUID();
  const validUntil = options.validUntil ?? new Date(Date.now() + 7 * DAY_MS);
  const validFrom = new Date(Math.min(Date.now() - 60_000, validUntil.getTime() - 60_000));
  const byStaff = 'staffId' in invitee;
  await execute(
    env,
    sql`insert into mappa.case_access_grant (grant_id, grantee_staff_id, grantee_issuer, grantee_agency, grantee_role, grantee_areas, pnc_id, purpose, case_id, valid_from, valid_until, reason, created_by_staff_id)
        values (${grantId}, ${byStaff ? invitee.staffId : null}, ${byStaff ? TEST_ISSUER : null}, ${byStaff ? null : invitee.agency}, ${byStaff ? null : invitee.role},
          ${byStaff ? null : sql`array[${String(meeting.area)}]::text[]`},
          ${String(meeting.pnc_id)}, 'MAPPA_MEETING', ${meetingId}, ${validFrom}, ${validUntil}, 'Test: invited to the meeting', 'MCU-TEST-0001')`,
  );
  await execute(
    env,
    sql`insert into mappa.meeting_invitation (invitation_id, meeting_id, invitee_agency, invitee_role, invitee_staff_id, invitee_issuer, reason, grant_id, invited_by_staff_id, consulted_at, consultation_note)
        values (${invitationId}, ${meetingId}, ${invitee.agency}, ${byStaff ? null : invitee.role}, ${byStaff ? invitee.staffId : null}, ${byStaff ? TEST_ISSUER : null},
          'Test: invited', ${grantId}, 'MCU-TEST-0001', ${options.consulted ? new Date() : null}, ${options.consulted ? 'Test: consulted' : null})`,
  );
  return { invitationId, grantId };
}

/** MAPPA E: `who` signs attendance at the meeting (answering `invitationId`, when given). */
export async function signAttendance(
  env: TestStack,
  meetingId: string,
  who: Pick<PrincipalClaims, 'staffId' | 'agency' | 'roles'>,
  invitationId: string | null = null,
): Promise<void> {
  await execute(
    env,
    sql`insert into mappa.meeting_attendance (attendance_id, meeting_id, invitation_id, staff_id, issuer, agency, role, extent, information_sharing_agreement)
        values (${randomUUID()}, ${meetingId}, ${invitationId}, ${who.staffId}, ${TEST_ISSUER}, ${who.agency}, ${who.roles[0]!}, 'WHOLE', true)
        on conflict do nothing`,
  );
}

/** The attendee leaves the meeting (the time of leaving is added once to the signed row). */
export async function leaveMeeting(env: TestStack, meetingId: string, staffId: string): Promise<void> {
  await execute(
    env,
    sql`update mappa.meeting_attendance set left_at = now() where meeting_id = ${meetingId} and staff_id = ${staffId} and issuer = ${TEST_ISSUER}`,
  );
}

export interface ReferralOptions {
  readonly referralId?: string;
  readonly status?: 'AWAITING_ENDORSEMENT' | 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';
  /** Default: the referrer's area. */
  readonly area?: string;
}

/** A MAPPA A referral about `pncId` made by `referrer` (their agency and area). Returns its id. */
export async function insertReferral(
  env: TestStack,
  pncId: string,
  referrer: Pick<PrincipalClaims, 'staffId' | 'agency' | 'area'>,
  options: ReferralOptions = {},
): Promise<string> {
  const referralId = options.referralId ?? `REF-${randomUUID()}`;
  const status = options.status ?? 'SUBMITTED';
  const submitted = status === 'AWAITING_ENDORSEMENT' ? null : new Date();
  const screened = status === 'ACCEPTED' || status === 'REJECTED' ? new Date() : null;
  const [mappaCase] = await execute(
    env,
    sql`select case_id from mappa.mappa_case where pnc_id = ${pncId} order by status = 'ACTIVE' desc limit 1`,
  );
  const endorsed = referrer.agency === 'yot' && submitted !== null;
  await execute(
    env,
    sql`insert into mappa.referral (referral_id, pnc_id, area, referring_agency, referrer_staff_id, referrer_issuer, category_sought, level_sought, subject_date_of_birth, in_custody,
          reasons, added_value, status, submitted_at, screening_due_date, endorsed_by_staff_id, endorsed_by_issuer, endorsed_at,
          screened_at, screened_by_staff_id, screened_by_issuer, accepted_category, accepted_level, accepted_lead_agency, rejection_reasons, case_id, withdrawn_at, withdrawal_reason)
        values (${referralId}, ${pncId}, ${options.area ?? referrer.area}, ${referrer.agency}, ${referrer.staffId}, ${TEST_ISSUER}, 2, 2, '1980-01-01', false,
          'Test: reasons', 'Test: added value', ${status}, ${submitted}, ${submitted ? '2026-12-31' : null},
          ${endorsed ? 'YOTMGR-TEST' : null}, ${endorsed ? TEST_ISSUER : null}, ${endorsed ? new Date() : null},
          ${screened}, ${screened ? 'MCU-TEST-0001' : null}, ${screened ? TEST_ISSUER : null},
          ${status === 'ACCEPTED' ? 2 : null}, ${status === 'ACCEPTED' ? 2 : null}, ${status === 'ACCEPTED' ? 'PROBATION' : null}, ${status === 'REJECTED' ? 'Test: rejected' : null},
          ${status === 'ACCEPTED' ? String(mappaCase?.case_id ?? 'none') : null}, ${status === 'WITHDRAWN' ? new Date() : null}, ${status === 'WITHDRAWN' ? 'Test: withdrawn' : null})`,
  );
  return referralId;
}
