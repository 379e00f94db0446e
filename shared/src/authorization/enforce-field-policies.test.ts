import { buildSchema } from 'graphql';
import { Agency } from '../domain/agency';
import { accessDirectiveFor } from './access-directive';
import { enforceFieldPolicies } from './enforce-field-policies';
import type { FieldPolicy } from './field-policy';

const conditional: FieldPolicy = {
  name: 'test.partnerRecord',
  owner: Agency.POLICE,
  classification: 'OFFICIAL-SENSITIVE',
  summary: 'A synthetic record shared with partner agencies.',
  rules: ['A.R6'],
  grants: [{ roles: ['probation_practitioner'], purposes: ['CASE_MANAGEMENT'], condition: 'visorPartnerAgency' }],
};

const schemaFor = () =>
  buildSchema(`
    directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
    type Query { record: String ${accessDirectiveFor(conditional)} }
  `);

describe('enforceFieldPolicies and record conditions', () => {
  it('principle 1: refuses to build when a grant names a record condition the subgraph registers no predicate for', () => {
    expect(() => enforceFieldPolicies(schemaFor(), [conditional])).toThrow(
      /record condition the subgraph does not register:\n {2}test\.partnerRecord → visorPartnerAgency/,
    );
  });

  it('builds when the condition is registered', () => {
    expect(() => enforceFieldPolicies(schemaFor(), [conditional], { visorPartnerAgency: () => false })).not.toThrow();
  });
});

describe('enforceFieldPolicies and the agencies that hold each role', () => {
  const policyWith = (grants: FieldPolicy['grants']): FieldPolicy => ({ ...conditional, name: 'test.policeRecord', grants });
  const schemaOf = (policy: FieldPolicy) =>
    buildSchema(`
      directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
      type Query { record: String ${accessDirectiveFor(policy)} }
    `);
  const build = (grants: FieldPolicy['grants']) => () => enforceFieldPolicies(schemaOf(policyWith(grants)), [policyWith(grants)]);

  it('issue 9 §2: refuses to build when a grant names a role for an agency that cannot hold it (housing + ppu_officer)', () => {
    expect(build([{ roles: ['ppu_officer'], purposes: ['CASE_MANAGEMENT'], agencies: ['housing'] }])).toThrow(
      /role for agencies that cannot hold it \(ROLE_AGENCIES\):\n {2}test\.policeRecord → role ppu_officer for housing, which cannot hold it/,
    );
  });

  it('issue 9 §2: refuses to build when a grant names an agency that holds none of its roles (jobcentre_plus for mappa_chair)', () => {
    expect(build([{ roles: ['mappa_chair'], purposes: ['MAPPA_SCREENING'], agencies: ['police', 'jobcentre_plus'] }])).toThrow(
      /test\.policeRecord → agency jobcentre_plus, which holds none of mappa_chair/,
    );
  });

  it('builds a grant naming no agencies when some agency holds each of its roles (checked against every agency)', () => {
    expect(build([{ roles: ['ppu_officer', 'dtc_attendee', 'mappa_chair'], purposes: ['MAPPA_MEETING'] }])).not.toThrow();
  });

  it('builds a grant whose every role is held by one of its agencies, and every agency holds one of its roles', () => {
    expect(
      build([{ roles: ['mappa_chair', 'ppu_officer'], purposes: ['MAPPA_MEETING'], agencies: ['police', 'probation'] }]),
    ).not.toThrow();
    expect(build([{ roles: ['dtc_attendee'], purposes: ['MAPPA_MEETING'], agencies: ['housing', 'health'] }])).not.toThrow();
  });
});
