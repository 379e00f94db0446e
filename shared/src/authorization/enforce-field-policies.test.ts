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
    expect(() => enforceFieldPolicies(schemaFor(), [conditional])).toThrow(/record condition the subgraph does not register:\n {2}test\.partnerRecord → visorPartnerAgency/);
  });

  it('builds when the condition is registered', () => {
    expect(() => enforceFieldPolicies(schemaFor(), [conditional], { visorPartnerAgency: () => false })).not.toThrow();
  });
});
