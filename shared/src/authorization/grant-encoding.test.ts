import { decodeGrant, encodeGrant } from './grant-encoding';
import type { AccessGrant } from './field-policy';

describe('the access grant encoding composed into the supergraph', () => {
  it.each<[string, AccessGrant, string]>([
    [
      'roles and purposes',
      { roles: ['ppu_officer', 'ct_officer'], purposes: ['CASE_MANAGEMENT', 'MAPPA_MEETING'] },
      'roles=ppu_officer,ct_officer;purposes=CASE_MANAGEMENT,MAPPA_MEETING',
    ],
    [
      'A.R32: an agency condition',
      { roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: ['jobcentre_plus'] },
      'roles=dtc_attendee;purposes=MAPPA_MEETING;agencies=jobcentre_plus',
    ],
    [
      'principle 7: a clearance condition',
      { roles: ['ct_officer'], purposes: ['CASE_MANAGEMENT'], agencies: ['police'], minimumClearance: 'CTC' },
      'roles=ct_officer;purposes=CASE_MANAGEMENT;agencies=police;clearance=CTC',
    ],
    [
      'A.R5, A.R6: a per-record condition',
      { roles: ['prison_offender_manager'], purposes: ['CASE_MANAGEMENT'], agencies: ['prison'], condition: 'visorPartnerAgency' },
      'roles=prison_offender_manager;purposes=CASE_MANAGEMENT;agencies=prison;condition=visorPartnerAgency',
    ],
    [
      'a per-record condition after a clearance',
      { roles: ['ppu_officer'], purposes: ['CASE_MANAGEMENT'], minimumClearance: 'SC', condition: 'visorPartnerAgency' },
      'roles=ppu_officer;purposes=CASE_MANAGEMENT;clearance=SC;condition=visorPartnerAgency',
    ],
  ])('writes %s as one unambiguous string and reads it back unchanged', (_name, grant, encoded) => {
    expect(encodeGrant(grant)).toBe(encoded);
    expect(decodeGrant(encoded)).toEqual(grant);
  });

  it.each([
    ['an unknown role', 'roles=superuser;purposes=AUDIT'],
    ['an unknown purpose', 'roles=analyst;purposes=CURIOSITY'],
    ['a missing purpose list', 'roles=analyst'],
    ['an empty list', 'roles=;purposes=AUDIT'],
    ['an unknown key', 'roles=analyst;purposes=AUDIT;area=LONDON'],
    ['a repeated key', 'roles=analyst;purposes=AUDIT;purposes=STATISTICS'],
    ['keys out of order', 'purposes=AUDIT;roles=analyst'],
    ['spaces', 'roles=analyst; purposes=AUDIT'],
    ['an unknown record condition', 'roles=analyst;purposes=AUDIT;condition=alwaysTrue'],
    ['an empty record condition', 'roles=analyst;purposes=AUDIT;condition='],
    ['a record condition before the clearance', 'roles=analyst;purposes=AUDIT;condition=visorPartnerAgency;clearance=SC'],
  ])('principle 1: refuses %s rather than guess who may read', (_name, encoded) => {
    expect(() => decodeGrant(encoded)).toThrow(/Unreadable access grant/);
  });
});
