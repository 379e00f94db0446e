import { MappaArea } from '@mappa/shared';
import { TEST_ISSUER } from '@mappa/testing';
import type { Caller, Role } from '@mappa/shared';
import { originatingForceOrAgreed, releasableToPartners } from './intelligence-originator.condition';

// The request's date a predicate is given; these conditions do not depend on it.
const TODAY = '2026-06-16';

const caller = (agency: Caller['principal']['agency'], role: Role, area: MappaArea): Caller => ({
  principal: { staffId: 'STAFF-1', agency, roles: [role], area, clearance: 'SC', issuer: TEST_ISSUER },
  declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
});
const item = (overrides: Record<string, unknown> = {}) => ({
  pncId: '2008/0545166T',
  originatorForce: 'Kent',
  handlingCode: 'P',
  agreedForceAreas: [],
  agreedWithMappaPartners: false,
  ...overrides,
});
const kentOfficer = caller('police', 'ppu_officer', MappaArea.KENT);
const londonOfficer = caller('police', 'ppu_officer', MappaArea.LONDON);

describe('originatingForceOrAgreed (principle 4, B §1)', () => {
  it("principle 4: holds for an officer of the originating force, not for another force's", () => {
    expect(originatingForceOrAgreed(item(), kentOfficer, TODAY)).toBe(true);
    expect(originatingForceOrAgreed(item(), londonOfficer, TODAY)).toBe(false);
  });

  it('principle 10: holds for another force only where the originator agreed with that force', () => {
    expect(originatingForceOrAgreed(item({ agreedForceAreas: [MappaArea.LONDON] }), londonOfficer, TODAY)).toBe(true);
    expect(originatingForceOrAgreed(item({ agreedForceAreas: [MappaArea.DORSET] }), londonOfficer, TODAY)).toBe(false);
  });

  it('deny by default: nobody outside the police, and nothing that is not an item', () => {
    expect(originatingForceOrAgreed(item(), caller('mappa_unit', 'mappa_chair', MappaArea.KENT), TODAY)).toBe(false);
    expect(originatingForceOrAgreed({ pncId: '2008/0545166T' }, kentOfficer, TODAY)).toBe(false);
    expect(originatingForceOrAgreed(null, kentOfficer, TODAY)).toBe(false);
  });
});

describe('releasableToPartners (handling code)', () => {
  it("principle 4: a P item's summary follows the grants; a C item's only with the originator's agreement for MAPPA partners", () => {
    const partner = caller('probation', 'probation_practitioner', MappaArea.KENT);
    expect(releasableToPartners(item(), partner, TODAY)).toBe(true);
    expect(releasableToPartners(item({ handlingCode: 'C' }), partner, TODAY)).toBe(false);
    expect(releasableToPartners(item({ handlingCode: 'C', agreedWithMappaPartners: true }), partner, TODAY)).toBe(true);
    // An agreement with another force is not one with the partners.
    expect(releasableToPartners(item({ handlingCode: 'C', agreedForceAreas: [MappaArea.KENT] }), partner, TODAY)).toBe(false);
    expect(releasableToPartners({ handlingCode: 'P' }, partner, TODAY)).toBe(false);
  });
});
