import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import type { PrincipalAgency, Role } from '../auth/principal';

/*
 * BENCHMARK AND TESTS ONLY (here rather than in @mappa/testing because the benchmark, built with the
 * stack, seeds it too): a MAPP meeting in session written straight into the MAPPA unit's tables,
 * as the meeting workflow leaves it (scheduled, each invitation with the case grant it creates, opened
 * by the chair under the confidentiality statement, attendance signed). Plain SQL, because shared code
 * never imports a subgraph's tables; the meeting workflow's own tests cover how the records come about.
 */

/** One invitee: an agency and role (its single point of contact signs as `staffId`), signed in or not yet. */
export interface MeetingFixtureInvitee {
  readonly agency: PrincipalAgency;
  readonly role: Role;
  /** The staff id that signs attendance (and the token's staff id in a test). */
  readonly staffId: string;
  readonly signed: boolean;
}

export interface MeetingFixture {
  readonly meetingId: string;
  readonly pncId: string;
  /** Invitation id of each invitee, in the order given. */
  readonly invitationIds: readonly string[];
}

/** Writes a level 2/3 meeting in session about the subject of the active MAPPA case of `pncId`. */
export async function insertMeetingInSession(
  db: Database,
  options: {
    readonly pncId: string;
    readonly chair: { readonly staffId: string; readonly issuer: string; readonly agency: 'police' | 'probation' | 'mappa_unit' };
    readonly issuer: string;
    readonly invitees: readonly MeetingFixtureInvitee[];
    readonly meetingId?: string;
  },
): Promise<MeetingFixture> {
  const meetingId = options.meetingId ?? randomUUID();
  const found = (await db.execute(
    sql`select case_id, area from mappa.mappa_case where pnc_id = ${options.pncId} and status = 'ACTIVE'`,
  )) as unknown as { rows: { case_id: string; area: string }[] };
  const mappaCase = found.rows[0];
  if (!mappaCase) throw new Error('insertMeetingInSession: the subject has no active MAPPA case');
  const now = new Date();
  const validUntil = new Date(now.getTime() + 14 * 86_400_000);
  const { chair } = options;
  await db.execute(sql`insert into mappa.meeting (meeting_id, case_id, pnc_id, area, kind, scheduled_for, chair_staff_id, chair_issuer, chair_agency, status, created_by_staff_id)
    values (${meetingId}, ${mappaCase.case_id}, ${options.pncId}, ${mappaCase.area}, 'REVIEW', ${now.toISOString()}, ${chair.staffId}, ${chair.issuer}, ${chair.agency}, 'SCHEDULED', 'MCU-FIXTURE')`);
  const invitationIds: string[] = [];
  for (const invitee of options.invitees) {
    const grantId = randomUUID();
    const invitationId = randomUUID();
    invitationIds.push(invitationId);
    await db.execute(sql`insert into mappa.case_access_grant (grant_id, grantee_agency, grantee_role, grantee_areas, pnc_id, purpose, case_id, valid_from, valid_until, reason, created_by_staff_id)
      values (${grantId}, ${invitee.agency}, ${invitee.role}, array[${mappaCase.area}]::text[], ${options.pncId}, 'MAPPA_MEETING', ${meetingId}, ${now.toISOString()}, ${validUntil.toISOString()}, 'Invited to the meeting', 'MCU-FIXTURE')`);
    await db.execute(sql`insert into mappa.meeting_invitation (invitation_id, meeting_id, invitee_agency, invitee_role, reason, grant_id, invited_by_staff_id)
      values (${invitationId}, ${meetingId}, ${invitee.agency}, ${invitee.role}, 'Invited to the meeting', ${grantId}, 'MCU-FIXTURE')`);
  }
  await db.execute(
    sql`update mappa.meeting set status = 'IN_SESSION', opened_at = ${now.toISOString()}, confidentiality_statement_read_at = ${now.toISOString()} where meeting_id = ${meetingId}`,
  );
  for (const [index, invitee] of options.invitees.entries()) {
    if (!invitee.signed) continue;
    await db.execute(sql`insert into mappa.meeting_attendance (attendance_id, meeting_id, invitation_id, staff_id, issuer, agency, role, extent, information_sharing_agreement)
      values (${randomUUID()}, ${meetingId}, ${invitationIds[index]!}, ${invitee.staffId}, ${options.issuer}, ${invitee.agency}, ${invitee.role}, 'WHOLE', true)`);
  }
  return { meetingId, pncId: options.pncId, invitationIds };
}
