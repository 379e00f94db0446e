import { TEST_ISSUER } from '@mappa/testing';
import { MappaArea } from '../domain/mappa-area';
import type { Caller } from './caller';
import type { DetentionDecisionEvidence, MeetingEvidence, ReferralEvidence } from './purpose-evidence';
import { areaScopeOf, isUnder18, latestAdultDateOfBirth, rowScopeOf, subjectInScope, unrestrictedRowScopeOf } from './row-scope';
import type { SubjectFacts } from './row-scope';
import { calendarDateOf } from '../time/calendar-date';

const NOW = new Date('2026-12-01T10:00:00Z');
const caller = (
  overrides: Partial<Caller['principal']> = {},
  purpose: Caller['declaredPurpose'] = { purpose: 'CASE_MANAGEMENT', caseId: null },
  caseGrants?: Caller['caseGrants'],
): Caller => ({
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'PPU0001',
    agency: 'police',
    roles: ['ppu_officer'],
    area: MappaArea.KENT,
    clearance: 'BPSS',
    ...overrides,
  },
  declaredPurpose: purpose,
  ...(caseGrants ? { caseGrants } : {}),
});
const subject = (overrides: Partial<SubjectFacts> = {}): SubjectFacts => ({
  pncId: '2008/0545166T',
  counterTerrorismRestricted: false,
  area: MappaArea.KENT,
  age: { dateOfBirth: '1980-01-01' },
  ...overrides,
});
const grant = (overrides: Partial<NonNullable<Caller['caseGrants']>[number]> = {}) => ({
  grantId: 'G-1',
  pncId: '2008/0545166T',
  purpose: 'CASE_MANAGEMENT' as const,
  caseId: null,
  validUntil: '2026-12-01T11:00:00Z',
  ...overrides,
});
// The owner under test takes staff ids from TEST_ISSUER as its own.
const scopeOf = (who: Caller) => rowScopeOf(who, NOW, undefined, [TEST_ISSUER]);
const inScope = (facts: SubjectFacts, who: Caller) => subjectInScope(facts, scopeOf(who));

describe('row scope', () => {
  it("principle 2, R-3: the subject's responsible area must be the principal's; an area the owner cannot tell admits no one", () => {
    expect(inScope(subject(), caller())).toBe(true);
    expect(inScope(subject({ area: MappaArea.LONDON }), caller())).toBe(false);
    expect(inScope(subject({ area: null }), caller())).toBe(false);
  });

  it('principle 7: a counter-terrorism restricted subject needs CTC or above, in area or by grant', () => {
    expect(inScope(subject({ counterTerrorismRestricted: true }), caller())).toBe(false);
    expect(inScope(subject({ counterTerrorismRestricted: true }), caller({}, undefined, [grant()]))).toBe(false);
    expect(inScope(subject({ counterTerrorismRestricted: true }), caller({ clearance: 'CTC' }))).toBe(true);
  });

  it('a live grant for the subject widens scope beyond the area; an expired one, one for another purpose, case or person does not', () => {
    const outside = subject({ area: MappaArea.LONDON });
    expect(inScope(outside, caller({}, undefined, [grant()]))).toBe(true);
    expect(inScope(outside, caller({}, undefined, [grant({ validUntil: '2026-12-01T09:59:59Z' })]))).toBe(false);
    expect(inScope(outside, caller({}, undefined, [grant({ purpose: 'MAPPA_SCREENING' })]))).toBe(false);
    expect(inScope(outside, caller({}, undefined, [grant({ pncId: '2008/0545167B' })]))).toBe(false);
    // Issue 11: under DISCLOSURE_DECISION no grant counts, for the decision or another: its evidence does (below).
    const decision = { purpose: 'DISCLOSURE_DECISION' as const, caseId: 'DSC-MAPPA-1' };
    expect(inScope(outside, caller({}, decision, [grant({ purpose: 'DISCLOSURE_DECISION', caseId: 'DSC-MAPPA-2' })]))).toBe(false);
    expect(inScope(outside, caller({}, decision, [grant({ purpose: 'DISCLOSURE_DECISION', caseId: 'DSC-MAPPA-1' })]))).toBe(false);
  });

  it('principle 5: a duty-to-co-operate attendee is in scope only through a grant, never by area, whatever other role they hold', () => {
    const attendee = { agency: 'housing' as const, roles: ['dtc_attendee' as const] };
    expect(areaScopeOf(caller(attendee).principal, 'MAPPA_MEETING')).toEqual({ kind: 'grantsOnly' });
    expect(inScope(subject(), caller(attendee))).toBe(false);
    expect(inScope(subject(), caller({ ...attendee, roles: ['dtc_attendee', 'ppu_officer'] }))).toBe(false);
    expect(inScope(subject(), caller(attendee, undefined, [grant()]))).toBe(true);
  });

  it("principle 10: information governance is national under AUDIT only, and only over its own agency's records", () => {
    const ig = { agency: 'probation' as const, roles: ['information_governance' as const] };
    const audit = { purpose: 'AUDIT' as const, caseId: null };
    expect(subjectInScope(subject({ area: MappaArea.LONDON }), rowScopeOf(caller(ig, audit), NOW, 'probation'))).toBe(true);
    expect(inScope(subject({ area: MappaArea.LONDON }), caller(ig))).toBe(false);
    // Another owner's records, an agency that owns none, or an owner not named: no one at all, in area or not.
    expect(subjectInScope(subject(), rowScopeOf(caller(ig, audit), NOW, 'police'))).toBe(false);
    expect(subjectInScope(subject(), rowScopeOf(caller({ ...ig, agency: 'housing' }, audit), NOW, 'police'))).toBe(false);
    expect(subjectInScope(subject(), rowScopeOf(caller(ig, audit), NOW))).toBe(false);
    expect(areaScopeOf(caller({ ...ig, agency: 'housing' }).principal, 'AUDIT', 'police')).toEqual({ kind: 'none' });
  });

  it("A.R25, B.10, C.52: under DISCLOSURE_DECISION a subject under 18 on the request's date, or of unknown age, is out of scope until the decision has asked the YOT and children's services", () => {
    const declared = { purpose: 'DISCLOSURE_DECISION' as const, caseId: 'DSC-MAPPA-1' };
    const party = (childSafeguardsMet: boolean): Caller => ({
      ...caller({}, declared, [grant({ purpose: 'DISCLOSURE_DECISION', caseId: 'DSC-MAPPA-1' })]),
      purposeEvidence: {
        kind: 'DISCLOSURE',
        decisionId: 'DSC-MAPPA-1',
        pncId: '2008/0545166T',
        standing: 'PROPOSER',
        childSafeguardsMet,
        decisionOpen: true,
        validUntil: '2026-12-01T11:00:00Z',
      },
    });
    expect(inScope(subject({ age: { dateOfBirth: '2008-12-02' } }), party(false))).toBe(false);
    expect(inScope(subject({ age: { dateOfBirth: '2008-12-01' } }), party(false))).toBe(true);
    expect(inScope(subject({ age: { dateOfBirth: null } }), party(false))).toBe(false);
    expect(inScope(subject({ age: 'ADULTS_ONLY' }), party(false))).toBe(true);
    expect(inScope(subject({ age: { dateOfBirth: '2008-12-02' } }), party(true))).toBe(true);
    expect(inScope(subject({ age: { dateOfBirth: null } }), party(true))).toBe(true);
    // Under any other purpose age does not matter.
    expect(inScope(subject({ age: { dateOfBirth: '2012-01-01' } }), caller())).toBe(true);
  });

  it("ages on the request's date in England and Wales, a 29 February birthday counting from 1 March", () => {
    expect(calendarDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(calendarDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(latestAdultDateOfBirth('2026-12-01')).toBe('2008-12-01');
    expect(isUnder18('2008-02-29', '2026-02-28')).toBe(true);
    expect(isUnder18('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('R-4: a subject limited to its allocated staff is known only to that staff member of that agency, in area, and to grant holders', () => {
    const limited = subject({ limitedTo: { agency: 'probation', staffId: 'N07A123' } });
    const com = { agency: 'probation' as const, roles: ['probation_practitioner' as const], staffId: 'N07A123' };
    expect(inScope(limited, caller(com))).toBe(true);
    expect(inScope(limited, caller({ ...com, staffId: 'N07A124' }))).toBe(false);
    expect(inScope(limited, caller({ ...com, agency: 'police' }))).toBe(false);
    expect(inScope(limited, caller({ ...com, area: MappaArea.LONDON }))).toBe(false);
    expect(inScope(limited, caller({ ...com, staffId: 'N07A124' }, undefined, [grant()]))).toBe(true);
    expect(inScope(subject({ limitedTo: { agency: 'probation', staffId: null } }), caller(com))).toBe(false);
  });

  it("issue 9 §2: a staff id decides access only from the owner's own identity provider (R-4, the VLO's victims)", () => {
    const vlo = { agency: 'probation' as const, roles: ['victim_liaison_officer' as const], staffId: 'N07V100' };
    const elsewhere = 'urn:mappa:another-provider';
    expect(scopeOf(caller(vlo)).ownStaffId).toBe('N07V100');
    expect(scopeOf(caller({ ...vlo, issuer: elsewhere })).ownStaffId).toBeNull();
    // No staff-id issuer configured: no staff id is the owner's (deny by default).
    expect(rowScopeOf(caller(vlo), NOW).ownStaffId).toBeNull();
    const com = { agency: 'probation' as const, roles: ['probation_practitioner' as const], staffId: 'N07A123' };
    const limited = subject({ limitedTo: { agency: 'probation', staffId: 'N07A123' } });
    expect(inScope(limited, caller(com))).toBe(true);
    expect(inScope(limited, caller({ ...com, issuer: elsewhere }))).toBe(false);
  });

  it('benchmark only: the unrestricted scope (authorization off) admits every subject the rules above keep out; the enforced scope admits none of them', () => {
    const keptOut = [
      subject({ area: MappaArea.LONDON }),
      subject({ area: null }),
      subject({ counterTerrorismRestricted: true }),
      subject({ age: { dateOfBirth: '2015-01-01' } }),
      subject({ limitedTo: { agency: 'probation', staffId: 'N07A123' } }),
    ];
    const attendeeAtMeeting = caller({ agency: 'housing', roles: ['dtc_attendee'] }, { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' });
    for (const facts of keptOut) {
      expect(subjectInScope(facts, rowScopeOf(attendeeAtMeeting, NOW))).toBe(false);
      expect(subjectInScope(facts, unrestrictedRowScopeOf(attendeeAtMeeting))).toBe(true);
    }
  });
});

describe('row scope under the bound purposes (issue 10)', () => {
  const SUBJECT = '2008/0545166T';
  const OTHER = '2008/0545167B';
  const atMeeting = { purpose: 'MAPPA_MEETING' as const, caseId: 'MTG-1' };
  const meetingEvidence = (overrides: Partial<MeetingEvidence> = {}): MeetingEvidence => ({
    kind: 'MEETING',
    meetingId: 'MTG-1',
    pncId: SUBJECT,
    standing: 'INVITEE',
    invitationId: 'INV-1',
    attending: true,
    childSafeguardsMet: false,
    validUntil: '2026-12-01T11:00:00Z',
    ...overrides,
  });
  const referralEvidence = (overrides: Partial<ReferralEvidence> = {}): ReferralEvidence => ({
    kind: 'REFERRAL',
    referralId: 'REF-1',
    pncId: SUBJECT,
    validUntil: '2026-12-01T11:00:00Z',
    ...overrides,
  });
  const withEvidence = (who: Caller, purposeEvidence?: Caller['purposeEvidence']): Caller => ({
    ...who,
    ...(purposeEvidence ? { purposeEvidence } : {}),
  });
  const coordinator = { agency: 'mappa_unit' as const, roles: ['mappa_coordinator' as const], staffId: 'MCU0001' };

  it('issue 10: under MAPPA_MEETING no one reaches anyone by area, not even the co-ordinator: a made-up meeting id reaches no one (principle 9)', () => {
    expect(inScope(subject(), caller({}, atMeeting))).toBe(false);
    expect(inScope(subject(), caller(coordinator, atMeeting))).toBe(false);
    expect(scopeOf(caller(coordinator, atMeeting)).areaScope).toEqual({ kind: 'grantsOnly' });
  });

  it("issue 10: under MAPPA_MEETING the meeting's subject, and only it, is in scope with evidence for the declared meeting", () => {
    const invitee = withEvidence(caller({}, atMeeting), meetingEvidence());
    expect(inScope(subject(), invitee)).toBe(true);
    // Even outside the caller's area: the meeting, not the area, decides.
    expect(inScope(subject({ area: MappaArea.LONDON }), invitee)).toBe(true);
    expect(inScope(subject({ pncId: OTHER }), invitee)).toBe(false);
    expect(scopeOf(invitee).grantedPncIds).toEqual([SUBJECT]);
  });

  it('issue 10: evidence for another meeting, of the wrong kind, or expired counts for nothing', () => {
    expect(inScope(subject(), withEvidence(caller({}, atMeeting), meetingEvidence({ meetingId: 'MTG-2' })))).toBe(false);
    expect(inScope(subject(), withEvidence(caller({}, atMeeting), meetingEvidence({ validUntil: '2026-12-01T09:59:59Z' })))).toBe(false);
    expect(inScope(subject(), withEvidence(caller({}, { purpose: 'MAPPA_MEETING', caseId: 'REF-1' }), referralEvidence()))).toBe(false);
  });

  it('issue 10: under MAPPA_MEETING a case grant by itself reaches no one: only the evidence does (a grant for a meeting about someone else never counts)', () => {
    const grants = [grant({ purpose: 'MAPPA_MEETING', caseId: 'MTG-1', pncId: OTHER })];
    expect(inScope(subject({ pncId: OTHER }), caller({}, atMeeting, grants))).toBe(false);
    expect(inScope(subject({ pncId: OTHER }), withEvidence(caller({}, atMeeting, grants), meetingEvidence()))).toBe(false);
  });

  it('B.25, B.54: an invitee who has not signed attendance, or has left, reaches no one', () => {
    expect(inScope(subject(), withEvidence(caller({}, atMeeting), meetingEvidence({ attending: false })))).toBe(false);
  });

  it("principle 5, A.R26: a duty-to-co-operate invitee reaches the meeting's subject through the meeting only", () => {
    const housing = { agency: 'housing' as const, roles: ['dtc_attendee' as const] };
    expect(inScope(subject(), withEvidence(caller(housing, atMeeting), meetingEvidence()))).toBe(true);
    expect(inScope(subject(), caller(housing, atMeeting))).toBe(false);
  });

  it('principle 7: the counter-terrorism gate still holds at a meeting', () => {
    const invitee = (clearance: 'BPSS' | 'CTC') => withEvidence(caller({ clearance }, atMeeting), meetingEvidence());
    expect(inScope(subject({ counterTerrorismRestricted: true }), invitee('BPSS'))).toBe(false);
    expect(inScope(subject({ counterTerrorismRestricted: true }), invitee('CTC'))).toBe(true);
  });

  it("A.R25, B.10: at a meeting a subject under 18 (or of unknown age) is in scope exactly when the YOT and children's services are attending or consulted", () => {
    const child = subject({ age: { dateOfBirth: '2010-05-01' } });
    const unknownAge = subject({ age: { dateOfBirth: null } });
    const without = withEvidence(caller({}, atMeeting), meetingEvidence());
    const met = withEvidence(caller({}, atMeeting), meetingEvidence({ childSafeguardsMet: true }));
    expect(inScope(child, without)).toBe(false);
    expect(inScope(unknownAge, without)).toBe(false);
    expect(inScope(subject({ age: { dateOfBirth: '2008-12-01' } }), without)).toBe(true);
    expect(inScope(child, met)).toBe(true);
    expect(inScope(unknownAge, met)).toBe(true);
    // Meeting evidence counts for nothing under DISCLOSURE_DECISION, whatever it says.
    const decision = withEvidence(
      caller({}, { purpose: 'DISCLOSURE_DECISION', caseId: 'MTG-1' }, [grant({ purpose: 'DISCLOSURE_DECISION', caseId: 'MTG-1' })]),
      meetingEvidence({ childSafeguardsMet: true }),
    );
    expect(inScope(child, decision)).toBe(false);
  });

  it("issue 11, principle 9: under DISCLOSURE_DECISION only the decision's subject is in scope, for a party, whatever the area; no evidence reaches no one", () => {
    const declared = { purpose: 'DISCLOSURE_DECISION' as const, caseId: 'DSC-PROBATION-1' };
    const evidence = {
      kind: 'DISCLOSURE' as const,
      decisionId: 'DSC-PROBATION-1',
      pncId: SUBJECT,
      standing: 'PROPOSER' as const,
      childSafeguardsMet: true,
      decisionOpen: true,
      validUntil: '2026-12-01T11:00:00Z',
    };
    // A made-up id: the holder answers no evidence, so no one, in the caller's area or not, for the co-ordinator neither.
    expect(inScope(subject(), caller({}, declared))).toBe(false);
    expect(inScope(subject(), caller(coordinator, declared))).toBe(false);
    const party = withEvidence(caller({}, declared), evidence);
    expect(inScope(subject(), party)).toBe(true);
    expect(inScope(subject({ area: MappaArea.LONDON }), party)).toBe(true);
    expect(inScope(subject({ pncId: OTHER }), party)).toBe(false);
    // Evidence for another decision, or run out, counts for nothing.
    expect(inScope(subject(), withEvidence(caller({}, declared), { ...evidence, decisionId: 'DSC-PROBATION-2' }))).toBe(false);
    expect(inScope(subject(), withEvidence(caller({}, declared), { ...evidence, validUntil: '2026-12-01T09:59:59Z' }))).toBe(false);
    // Principle 1: a decision already made, withdrawn or decided against no longer reaches its subject's records.
    expect(inScope(subject(), withEvidence(caller({}, declared), { ...evidence, decisionOpen: false }))).toBe(false);
  });

  it('issue 10: under MAPPA_SCREENING the co-ordinator keeps area scope and grants', () => {
    const screening = { purpose: 'MAPPA_SCREENING' as const, caseId: null };
    expect(inScope(subject(), caller(coordinator, screening))).toBe(true);
    expect(inScope(subject({ area: MappaArea.LONDON }), caller(coordinator, screening))).toBe(false);
  });

  it("issue 10: under MAPPA_SCREENING anyone else reaches only the named referral's subject and their live screening grants, never by area", () => {
    const screening = { purpose: 'MAPPA_SCREENING' as const, caseId: 'REF-1' };
    expect(inScope(subject(), caller({}, { purpose: 'MAPPA_SCREENING', caseId: null }))).toBe(false);
    expect(inScope(subject(), caller({}, screening))).toBe(false);
    const referrer = withEvidence(caller({}, screening), referralEvidence());
    expect(inScope(subject(), referrer)).toBe(true);
    expect(inScope(subject({ pncId: OTHER }), referrer)).toBe(false);
    expect(inScope(subject(), withEvidence(caller({}, screening), referralEvidence({ referralId: 'REF-2' })))).toBe(false);
    expect(inScope(subject(), withEvidence(caller({}, screening), referralEvidence({ validUntil: '2026-12-01T09:59:59Z' })))).toBe(false);
    // A hand-made screening grant stays an exception, whatever the area.
    const granted = caller({}, screening, [grant({ purpose: 'MAPPA_SCREENING', pncId: OTHER })]);
    expect(inScope(subject({ pncId: OTHER, area: MappaArea.LONDON }), granted)).toBe(true);
    expect(inScope(subject(), granted)).toBe(false);
  });
});

describe('row scope under IMMIGRATION_DETENTION_DECISION and for the Home Office case owner (issue 14)', () => {
  const SUBJECT = '2008/0545166T';
  const OTHER = '2008/0545167B';
  const caseOwner = { agency: 'home_office' as const, roles: ['immigration_case_owner' as const], staffId: 'HOCC0001' };
  const atDecision = { purpose: 'IMMIGRATION_DETENTION_DECISION' as const, caseId: 'HOD-1-1' };
  const decisionEvidence = (overrides: Partial<DetentionDecisionEvidence> = {}): DetentionDecisionEvidence => ({
    kind: 'DETENTION_DECISION',
    decisionId: 'HOD-1-1',
    pncId: SUBJECT,
    decisionOpen: true,
    validUntil: '2026-12-01T11:00:00Z',
    ...overrides,
  });
  const withEvidence = (who: Caller, purposeEvidence: Caller['purposeEvidence']): Caller => ({
    ...who,
    ...(purposeEvidence ? { purposeEvidence } : {}),
  });

  it("C.72: the open decision's subject, and only it, is in scope for its case owner, whatever the area", () => {
    const owner = withEvidence(caller(caseOwner, atDecision), decisionEvidence());
    expect(inScope(subject({ area: MappaArea.LONDON }), owner)).toBe(true);
    expect(inScope(subject({ pncId: OTHER }), owner)).toBe(false);
    expect(scopeOf(owner).areaScope).toEqual({ kind: 'grantsOnly' });
  });

  it('C.72, principle 9: no evidence, a decided decision, another decision or expired evidence reach no one', () => {
    expect(inScope(subject(), caller(caseOwner, atDecision))).toBe(false);
    expect(inScope(subject(), withEvidence(caller(caseOwner, atDecision), decisionEvidence({ decisionOpen: false })))).toBe(false);
    expect(inScope(subject(), withEvidence(caller(caseOwner, atDecision), decisionEvidence({ decisionId: 'HOD-2-1' })))).toBe(false);
    expect(inScope(subject(), withEvidence(caller(caseOwner, atDecision), decisionEvidence({ validUntil: '2026-12-01T09:59:59Z' })))).toBe(
      false,
    );
  });

  it('C.72: evidence of another kind does not make the purpose true', () => {
    const referral = { kind: 'REFERRAL' as const, referralId: 'HOD-1-1', pncId: SUBJECT, validUntil: '2026-12-01T11:00:00Z' };
    expect(inScope(subject(), withEvidence(caller(caseOwner, atDecision), referral))).toBe(false);
  });

  it("principle 5, principle 9: for case management the case owner is area-scoped over the Home Office's records only, and reaches another owner's subjects through a grant alone", () => {
    const owner = caller(caseOwner);
    expect(areaScopeOf(owner.principal, 'CASE_MANAGEMENT', 'home_office')).toEqual({ kind: 'area', area: MappaArea.KENT });
    expect(areaScopeOf(owner.principal, 'CASE_MANAGEMENT', 'police')).toEqual({ kind: 'grantsOnly' });
    expect(areaScopeOf(owner.principal, 'CASE_MANAGEMENT')).toEqual({ kind: 'grantsOnly' });
  });
});
