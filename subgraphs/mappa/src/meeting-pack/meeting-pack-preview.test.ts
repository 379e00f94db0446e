import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import type { MeetingAttendanceRow, MeetingInvitationRow, MeetingRow } from '../meeting/meeting.table';
import { decidePackFields, previewMeetingPack } from './meeting-pack-preview';
import type { MeetingFacts } from './meeting-pack-preview';
import { MEETING_PACK_FIELDS } from './meeting-pack-fields.generated';

const NOW = new Date('2026-12-01T10:00:00Z');
const ISSUER = 'urn:test:issuer';

const meeting: MeetingRow = {
  meetingId: 'MTG-1',
  caseId: 'MC-1',
  pncId: '2001/0000001A',
  area: 'LONDON' as MeetingRow['area'],
  kind: 'REVIEW',
  scheduledFor: NOW,
  chairStaffId: 'CHAIR1',
  chairIssuer: ISSUER,
  chairAgency: 'police',
  status: 'IN_SESSION',
  createdByStaffId: 'MCU1',
  createdAt: NOW,
  confidentialityStatementReadAt: NOW,
  openedAt: NOW,
  closedAt: null,
  cancelledAt: null,
  cancellationReason: null,
};

const mappaCase = {
  caseId: 'MC-1',
  pncId: meeting.pncId,
  category: 1,
  level: 2,
  area: meeting.area,
  counterTerrorismRestricted: false,
  subjectDateOfBirth: '1980-01-01',
} as MappaCaseRow;

function invitation(
  invitationId: string,
  inviteeAgency: MeetingInvitationRow['inviteeAgency'],
  inviteeRole: MeetingInvitationRow['inviteeRole'],
  extra: Partial<MeetingInvitationRow> = {},
): MeetingInvitationRow {
  return {
    invitationId,
    meetingId: meeting.meetingId,
    inviteeAgency,
    inviteeRole,
    inviteeStaffId: null,
    inviteeIssuer: null,
    reason: 'Invited',
    mappaFRequested: false,
    policeAgreementReference: null,
    grantId: `G-${invitationId}`,
    invitedAt: NOW,
    invitedByStaffId: 'MCU1',
    consultedAt: null,
    consultationNote: null,
    withdrawnAt: null,
    withdrawnByStaffId: null,
    withdrawalReason: null,
    ...extra,
  };
}

function signed(row: MeetingInvitationRow, staffId: string, extra: Partial<MeetingAttendanceRow> = {}): MeetingAttendanceRow {
  return {
    attendanceId: `A-${row.invitationId}`,
    meetingId: meeting.meetingId,
    invitationId: row.invitationId,
    staffId,
    issuer: ISSUER,
    agency: row.inviteeAgency,
    role: row.inviteeRole ?? 'dtc_attendee',
    extent: 'WHOLE',
    grade: null,
    informationSharingAgreement: true,
    signedAt: NOW,
    leftAt: null,
    ...extra,
  };
}

const housing = invitation('I-HOUSING', 'housing', 'dtc_attendee');
const police = invitation('I-POLICE', 'police', 'ppu_officer');
const facts = (extra: Partial<MeetingFacts> = {}): MeetingFacts => ({
  meeting,
  mappaCase,
  invitations: [housing, police],
  attendance: [signed(housing, 'H1')],
  childSafeguardsMet: false,
  ...extra,
});
const previewOf = (preview: ReturnType<typeof previewMeetingPack>, invitationId: string | null) =>
  preview.find((attendee) => attendee.invitationId === invitationId)!;
const decisionAt = (attendee: ReturnType<typeof previewMeetingPack>[number], path: string) =>
  attendee.fields.find((field) => field.path === path);

describe('meeting pack preview (decided without values)', () => {
  it('lists the chair first, then each live invitation, with every field of the pack in its order', () => {
    const preview = previewMeetingPack(facts(), NOW);
    expect(preview.map(({ standing, invitationId }) => [standing, invitationId])).toEqual([
      ['CHAIR', null],
      ['INVITEE', 'I-HOUSING'],
      ['INVITEE', 'I-POLICE'],
    ]);
    for (const attendee of preview) expect(attendee.fields.map(({ path }) => path)).toEqual(MEETING_PACK_FIELDS.map(({ path }) => path));
  });

  it('principle 5: a housing attendee receives the minimal summary and is refused police intelligence-bearing records, each refusal naming its policy', () => {
    const attendee = previewOf(previewMeetingPack(facts(), NOW), 'I-HOUSING');
    expect(attendee).toMatchObject({
      agency: 'housing',
      role: 'dtc_attendee',
      clearanceAssumed: 'BPSS',
      attending: true,
      subjectServed: true,
      subjectWithheldBecause: [],
    });
    expect(decisionAt(attendee, 'subject.identity.lastName')).toMatchObject({ decision: 'RECEIVED', policy: 'police.identityNames' });
    expect(decisionAt(attendee, 'subject.mappaCase.level')).toMatchObject({ decision: 'RECEIVED' });
    expect(decisionAt(attendee, 'subject.mappaCase.category')).toMatchObject({ decision: 'REFUSED' });
    expect(decisionAt(attendee, 'subject.visorNominal')).toMatchObject({ decision: 'REFUSED', policy: expect.stringMatching(/^police\./) });
  });

  it("a field under a refused field is refused by the enclosing field's policy (nothing under it is served)", () => {
    const attendee = previewOf(previewMeetingPack(facts(), NOW), 'I-HOUSING');
    const visor = decisionAt(attendee, 'subject.visorNominal')!;
    expect(decisionAt(attendee, 'subject.visorNominal.status')).toMatchObject({ decision: 'REFUSED', policy: visor.policy });
  });

  it('B.25: an invitee who has not signed attendance is served nothing of the subject until they do', () => {
    const attendee = previewOf(previewMeetingPack(facts(), NOW), 'I-POLICE');
    expect(attendee).toMatchObject({ attending: false, subjectServed: false, subjectWithheldBecause: ['NOT_ATTENDING'] });
    const left = previewOf(previewMeetingPack(facts({ attendance: [signed(housing, 'H1', { leftAt: NOW })] }), NOW), 'I-HOUSING');
    expect(left).toMatchObject({ attending: false, subjectServed: false, subjectWithheldBecause: ['NOT_ATTENDING'] });
  });

  it('principle 7: a counter-terrorism restricted subject is withheld from an invitee previewed at baseline clearance', () => {
    const preview = previewMeetingPack(facts({ mappaCase: { ...mappaCase, counterTerrorismRestricted: true } }), NOW);
    expect(previewOf(preview, 'I-HOUSING').subjectWithheldBecause).toEqual(['COUNTER_TERRORISM_CLEARANCE_REQUIRED']);
  });

  it("A.R25, B.10: a child's pack is withheld until the YOT and children's services are invited and attending or consulted", () => {
    const child = { ...mappaCase, subjectDateOfBirth: '2010-06-01' };
    expect(previewOf(previewMeetingPack(facts({ mappaCase: child }), NOW), 'I-HOUSING').subjectWithheldBecause).toEqual([
      'CHILD_SAFEGUARDS_NOT_MET',
    ]);
    expect(
      previewOf(previewMeetingPack(facts({ mappaCase: child, childSafeguardsMet: true }), NOW), 'I-HOUSING').subjectWithheldBecause,
    ).toEqual([]);
    const unknownAge = { ...mappaCase, subjectDateOfBirth: null };
    expect(previewOf(previewMeetingPack(facts({ mappaCase: unknownAge }), NOW), 'I-HOUSING').subjectWithheldBecause).toEqual([
      'CHILD_SAFEGUARDS_NOT_MET',
    ]);
    // An adult's pack does not wait for them.
    expect(previewOf(previewMeetingPack(facts(), NOW), 'I-HOUSING').subjectWithheldBecause).toEqual([]);
  });

  it('an invitation naming a staff id without a role is decided with the role signed in with, and not before', () => {
    const named = invitation('I-NAMED', 'probation', null, { inviteeStaffId: 'P1', inviteeIssuer: ISSUER });
    const before = previewOf(previewMeetingPack(facts({ invitations: [named], attendance: [] }), NOW), 'I-NAMED');
    expect(before).toMatchObject({ role: null, fields: [], subjectWithheldBecause: ['NOT_ATTENDING', 'ROLE_NOT_KNOWN_UNTIL_SIGNED'] });
    const after = previewOf(
      previewMeetingPack(facts({ invitations: [named], attendance: [signed(named, 'P1', { role: 'probation_practitioner' })] }), NOW),
      'I-NAMED',
    );
    expect(after).toMatchObject({ role: 'probation_practitioner', subjectServed: true });
    expect(decisionAt(after, 'subject.riskOfSeriousHarm.overallRiskLevel')).toMatchObject({ decision: 'RECEIVED' });
  });

  it('decides each field with the grants composed into the supergraph: the same caller under another purpose gets another answer', () => {
    const caller = {
      principal: {
        issuer: ISSUER,
        staffId: 'H1',
        agency: 'housing' as const,
        roles: ['dtc_attendee' as const],
        area: meeting.area,
        clearance: 'BPSS' as const,
      },
      declaredPurpose: { purpose: 'MAPPA_MEETING' as const, caseId: 'MTG-1' },
    };
    expect(decidePackFields(caller).some(({ decision }) => decision === 'RECEIVED')).toBe(true);
    expect(
      decidePackFields({ ...caller, declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null } }).every(
        ({ decision }) => decision === 'REFUSED',
      ),
    ).toBe(true);
  });
});
