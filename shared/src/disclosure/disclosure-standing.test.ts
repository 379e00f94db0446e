import { MappaArea } from '../domain/mappa-area';
import type { Principal } from '../auth/principal';
import { DISCLOSURE_EVIDENCE_MINUTES, disclosureStandingOf } from './disclosure-standing';
import type { DisclosureStandingFacts } from './disclosure-standing';

const NOW = new Date('2026-12-01T10:00:00Z');
const ISSUER = 'https://idp.test';
const who = (agency: Principal['agency'], roles: Principal['roles'], overrides: Partial<Principal> = {}): Principal => ({
  issuer: ISSUER,
  staffId: `${agency.toUpperCase()}-1`,
  agency,
  roles,
  area: MappaArea.KENT,
  clearance: 'BPSS',
  ...overrides,
});
const facts = (
  decisionId: string,
  overrides: Partial<DisclosureStandingFacts> = {},
  decision: Partial<DisclosureStandingFacts['decision']> = {},
): DisclosureStandingFacts => ({
  decision: {
    decisionId,
    pncId: '2008/0545166T',
    area: MappaArea.KENT,
    subjectUnder18: false,
    proposedByStaffId: 'PROPOSER-1',
    proposedByIssuer: ISSUER,
    status: 'PROPOSED',
    outcome: null,
    ...decision,
  },
  items: [],
  consultations: [],
  meetingChair: decisionId.startsWith('DSC-MAPPA-') ? { staffId: 'CHAIR-1', issuer: ISSUER } : null,
  ...overrides,
});
const standing = (principal: Principal, of: DisclosureStandingFacts) => disclosureStandingOf(principal, of, NOW)?.standing ?? null;

const PROPOSER = who('probation', ['probation_practitioner'], { staffId: 'PROPOSER-1' });
const CHAIR = who('police', ['mappa_chair'], { staffId: 'CHAIR-1' });
const COORDINATOR = who('mappa_unit', ['mappa_coordinator']);
const SPO = who('probation', ['senior_probation_officer']);
const PPU = who('police', ['ppu_officer']);
const YOT_MANAGER = who('yot', ['yot_manager']);
const CHILDRENS_SERVICES = who('children_social_care', ['dtc_attendee']);
const VLO = who('probation', ['victim_liaison_officer']);
const POM = who('prison', ['prison_offender_manager']);

describe('disclosure standing (shared-spec "Standing")', () => {
  it('principle 1: the evidence reaches the subject only while the decision is still to be made', () => {
    const open = (status: DisclosureStandingFacts['decision']['status'], outcome: DisclosureStandingFacts['decision']['outcome'] = null) =>
      disclosureStandingOf(PROPOSER, facts('DSC-MAPPA-1', {}, { status, outcome }), NOW)?.decisionOpen;
    expect([open('PROPOSED'), open('CONSULTING'), open('DECIDED', 'DISCLOSE')]).toEqual([true, true, true]);
    expect([open('DECIDED', 'NOT_DISCLOSE'), open('MADE', 'DISCLOSE'), open('WITHDRAWN')]).toEqual([false, false, false]);
  });

  it('B.7: the proposer of a decision stands to it, by staff id with its issuer; the same staff id from another provider does not', () => {
    expect(standing(PROPOSER, facts('DSC-MAPPA-1'))).toBe('PROPOSER');
    expect(standing({ ...PROPOSER, issuer: 'https://elsewhere.test' }, facts('DSC-MAPPA-1'))).toBeNull();
  });

  it('B §2 "Who decides": at levels 2 and 3 the chair of the decision\'s meeting, acting as chair, decides', () => {
    expect(standing(CHAIR, facts('DSC-MAPPA-1'))).toBe('DECISION_MAKER');
    expect(standing({ ...CHAIR, roles: ['ppu_officer'] }, facts('DSC-MAPPA-1'))).toBeNull();
    expect(standing(CHAIR, facts('DSC-MAPPA-1', { meetingChair: { staffId: 'CHAIR-2', issuer: ISSUER } }))).toBeNull();
  });

  it('B §2 "Level 1": the lead agency\'s manager decides: a senior probation officer for probation, a PPU officer other than the proposer for the police', () => {
    expect(standing(SPO, facts('DSC-PROBATION-1'))).toBe('DECISION_MAKER');
    expect(standing(PPU, facts('DSC-POLICE-1'))).toBe('DECISION_MAKER');
    const policeProposer = who('police', ['ppu_officer'], { staffId: 'PROPOSER-1' });
    expect(standing(policeProposer, facts('DSC-POLICE-1'))).toBe('PROPOSER');
    // A level 1 decision is the lead agency's: the other agency's manager roles decide nothing there.
    expect(standing(SPO, facts('DSC-POLICE-1'))).toBeNull();
    expect(standing(PPU, facts('DSC-PROBATION-1'))).toBeNull();
  });

  it('B §2 "Level 1": the co-ordinator stands to the area\'s level 2/3 decisions and to no level 1 decision', () => {
    expect(standing(COORDINATOR, facts('DSC-MAPPA-1'))).toBe('COORDINATOR');
    expect(standing(COORDINATOR, facts('DSC-PROBATION-1'))).toBeNull();
    expect(standing(COORDINATOR, facts('DSC-POLICE-1'))).toBeNull();
  });

  it("B.8, C.29: the owner of a live item's source record stands to the decision; a removed item makes no one an owner", () => {
    const item = { sourceAgency: 'prison' as const, victimIdentifying: false, removedAt: null };
    expect(standing(POM, facts('DSC-MAPPA-1', { items: [item] }))).toBe('OWNER');
    expect(standing(POM, facts('DSC-MAPPA-1', { items: [{ ...item, removedAt: NOW }] }))).toBeNull();
    // The owner's agreement roles only: another prison role, or the role in another agency, is no owner.
    expect(standing(who('prison', ['dtc_attendee']), facts('DSC-MAPPA-1', { items: [item] }))).toBeNull();
    expect(standing(PPU, facts('DSC-MAPPA-1', { items: [item] }))).toBeNull();
  });

  it('B.15: the victim liaison officer stands to a decision with a live victim-identifying item, and only then', () => {
    const item = { sourceAgency: 'police' as const, victimIdentifying: true, removedAt: null };
    expect(standing(VLO, facts('DSC-MAPPA-1', { items: [item] }))).toBe('OWNER');
    expect(standing(VLO, facts('DSC-MAPPA-1', { items: [{ ...item, victimIdentifying: false }] }))).toBeNull();
    expect(standing(VLO, facts('DSC-MAPPA-1', { items: [{ ...item, removedAt: NOW }] }))).toBeNull();
  });

  it('B.10, B.11, B.12: a consultee stands once their consultation is requested, not merely because it will be required', () => {
    expect(standing(YOT_MANAGER, facts('DSC-MAPPA-1', {}, { subjectUnder18: true }))).toBeNull();
    expect(standing(YOT_MANAGER, facts('DSC-MAPPA-1', { consultations: [{ kind: 'YOT_SENIOR' }] }))).toBe('CONSULTEE');
    expect(standing(CHILDRENS_SERVICES, facts('DSC-MAPPA-1', { consultations: [{ kind: 'CHILDRENS_SERVICES' }] }))).toBe('CONSULTEE');
    expect(
      standing(who('adult_social_care', ['dtc_attendee']), facts('DSC-MAPPA-1', { consultations: [{ kind: 'ADULT_SOCIAL_CARE' }] })),
    ).toBe('CONSULTEE');
    // Another duty-to-co-operate agency answers no consultation.
    expect(
      standing(
        who('health', ['dtc_attendee']),
        facts('DSC-MAPPA-1', { consultations: [{ kind: 'CHILDRENS_SERVICES' }, { kind: 'ADULT_SOCIAL_CARE' }] }),
      ),
    ).toBeNull();
  });

  it('principle 2, A.R9: a party of another area stands to nothing, whatever their standing would be', () => {
    const london = { area: MappaArea.LONDON };
    expect(standing({ ...PROPOSER, ...london }, facts('DSC-MAPPA-1'))).toBeNull();
    expect(standing({ ...COORDINATOR, ...london }, facts('DSC-MAPPA-1'))).toBeNull();
    expect(standing({ ...SPO, ...london }, facts('DSC-PROBATION-1'))).toBeNull();
  });

  it("principle 9: rows whose id is no decision id give no standing, so they can never be read under another holder's rules", () => {
    expect(disclosureStandingOf(COORDINATOR, facts('MTG-1'), NOW)).toBeNull();
    expect(disclosureStandingOf(PROPOSER, facts('DSC-OTHER-1'), NOW)).toBeNull();
  });

  it('the strongest standing is answered: decision maker, co-ordinator, proposer, owner, consultee', () => {
    const chairWhoProposed = { ...CHAIR, staffId: 'PROPOSER-1' };
    expect(standing(chairWhoProposed, facts('DSC-MAPPA-1', { meetingChair: { staffId: 'PROPOSER-1', issuer: ISSUER } }))).toBe(
      'DECISION_MAKER',
    );
    const coordinatorWhoProposed = { ...COORDINATOR, staffId: 'PROPOSER-1' };
    expect(
      standing(
        coordinatorWhoProposed,
        facts('DSC-MAPPA-1', { items: [{ sourceAgency: 'mappa_unit', victimIdentifying: false, removedAt: null }] }),
      ),
    ).toBe('COORDINATOR');
    const ownerWhoProposed = { ...POM, staffId: 'PROPOSER-1' };
    expect(
      standing(ownerWhoProposed, facts('DSC-MAPPA-1', { items: [{ sourceAgency: 'prison', victimIdentifying: false, removedAt: null }] })),
    ).toBe('PROPOSER');
    const yotOwnerAndConsultee = facts('DSC-MAPPA-1', {
      items: [{ sourceAgency: 'yot', victimIdentifying: false, removedAt: null }],
      consultations: [{ kind: 'YOT_SENIOR' }],
    });
    expect(standing(YOT_MANAGER, yotOwnerAndConsultee)).toBe('OWNER');
  });

  it("A.R25, B.10, C.52: for a subject under 18 the safeguards are met only once both the senior YOT member and children's services are asked", () => {
    const child = { subjectUnder18: true };
    expect(disclosureStandingOf(PROPOSER, facts('DSC-MAPPA-1', {}, child), NOW)?.childSafeguardsMet).toBe(false);
    expect(
      disclosureStandingOf(PROPOSER, facts('DSC-MAPPA-1', { consultations: [{ kind: 'YOT_SENIOR' }] }, child), NOW)?.childSafeguardsMet,
    ).toBe(false);
    expect(
      disclosureStandingOf(PROPOSER, facts('DSC-MAPPA-1', { consultations: [{ kind: 'CHILDRENS_SERVICES' }] }, child), NOW)
        ?.childSafeguardsMet,
    ).toBe(false);
    expect(
      disclosureStandingOf(
        PROPOSER,
        facts('DSC-MAPPA-1', { consultations: [{ kind: 'YOT_SENIOR' }, { kind: 'CHILDRENS_SERVICES' }] }, child),
        NOW,
      )?.childSafeguardsMet,
    ).toBe(true);
    expect(disclosureStandingOf(PROPOSER, facts('DSC-MAPPA-1'), NOW)?.childSafeguardsMet).toBe(true);
  });

  it('the evidence names the decision and its subject, and holds for a short while only (looked up afresh on every request)', () => {
    expect(disclosureStandingOf(PROPOSER, facts('DSC-PROBATION-7'), NOW)).toEqual({
      kind: 'DISCLOSURE',
      decisionId: 'DSC-PROBATION-7',
      pncId: '2008/0545166T',
      standing: 'PROPOSER',
      childSafeguardsMet: true,
      decisionOpen: true,
      validUntil: new Date(NOW.getTime() + DISCLOSURE_EVIDENCE_MINUTES * 60 * 1000).toISOString(),
    });
  });
});
