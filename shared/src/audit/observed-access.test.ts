import { buildSchema, getOperationAST, parse } from 'graphql';
import { observeAccess } from './observed-access';

const schema = buildSchema(`
  type Query { offender(pncId: ID!): Offender, offenders: [Offender!]!, record: Record }
  type Offender { pncId: ID!, identity: Identity, custody: Custody }
  type Identity { firstName: String, lastName: String }
  type Custody { inOutStatus: String }
  union Record = Identity | Custody
`);

function observe(query: string, data: unknown) {
  const document = parse(query);
  const observed = observeAccess(schema, document, getOperationAST(document) ?? undefined, data);
  return { fields: [...observed.fields].sort(), subjects: [...observed.subjects].sort() };
}

describe('observeAccess', () => {
  it('names only the fields that carried a value, through aliases, lists and fragments, and the PNC IDs returned', () => {
    const observed = observe(
      `{ people: offenders { pncId ...Names custody { inOutStatus } } }
       fragment Names on Offender { identity { first: firstName lastName } }`,
      {
        people: [
          { pncId: '2008/0545166T', identity: { first: 'A', lastName: null }, custody: null },
          { pncId: '2010/0000001Z', identity: null, custody: { inOutStatus: 'IN' } },
        ],
      },
    );
    expect(observed).toEqual({
      fields: ['Custody.inOutStatus', 'Identity.firstName', 'Offender.custody', 'Offender.identity', 'Offender.pncId', 'Query.offenders'],
      subjects: ['2008/0545166T', '2010/0000001Z'],
    });
  });

  it('a null answer returns nothing: no field, no subject', () => {
    expect(observe('{ offender(pncId: "2008/0545166T") { pncId } }', { offender: null })).toEqual({ fields: [], subjects: [] });
  });

  it('resolves a union member by its __typename and follows only the fragment that applies', () => {
    const observed = observe('{ record { __typename ... on Identity { firstName } ... on Custody { inOutStatus } } }', { record: { __typename: 'Custody', inOutStatus: 'OUT' } });
    expect(observed).toEqual({ fields: ['Custody.inOutStatus', 'Query.record'], subjects: [] });
  });

  it('keeps no value: a string that is not a PNC ID in a pncId field is not a subject', () => {
    expect(observe('{ offender(pncId: "x") { pncId } }', { offender: { pncId: 'not a pnc id' } })).toEqual({ fields: ['Offender.pncId', 'Query.offender'], subjects: [] });
  });
});
