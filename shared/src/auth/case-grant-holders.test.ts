import { TEST_ISSUER } from '@mappa/testing';
import { MappaArea } from '../domain/mappa-area';
import type { Caller } from './caller';
import { GRANT_HOLDER_ROLES, GRANTABLE_PURPOSES, mayHoldCaseGrants } from './case-grant-holders';
import type { Role } from './principal';
import { PURPOSES } from './purpose';

const callerWith = (roles: Role[], purpose: Caller['declaredPurpose']['purpose']): Caller => ({
  principal: { issuer: TEST_ISSUER, staffId: 'HLT00001', agency: 'health', roles, area: MappaArea.KENT, clearance: 'BPSS' },
  declaredPurpose: { purpose, caseId: purpose === 'MAPPA_MEETING' || purpose === 'DISCLOSURE_DECISION' ? 'MTG-1' : null },
});

describe('who can hold a case access grant', () => {
  it('principle 5: a duty-to-co-operate attendee can, for the MAPPA purposes only', () => {
    for (const purpose of PURPOSES)
      expect([purpose, mayHoldCaseGrants(callerWith(['dtc_attendee'], purpose))]).toEqual([purpose, GRANTABLE_PURPOSES.includes(purpose)]);
  });

  it('principle 8: lay advisers, analysts and information governance never do; nor the MAPPA unit, which grants', () => {
    for (const role of ['lay_adviser', 'analyst', 'information_governance', 'mappa_coordinator', 'mappa_chair'] as const) {
      expect(GRANT_HOLDER_ROLES).not.toContain(role);
      expect(mayHoldCaseGrants(callerWith([role], 'MAPPA_MEETING'))).toBe(false);
    }
  });

  it('a principal with one grant-holding role among others can', () => {
    expect(mayHoldCaseGrants(callerWith(['mappa_chair', 'ppu_officer'], 'MAPPA_SCREENING'))).toBe(true);
  });
});
