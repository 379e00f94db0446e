import { TEST_ISSUER } from '../testing/test-gateway';
import { MappaArea } from '../domain/mappa-area';
import type { Caller } from './caller';
import { areaScopeOf, isUnder18, latestAdultDateOfBirth, requestDateOf, rowScopeOf, subjectInScope, unrestrictedRowScopeOf, victimLiaisonOfficerStaffId } from './row-scope';
import type { SubjectFacts } from './row-scope';

const NOW = new Date('2026-12-01T10:00:00Z');
const caller = (overrides: Partial<Caller['principal']> = {}, purpose: Caller['declaredPurpose'] = { purpose: 'CASE_MANAGEMENT', caseId: null }, caseGrants?: Caller['caseGrants']): Caller => ({
  principal: { issuer: TEST_ISSUER, staffId: 'PPU0001', agency: 'police', roles: ['ppu_officer'], area: MappaArea.KENT, clearance: 'BPSS', ...overrides },
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
  it('principle 2, R-3: the subject\'s responsible area must be the principal\'s; an area the owner cannot tell admits no one', () => {
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
    const meeting = { purpose: 'MAPPA_MEETING' as const, caseId: 'MTG-1' };
    expect(inScope(outside, caller({}, meeting, [grant({ purpose: 'MAPPA_MEETING', caseId: 'MTG-2' })]))).toBe(false);
    expect(inScope(outside, caller({}, meeting, [grant({ purpose: 'MAPPA_MEETING', caseId: 'MTG-1' })]))).toBe(true);
  });

  it('principle 5: a duty-to-co-operate attendee is in scope only through a grant, never by area, whatever other role they hold', () => {
    const attendee = { agency: 'housing' as const, roles: ['dtc_attendee' as const] };
    expect(areaScopeOf(caller(attendee).principal, 'MAPPA_MEETING')).toEqual({ kind: 'grantsOnly' });
    expect(inScope(subject(), caller(attendee))).toBe(false);
    expect(inScope(subject(), caller({ ...attendee, roles: ['dtc_attendee', 'ppu_officer'] }))).toBe(false);
    expect(inScope(subject(), caller(attendee, undefined, [grant()]))).toBe(true);
  });

  it('principle 10: information governance is national under AUDIT only, and only over its own agency\'s records', () => {
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

  it.each(['MAPPA_MEETING', 'DISCLOSURE_DECISION'] as const)('A.R25, B.10: under %s a subject under 18 on the request\'s date, or of unknown age, is out of scope even with a grant', (purpose) => {
    const declared = { purpose, caseId: 'CASE-1' };
    const grants = [grant({ purpose, caseId: 'CASE-1' })];
    expect(inScope(subject({ age: { dateOfBirth: '2008-12-02' } }), caller({}, declared, grants))).toBe(false);
    expect(inScope(subject({ age: { dateOfBirth: '2008-12-01' } }), caller({}, declared, grants))).toBe(true);
    expect(inScope(subject({ age: { dateOfBirth: null } }), caller({}, declared, grants))).toBe(false);
    expect(inScope(subject({ age: 'ADULTS_ONLY' }), caller({}, declared, grants))).toBe(true);
    // Under any other purpose age does not matter.
    expect(inScope(subject({ age: { dateOfBirth: '2012-01-01' } }), caller())).toBe(true);
  });

  it('ages on the request\'s date in England and Wales, a 29 February birthday counting from 1 March', () => {
    expect(requestDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(requestDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
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

  it('only a probation victim liaison officer has a VLO staff id', () => {
    expect(victimLiaisonOfficerStaffId(scopeOf(caller({ agency: 'probation', roles: ['victim_liaison_officer'], staffId: 'N07V100' })))).toBe('N07V100');
    expect(victimLiaisonOfficerStaffId(scopeOf(caller({ agency: 'probation', roles: ['probation_practitioner'], staffId: 'N07V100' })))).toBeNull();
    expect(victimLiaisonOfficerStaffId(scopeOf(caller({ agency: 'police', roles: ['victim_liaison_officer'], staffId: 'N07V100' })))).toBeNull();
  });

  it('issue 9 §2: a staff id decides access only from the owner\'s own identity provider (R-4, the VLO\'s victims)', () => {
    const vlo = { agency: 'probation' as const, roles: ['victim_liaison_officer' as const], staffId: 'N07V100' };
    const elsewhere = 'urn:mappa:another-provider';
    expect(victimLiaisonOfficerStaffId(scopeOf(caller({ ...vlo, issuer: elsewhere })))).toBeNull();
    // No staff-id issuer configured: no staff id is the owner's (deny by default).
    expect(victimLiaisonOfficerStaffId(rowScopeOf(caller(vlo), NOW))).toBeNull();
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
