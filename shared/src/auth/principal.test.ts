import { agencyHoldsRole, DUTY_TO_CO_OPERATE_AGENCIES, PRINCIPAL_AGENCIES, ROLE_AGENCIES, ROLES } from './principal';
import type { PrincipalAgency, Role } from './principal';

const holders = (role: Role) => PRINCIPAL_AGENCIES.filter((agency) => agencyHoldsRole(agency, role));

describe('ROLE_AGENCIES: which agencies hold each role (domain README §3)', () => {
  it('issue 9 §2: names every role, and every role is held by some agency', () => {
    expect(Object.keys(ROLE_AGENCIES).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(holders(role).length).toBeGreaterThan(0);
  });

  it.each<[Role, readonly PrincipalAgency[]]>([
    ['ppu_officer', ['police']],
    ['visor_administrator', ['police']],
    ['ct_officer', ['police']],
    ['probation_practitioner', ['probation']],
    ['senior_probation_officer', ['probation']],
    ['victim_liaison_officer', ['probation']],
    ['approved_premises_staff', ['probation']],
    ['prison_offender_manager', ['prison']],
    ['yot_case_manager', ['yot']],
    ['yot_manager', ['yot']],
    ['mappa_coordinator', ['mappa_unit']],
    ['mappa_chair', ['police', 'probation', 'mappa_unit']],
    ['dtc_attendee', DUTY_TO_CO_OPERATE_AGENCIES],
    ['lay_adviser', ['mappa_unit']],
    ['analyst', ['police', 'probation', 'prison', 'yot', 'mappa_unit']],
    ['information_governance', PRINCIPAL_AGENCIES],
    // Issue 14, C.73, seed 000 §11: the Home Office's Criminal Casework case owner.
    ['immigration_case_owner', ['home_office']],
  ])('issue 9 §2: %s is held only in %j', (role, agencies) => {
    expect(holders(role)).toEqual(PRINCIPAL_AGENCIES.filter((agency) => agencies.includes(agency)));
  });

  it('issue 9 §2: housing + ppu_officer and jobcentre_plus + mappa_chair are not pairs anyone can hold', () => {
    expect(agencyHoldsRole('housing', 'ppu_officer')).toBe(false);
    expect(agencyHoldsRole('jobcentre_plus', 'mappa_chair')).toBe(false);
    // Duty-to-co-operate attendees come only from the duty-to-co-operate agencies.
    expect(agencyHoldsRole('police', 'dtc_attendee')).toBe(false);
  });
});
