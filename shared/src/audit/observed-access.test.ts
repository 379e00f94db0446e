import { buildSchema, getOperationAST, parse } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { countFragmentWalks, doubledFragmentChain } from '@mappa/testing';
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
    const observed = observe('{ record { __typename ... on Identity { firstName } ... on Custody { inOutStatus } } }', {
      record: { __typename: 'Custody', inOutStatus: 'OUT' },
    });
    expect(observed).toEqual({ fields: ['Custody.inOutStatus', 'Query.record'], subjects: [] });
  });

  it('keeps no value: a string that is not a PNC ID in a pncId field is not a subject', () => {
    expect(observe('{ offender(pncId: "x") { pncId } }', { offender: { pncId: 'not a pnc id' } })).toEqual({
      fields: ['Offender.pncId', 'Query.offender'],
      subjects: [],
    });
  });
});

describe('observeAccess on a document it has walked before (what it collects is kept per document, issue 15)', () => {
  const observeParsed = (document: DocumentNode, data: unknown) => {
    const observed = observeAccess(schema, document, getOperationAST(document) ?? undefined, data);
    return { fields: [...observed.fields].sort(), subjects: [...observed.subjects].sort() };
  };

  it('the same parsed document answered twice: each answer is named by what it returned, nothing carried over', () => {
    const document = parse(`{ record { __typename ... on Identity { firstName } ... on Custody { inOutStatus } }
      people: offenders { pncId ...Names custody { inOutStatus } } }
      fragment Names on Offender { identity { firstName } }`);
    expect(
      observeParsed(document, {
        record: { __typename: 'Identity', firstName: 'A' },
        people: [{ pncId: '2008/0545166T', identity: { firstName: 'A' }, custody: null }],
      }),
    ).toEqual({
      fields: ['Identity.firstName', 'Offender.identity', 'Offender.pncId', 'Query.offenders', 'Query.record'],
      subjects: ['2008/0545166T'],
    });
    expect(
      observeParsed(document, {
        record: { __typename: 'Custody', inOutStatus: 'IN' },
        people: [{ pncId: '2010/0000001Z', identity: null, custody: { inOutStatus: 'OUT' } }],
      }),
    ).toEqual({
      fields: ['Custody.inOutStatus', 'Offender.custody', 'Offender.pncId', 'Query.offenders', 'Query.record'],
      subjects: ['2010/0000001Z'],
    });
  });

  it('a document rewritten around the same operation node (as early enforcement rewrites one) is collected from its own fragments', () => {
    const original = parse(`{ offender(pncId: "2008/0545166T") { pncId ...Held } }
      fragment Held on Offender { identity { firstName } custody { inOutStatus } }`);
    const [operation, fragment] = original.definitions as [OperationDefinitionNode, FragmentDefinitionNode];
    const withoutCustody = (parse('fragment Held on Offender { identity { firstName } }').definitions as [FragmentDefinitionNode])[0];
    // The operation's own selection sets are the same objects in both documents; only the fragment differs.
    const rewritten: DocumentNode = { ...original, definitions: [operation, withoutCustody] };
    expect(fragment.name.value).toBe('Held');
    const data = { offender: { pncId: '2008/0545166T', identity: { firstName: 'A' }, custody: { inOutStatus: 'IN' } } };
    // The narrower document first: the original, walked after it, must still name the custody it returned.
    expect(observeParsed(rewritten, data).fields).toEqual(['Identity.firstName', 'Offender.identity', 'Offender.pncId', 'Query.offender']);
    expect(observeParsed(original, data).fields).toEqual([
      'Custody.inOutStatus',
      'Identity.firstName',
      'Offender.custody',
      'Offender.identity',
      'Offender.pncId',
      'Query.offender',
    ]);
    expect(observeParsed(rewritten, data).fields).not.toContain('Offender.custody');
  });
});

describe('observeAccess on a document built to be expensive', () => {
  /** Wraps the answer so every read of an answer object's field is counted. */
  function counted(data: unknown): { data: unknown; reads: () => number } {
    let reads = 0;
    const wrap = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(wrap);
      if (typeof value !== 'object' || value === null) return value;
      const wrapped = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wrap(inner)]));
      return new Proxy(wrapped, {
        get: (target, key, receiver) => {
          reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    };
    return { data: wrap(data), reads: () => reads };
  }

  it.each([30, 40])(
    'issue 9 §1: a %i-level chain of fragments each spread twice walks the answer once, and each fragment once per object',
    (depth) => {
      const answer = counted({
        people: [
          { pncId: '2008/0545166T', identity: { firstName: 'A' } },
          { pncId: '2010/0000001Z', identity: null },
        ],
      });
      const document = parse(`{ people: offenders { ...F0 } }\n${doubledFragmentChain(depth, 'Offender', 'pncId identity { firstName }')}`);
      const fragments = countFragmentWalks(document);
      const observed = observeAccess(schema, document, getOperationAST(document) ?? undefined, answer.data);
      expect([...observed.fields].sort()).toEqual(['Identity.firstName', 'Offender.identity', 'Offender.pncId', 'Query.offenders']);
      expect([...observed.subjects].sort()).toEqual(['2008/0545166T', '2010/0000001Z']);
      // Each answer object's fields are read a handful of times (key and __typename look-ups, the
      // array's own length and items), not 2^depth times.
      expect(answer.reads()).toBeLessThan(40);
      // Each fragment's selections at most once for each of the two people, not once per spread (2^depth).
      expect(fragments.walks()).toBeLessThanOrEqual(2 * (depth + 1));
    },
  );
});

describe('observeAccess, keeping the values served about each subject (what a meeting relied on)', () => {
  const federated = buildSchema(`
    type Query { _entities(representations: [String!]!): [Offender], offender(pncId: ID!): Offender, status: String }
    type Offender { pncId: ID!, identity: Identity, aliases: [String!] }
    type Identity { firstName: String, lastName: String }
  `);
  const served = (query: string, data: unknown, entitySubjects: (string | null)[] = []) => {
    const document = parse(query);
    return observeAccess(federated, document, getOperationAST(document) ?? undefined, data, { entitySubjects }).values;
  };

  it("an _entities answer: each entity's leaf values under the PNC ID of the representation at its index, a null entity none", () => {
    const values = served(
      '{ _entities(representations: []) { ... on Offender { identity { surname: lastName } aliases } } }',
      { _entities: [{ identity: { surname: 'Smith' }, aliases: ['Smiffy'] }, null, { identity: { surname: 'Jones' }, aliases: null }] },
      ['2008/0545166T', '2010/0000001Z', '2011/0000002Y'],
    );
    expect(values).toEqual([
      { subject: '2008/0545166T', coordinate: 'Identity.lastName', value: 'Smith' },
      { subject: '2008/0545166T', coordinate: 'Offender.aliases', value: ['Smiffy'] },
      { subject: '2011/0000002Y', coordinate: 'Identity.lastName', value: 'Jones' },
    ]);
  });

  it("a root answer: values under the object's own pncId, the key itself included; values about no one are not kept", () => {
    const values = served('{ status offender(pncId: "2008/0545166T") { identity { firstName } pncId } }', {
      status: 'OK',
      offender: { identity: { firstName: 'Ann' }, pncId: '2008/0545166T' },
    });
    expect(values).toEqual([
      { subject: '2008/0545166T', coordinate: 'Identity.firstName', value: 'Ann' },
      { subject: '2008/0545166T', coordinate: 'Offender.pncId', value: '2008/0545166T' },
    ]);
  });

  it('keeps no values unless asked', () => {
    const document = parse('{ offender(pncId: "2008/0545166T") { pncId } }');
    expect(
      observeAccess(federated, document, getOperationAST(document) ?? undefined, { offender: { pncId: '2008/0545166T' } }).values,
    ).toEqual([]);
  });
});
