import { CLEARANCES, decidePolicy, decodeGrant, isUnder18, calendarDateOf } from '@mappa/shared';
import type { AccessGrant, Caller, Clearance, PrincipalAgency, Role } from '@mappa/shared';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import type { MeetingAttendanceRow, MeetingInvitationRow, MeetingRow } from '../meeting/meeting.table';
import { MEETING_PACK_FIELDS } from './meeting-pack-fields.generated';

/*
 * The meeting pack preview (issue 10): for each invitee of a meeting (and its chair), what the pack
 * (MEETING_PACK) would give them, decided without reading a single value. Two separate things decide
 * what an attendee receives, and the preview reports both:
 *
 *  - Field policies: each field of the pack's subject selection against the invitee's role, agency,
 *    purpose (MAPPA_MEETING) and clearance, with the shared `decidePolicy` over the grants composed
 *    into the supergraph (MEETING_PACK_FIELDS, generated): the decision the gateway's early
 *    enforcement and each owner make for that caller. A grant with a per-record condition is decided
 *    by the owner on its record: the preview says so rather than guess.
 *  - Row scope: whether the subject is served to the invitee at all (B.25 attendance, principle 7's
 *    counter-terrorism gate, A.R25 / B.10 for a child), from what the MAPPA unit itself records.
 *
 * Only field coordinates, policy names and decisions leave this module, never a value, so the preview
 * shows the previewer nothing of the subject they could not read themselves.
 */

/** How the preview decides one field for one invitee. */
export type FieldDecisionKind = 'RECEIVED' | 'REFUSED' | 'OWNER_DECIDES_PER_RECORD';

export interface FieldPreview {
  readonly path: string;
  readonly field: string;
  readonly decision: FieldDecisionKind;
  /** REFUSED: the policy that refuses it (the field's own or an enclosing field's); otherwise the field's own. */
  readonly policy: string;
  /** OWNER_DECIDES_PER_RECORD: the per-record conditions the owner decides (`visorPartnerAgency`…). */
  readonly conditions: readonly string[];
}

/** Why the subject would not be served to an invitee at all, whatever their field policies. */
export type Withholding =
  | 'MEETING_CANCELLED'
  | 'NOT_ATTENDING'
  | 'COUNTER_TERRORISM_CLEARANCE_REQUIRED'
  | 'CHILD_SAFEGUARDS_NOT_MET'
  | 'ROLE_NOT_KNOWN_UNTIL_SIGNED';

export interface AttendeePreview {
  readonly standing: 'CHAIR' | 'INVITEE';
  readonly invitationId: string | null;
  readonly agency: PrincipalAgency;
  readonly role: Role | null;
  readonly staffId: string | null;
  readonly clearanceAssumed: Clearance;
  readonly attending: boolean;
  readonly subjectServed: boolean;
  readonly subjectWithheldBecause: readonly Withholding[];
  readonly fields: readonly FieldPreview[];
}

/** What the MAPPA unit holds about the meeting, read once per preview. */
export interface MeetingFacts {
  readonly meeting: MeetingRow;
  readonly mappaCase: MappaCaseRow;
  /** The live invitations (not withdrawn, their grant live), in the order made. */
  readonly invitations: readonly MeetingInvitationRow[];
  readonly attendance: readonly MeetingAttendanceRow[];
  /** A.R25, B.10: the YOT and children's services invited and attending or consulted (`childSafeguardsMet`, the rule the purpose evidence states). */
  readonly childSafeguardsMet: boolean;
}

// Decoded once: the grants travel encoded in the generated module, as in the supergraph.
const PACK_POLICIES = new Map<string, { readonly grants: readonly AccessGrant[] }>(
  MEETING_PACK_FIELDS.map((field) => [field.policy, { grants: field.grants.map(decodeGrant) }]),
);

/**
 * Invitations record no vetting, so an invitee is previewed at baseline (BPSS): what they are sure to
 * receive. A cleared invitee may receive more (a counter-terrorism restricted subject), never less.
 */
export const ASSUMED_CLEARANCE: Clearance = 'BPSS';

/**
 * Each pack field for one caller, in the pack's order. A field under a refused field is refused by
 * that field's policy (the gateway answers the enclosing path, and nothing under it is served); a
 * field under one the owner decides per record is decided with it.
 */
export function decidePackFields(caller: Caller): FieldPreview[] {
  const decided = new Map<string, FieldPreview>();
  return MEETING_PACK_FIELDS.map(({ path, coordinate, policy }) => {
    const parent = decided.get(path.slice(0, path.lastIndexOf('.')));
    let preview: FieldPreview;
    if (parent?.decision === 'REFUSED') {
      preview = { path, field: coordinate, decision: 'REFUSED', policy: parent.policy, conditions: [] };
    } else {
      const decision = decidePolicy(PACK_POLICIES.get(policy) ?? { grants: [] }, caller);
      const conditions = [...(parent?.conditions ?? []), ...(decision.kind === 'conditional' ? decision.conditions : [])];
      preview =
        decision.kind === 'none'
          ? { path, field: coordinate, decision: 'REFUSED', policy, conditions: [] }
          : {
              path,
              field: coordinate,
              decision: conditions.length > 0 ? 'OWNER_DECIDES_PER_RECORD' : 'RECEIVED',
              policy,
              conditions: [...new Set(conditions)],
            };
    }
    decided.set(path, preview);
    return preview;
  });
}

/** A signed attendance the attendee has not left (B.25, B.54). */
const present = (row: MeetingAttendanceRow | undefined): boolean => row !== undefined && row.leftAt === null;

/** The preview of every live invitee and the chair, at `now`. */
export function previewMeetingPack(facts: MeetingFacts, now: Date): AttendeePreview[] {
  const { meeting, mappaCase } = facts;
  const under18 = mappaCase.subjectDateOfBirth === null || isUnder18(mappaCase.subjectDateOfBirth, calendarDateOf(now));
  const childBlocked = under18 && !facts.childSafeguardsMet;
  const gatesFor = (clearance: Clearance, attending: boolean, roleKnown: boolean): Withholding[] => [
    ...(meeting.status === 'CANCELLED' ? (['MEETING_CANCELLED'] as const) : []),
    ...(mappaCase.counterTerrorismRestricted && CLEARANCES.indexOf(clearance) < CLEARANCES.indexOf('CTC')
      ? (['COUNTER_TERRORISM_CLEARANCE_REQUIRED'] as const)
      : []),
    ...(childBlocked ? (['CHILD_SAFEGUARDS_NOT_MET'] as const) : []),
    ...(attending ? [] : (['NOT_ATTENDING'] as const)),
    ...(roleKnown ? [] : (['ROLE_NOT_KNOWN_UNTIL_SIGNED'] as const)),
  ];
  const callerFor = (agency: PrincipalAgency, role: Role, staffId: string, issuer: string): Caller => ({
    principal: { issuer, staffId, agency, roles: [role], area: meeting.area, clearance: ASSUMED_CLEARANCE },
    declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: meeting.meetingId },
  });
  const previewOf = (
    base: Omit<AttendeePreview, 'subjectServed' | 'subjectWithheldBecause' | 'fields' | 'clearanceAssumed'>,
    issuer: string,
  ): AttendeePreview => {
    const withheld = gatesFor(ASSUMED_CLEARANCE, base.attending, base.role !== null);
    const fields = base.role === null ? [] : decidePackFields(callerFor(base.agency, base.role, base.staffId ?? 'invitee', issuer));
    return { ...base, clearanceAssumed: ASSUMED_CLEARANCE, subjectServed: withheld.length === 0, subjectWithheldBecause: withheld, fields };
  };

  // The chair holds the meeting: always attending (as the purpose evidence says of CHAIR).
  const chair = previewOf(
    {
      standing: 'CHAIR',
      invitationId: null,
      agency: meeting.chairAgency,
      role: 'mappa_chair',
      staffId: meeting.chairStaffId,
      attending: true,
    },
    meeting.chairIssuer,
  );
  const attendanceByInvitation = new Map(facts.attendance.flatMap((row) => (row.invitationId ? [[row.invitationId, row] as const] : [])));
  const invitees = facts.invitations
    .filter((invitation) => invitation.withdrawnAt === null)
    .map((invitation) => {
      const signed = attendanceByInvitation.get(invitation.invitationId);
      return previewOf(
        {
          standing: 'INVITEE',
          invitationId: invitation.invitationId,
          agency: invitation.inviteeAgency,
          // An invitation to one staff id may leave the role to the attendance sheet (MAPPA E).
          role: invitation.inviteeRole ?? signed?.role ?? null,
          staffId: invitation.inviteeStaffId ?? signed?.staffId ?? null,
          attending: present(signed),
        },
        invitation.inviteeIssuer ?? signed?.issuer ?? 'urn:mappa:invitee',
      );
    });
  return [chair, ...invitees];
}
