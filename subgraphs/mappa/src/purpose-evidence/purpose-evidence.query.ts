import { and, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { GRANT_HOLDER_ROLES, isMappaCoordinator, calendarDateOf } from '@mappa/shared';
import type { Database, MeetingEvidence, Principal, ReferralEvidence, Role } from '@mappa/shared';
import { grantNamesPrincipal } from '../case-access-grant/case-access-grant.query';
import { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { jobcentreMayKnowCase } from '../offender/offender.scope';
import { meetingAttendanceTable, meetingInvitationTable, meetingTable } from '../meeting/meeting.table';
import type { MeetingRow } from '../meeting/meeting.table';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { childSafeguardsMetAt } from '../meeting/meeting.rules';
import { referralTable } from '../referral/referral.table';
import { ReferralStatus } from '../referral/referral.type';

/*
 * Purpose evidence (issue 10), computed from the MAPPA unit's own records for one caller and one
 * declared record: the meeting named in x-mappa-case under MAPPA_MEETING, the referral under
 * MAPPA_SCREENING. Only the caller's own standing is ever answered, and every way of not having one
 * (unknown id, cancelled meeting, a meeting about someone else, no invitation) is the same null
 * (principle 9).
 */

/** How long the chair's and co-ordinator's standing to a meeting lasts when no invitee's grant runs longer. */
export const MEETING_STANDING_DAYS = 28;

/**
 * How long referral evidence is vouched for: it is looked up afresh for every request, so this bounds
 * only a vouched copy (the assertion lives a minute); a withdrawn referral stops counting on the next request.
 */
export const REFERRAL_EVIDENCE_MINUTES = 10;

const OPEN_REFERRAL: readonly ReferralStatus[] = [ReferralStatus.AWAITING_ENDORSEMENT, ReferralStatus.SUBMITTED];
const SCREENED_REFERRAL: readonly ReferralStatus[] = [ReferralStatus.ACCEPTED, ReferralStatus.REJECTED];

/** A case grant row that is live at `now`: not revoked, started, not expired. */
function grantIsLive(now: Date): SQL | undefined {
  return and(isNull(caseAccessGrantTable.revokedAt), lte(caseAccessGrantTable.validFrom, now), gt(caseAccessGrantTable.validUntil, now));
}

/** The grant is this meeting's own: MAPPA_MEETING, for this meeting id and its subject (a grant about someone else never counts). */
function grantIsForMeeting(meeting: MeetingRow): SQL | undefined {
  return and(
    eq(caseAccessGrantTable.purpose, 'MAPPA_MEETING'),
    eq(caseAccessGrantTable.caseId, meeting.meetingId),
    eq(caseAccessGrantTable.pncId, meeting.pncId),
  );
}

/** An invitation to the meeting that still holds: not withdrawn, and its grant live and this meeting's own. */
function liveInvitationCondition(meeting: MeetingRow, now: Date): SQL | undefined {
  return and(
    eq(meetingInvitationTable.meetingId, meeting.meetingId),
    isNull(meetingInvitationTable.withdrawnAt),
    grantIsLive(now),
    grantIsForMeeting(meeting),
  );
}

/**
 * The caller named by staff id with its issuer, or by agency and one of the roles a grant or invitation
 * can name; and, since the invitation is its grant, named by that grant too (`grantNamesPrincipal`,
 * which for an agency and role also needs the caller's area to be one the grant holds in, issue 12).
 */
function inviteeCondition(principal: Principal): SQL | undefined {
  const roles = principal.roles.filter((role): role is Role => GRANT_HOLDER_ROLES.includes(role));
  const byStaffId = and(
    eq(meetingInvitationTable.inviteeStaffId, principal.staffId),
    eq(meetingInvitationTable.inviteeIssuer, principal.issuer),
  );
  const invitationNames =
    roles.length === 0
      ? byStaffId
      : or(
          byStaffId,
          and(
            isNull(meetingInvitationTable.inviteeStaffId),
            eq(meetingInvitationTable.inviteeAgency, principal.agency),
            inArray(meetingInvitationTable.inviteeRole, roles),
          ),
        );
  return and(invitationNames, grantNamesPrincipal(principal));
}

/** The caller's invitation to the meeting (or hand-made grant for it) that runs longest, or null. */
async function inviteeStanding(
  db: Database,
  principal: Principal,
  meeting: MeetingRow,
  now: Date,
): Promise<{ invitationId: string | null; validUntil: Date } | null> {
  const [invitation] = await db
    .select({ invitationId: meetingInvitationTable.invitationId, validUntil: caseAccessGrantTable.validUntil })
    .from(meetingInvitationTable)
    .innerJoin(caseAccessGrantTable, eq(caseAccessGrantTable.grantId, meetingInvitationTable.grantId))
    .where(and(liveInvitationCondition(meeting, now), inviteeCondition(principal)))
    .orderBy(desc(caseAccessGrantTable.validUntil))
    .limit(1);
  if (invitation) return invitation;
  // The exceptions: a co-ordinator's hand-made grant for this meeting and its subject.
  const [grant] = await db
    .select({ validUntil: caseAccessGrantTable.validUntil })
    .from(caseAccessGrantTable)
    .where(and(grantIsLive(now), grantIsForMeeting(meeting), grantNamesPrincipal(principal)))
    .orderBy(desc(caseAccessGrantTable.validUntil))
    .limit(1);
  return grant ? { invitationId: null, validUntil: grant.validUntil } : null;
}

/** B.25, B.54: the caller has signed attendance (MAPPA E) for the meeting and not left. */
async function isAttending(db: Database, principal: Principal, meetingId: string): Promise<boolean> {
  const rows = await db
    .select({ id: meetingAttendanceTable.attendanceId })
    .from(meetingAttendanceTable)
    .where(
      and(
        eq(meetingAttendanceTable.meetingId, meetingId),
        eq(meetingAttendanceTable.staffId, principal.staffId),
        eq(meetingAttendanceTable.issuer, principal.issuer),
        isNull(meetingAttendanceTable.leftAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Whether the MAPPA unit vouches a duty-to-co-operate agency's standing at a meeting about the case,
 * on what its own case record says of the subject: the Home Office only for a foreign national offender
 * (A.R38, C.72), Jobcentre Plus only for someone 18 or over (A.R31: MAPPA J is for adults). Every other
 * agency: yes. So no owner serves either agency a record about anyone else, whatever it holds itself
 * (probation holds no date of birth; its row scope applies this evidence).
 */
function caseAdmitsAgency(
  agency: Principal['agency'],
  mappaCase: Pick<MappaCaseRow, 'foreignNational' | 'subjectDateOfBirth'> | null,
  now: Date,
): boolean {
  if (agency !== 'home_office' && agency !== 'jobcentre_plus') return true;
  if (!mappaCase) return false;
  return agency === 'home_office' ? mappaCase.foreignNational : jobcentreMayKnowCase(mappaCase, calendarDateOf(now));
}

/** The chair's and co-ordinator's standing lasts as long as the longest invitee's, and at least `MEETING_STANDING_DAYS` after the meeting. */
async function holdersStandingUntil(db: Database, meeting: MeetingRow, now: Date): Promise<Date> {
  const floor = new Date(meeting.scheduledFor.getTime() + MEETING_STANDING_DAYS * 24 * 60 * 60 * 1000);
  const [latest] = await db
    .select({ validUntil: caseAccessGrantTable.validUntil })
    .from(meetingInvitationTable)
    .innerJoin(caseAccessGrantTable, eq(caseAccessGrantTable.grantId, meetingInvitationTable.grantId))
    .where(liveInvitationCondition(meeting, now))
    .orderBy(desc(caseAccessGrantTable.validUntil))
    .limit(1);
  return latest && latest.validUntil > floor ? latest.validUntil : floor;
}

/**
 * The caller's standing to meeting `meetingId`, or null: the co-ordinator of the meeting's area, its
 * chair (by staff id and issuer, holding the chair role), or an invitee (a live invitation that names
 * them with its grant live, or a live hand-made grant for this meeting and its subject). A cancelled or
 * unknown meeting, or a standing that has run out, is null.
 *
 * On the critical path of every MAPPA_MEETING request (the gateway asks for it before any agency), so
 * it waits for as few round trips as the rules allow: the meeting is read with its case (the subject's
 * date of birth and nationality: the children rule and `caseAdmitsAgency`) in one statement, then the
 * caller's invitation, their attendance and, for a child only, the safeguard records are read at once,
 * each from the database afresh: two waits for an adult's meeting instead of four in turn.
 */
export async function meetingEvidenceFor(
  db: Database,
  principal: Principal,
  meetingId: string,
  now: Date,
): Promise<MeetingEvidence | null> {
  const [row] = await db
    .select()
    .from(meetingTable)
    .leftJoin(mappaCaseTable, eq(mappaCaseTable.caseId, meetingTable.caseId))
    .where(eq(meetingTable.meetingId, meetingId));
  if (!row || row.meeting.status === 'CANCELLED') return null;
  const { meeting, mappa_case: mappaCase } = row;
  // B.49, OQ 4: the meeting's day, by which the prison's MAPPA F reports name the meeting they were written for.
  const base = {
    kind: 'MEETING' as const,
    meetingId: meeting.meetingId,
    pncId: meeting.pncId,
    meetingDate: calendarDateOf(meeting.scheduledFor),
  };
  // A.R25, B.10: as the chair's opening and closing check it; a meeting without its case fails closed.
  const safeguards = mappaCase
    ? childSafeguardsMetAt(db, {
        meetingId: meeting.meetingId,
        scheduledFor: meeting.scheduledFor,
        subjectDateOfBirth: mappaCase.subjectDateOfBirth,
      })
    : Promise.resolve(false);
  let standing: Pick<MeetingEvidence, 'standing' | 'invitationId' | 'attending'> & { validUntil: Date };
  let childSafeguards: boolean;
  if (isMappaCoordinator(principal) && meeting.area === principal.area) {
    const [validUntil, met] = await Promise.all([holdersStandingUntil(db, meeting, now), safeguards]);
    standing = { standing: 'COORDINATOR', invitationId: null, attending: true, validUntil };
    childSafeguards = met;
  } else if (
    meeting.chairStaffId === principal.staffId &&
    meeting.chairIssuer === principal.issuer &&
    principal.roles.includes('mappa_chair')
  ) {
    const [validUntil, met] = await Promise.all([holdersStandingUntil(db, meeting, now), safeguards]);
    standing = { standing: 'CHAIR', invitationId: null, attending: true, validUntil };
    childSafeguards = met;
  } else {
    // A.R38, C.72 and A.R31: the MAPPA unit vouches the Home Office's standing only at a meeting about a
    // foreign national offender, and Jobcentre Plus's only about an adult (`caseAdmitsAgency`).
    if (!caseAdmitsAgency(principal.agency, mappaCase, now)) {
      await safeguards;
      return null;
    }
    // Independent reads, at once: whether attending and the children rule are only ever used with a standing.
    const [invitee, attending, met] = await Promise.all([
      inviteeStanding(db, principal, meeting, now),
      isAttending(db, principal, meeting.meetingId),
      safeguards,
    ]);
    if (!invitee) return null;
    standing = { standing: 'INVITEE', invitationId: invitee.invitationId, attending, validUntil: invitee.validUntil };
    childSafeguards = met;
  }
  if (standing.validUntil.getTime() <= now.getTime()) return null;
  return { ...base, ...standing, childSafeguardsMet: childSafeguards, validUntil: standing.validUntil.toISOString() };
}

/**
 * The referral that makes MAPPA_SCREENING true for a caller other than the co-ordinator, or null: an
 * open referral (awaiting endorsement or submitted) made by the caller's agency in the caller's area,
 * or a screened one (accepted or rejected) the caller referred or endorsed (staff id with issuer).
 */
export async function referralEvidenceFor(
  db: Database,
  principal: Principal,
  referralId: string,
  now: Date,
): Promise<ReferralEvidence | null> {
  if (isMappaCoordinator(principal)) return null;
  const [referral] = await db
    .select({ referralId: referralTable.referralId, pncId: referralTable.pncId })
    .from(referralTable)
    .where(
      and(
        eq(referralTable.referralId, referralId),
        or(
          and(
            inArray(referralTable.status, [...OPEN_REFERRAL]),
            eq(referralTable.referringAgency, principal.agency),
            eq(referralTable.area, principal.area),
          ),
          and(
            inArray(referralTable.status, [...SCREENED_REFERRAL]),
            or(
              and(eq(referralTable.referrerStaffId, principal.staffId), eq(referralTable.referrerIssuer, principal.issuer)),
              and(eq(referralTable.endorsedByStaffId, principal.staffId), eq(referralTable.endorsedByIssuer, principal.issuer)),
            ),
          ),
        ),
      ),
    );
  if (!referral) return null;
  return {
    kind: 'REFERRAL',
    referralId: referral.referralId,
    pncId: referral.pncId,
    validUntil: new Date(now.getTime() + REFERRAL_EVIDENCE_MINUTES * 60 * 1000).toISOString(),
  };
}
