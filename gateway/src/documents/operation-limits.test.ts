import type { GraphQLObjectType } from 'graphql';
import { doubledFragmentChain } from '@mappa/testing';
import { FIVE_AGENCY_VIEW, MEETING_PACK, README_EXAMPLE_QUERY, REGISTER_PAGE } from '@mappa/shared';
import { readSupergraph } from '../supergraph';
import { readSupergraphPolicies } from '../authorization/supergraph-policies';
import { DEFAULT_OPERATION_LIMITS, OperationLimiter } from './operation-limits';
import type { OperationLimits } from './operation-limits';

const doubledChain = (levels: number) =>
  `query Doubled($pncId: ID!) { offender(pncId: $pncId) { ...F0 } }\n${doubledFragmentChain(levels, 'Offender', 'pncId')}`;
const { schema } = readSupergraphPolicies(readSupergraph());

function measure(source: string, variables: Record<string, unknown> = {}, limits: OperationLimits = unlimited()) {
  const measures = new OperationLimiter(schema, limits).enforce(source, variables);
  if (!measures) throw new Error('did not parse');
  return measures;
}

function unlimited(): OperationLimits {
  return Object.fromEntries(
    Object.keys(DEFAULT_OPERATION_LIMITS).map((limit) => [limit, Number.POSITIVE_INFINITY]),
  ) as unknown as OperationLimits;
}

function refusal(source: string, variables: Record<string, unknown> = {}, limits: OperationLimits = DEFAULT_OPERATION_LIMITS) {
  try {
    new OperationLimiter(schema, limits).enforce(source, variables);
  } catch (error: unknown) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
}

/** `levels` fragments, each spreading the one before twice: 2^levels copies of one field, in a few hundred bytes. */

describe('operation limits (issue 9 §1)', () => {
  it('leaves the real operations at least half of every default limit', () => {
    for (const operation of [README_EXAMPLE_QUERY, REGISTER_PAGE, FIVE_AGENCY_VIEW, MEETING_PACK]) {
      const measures = measure(operation);
      for (const [limit, max] of Object.entries(DEFAULT_OPERATION_LIMITS) as [keyof OperationLimits, number][]) {
        expect({ limit, measured: measures[limit], headRoom: measures[limit] * 2 <= max }).toEqual({
          limit,
          measured: measures[limit],
          headRoom: true,
        });
      }
    }
    expect(measure(REGISTER_PAGE)).toMatchObject({
      maxDepth: 5,
      maxAliases: 0,
      maxRootFields: 1,
      maxFields: 24,
      maxCost: 1_200,
      maxRecords: 50,
    });
  });

  it('issue 9 §1: measures a 30-level doubled fragment chain in linear time, counting every expanded field', () => {
    const source = doubledChain(30);
    expect(source.length).toBeLessThan(2_000);
    // Every visit of a field selected on Offender looks the field up on its type: counted, not timed.
    const spy = jest.spyOn(schema.getType('Offender') as GraphQLObjectType, 'getFields');
    let offenderFieldLookups: number;
    let measures: ReturnType<typeof measure>;
    try {
      measures = measure(source, { pncId: '2008/0545166T' });
      offenderFieldLookups = spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
    // The chain's one leaf looked up once, not once per expanded copy (2^30).
    expect(offenderFieldLookups).toBe(1);
    // 2^30 copies of pncId, plus the offender field.
    expect(measures.maxFields).toBe(2 ** 30 + 1);
    expect(refusal(source)).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      limit: 'maxFields',
      max: 500,
      measured: 2 ** 30 + 1,
      http: { status: 400 },
    });
  });

  it('issue 9 §1: counts the aliases of 5,000 aliased look-ups, through fragments too', () => {
    const lookups = Array.from({ length: 5_000 }, (_, i) => `o${i}: offender(pncId: "2008/0545166T") { pncId }`).join(' ');
    expect(refusal(`{ ${lookups} }`, {}, { ...DEFAULT_OPERATION_LIMITS, maxBytes: 1e9, maxTokens: 1e9 })).toMatchObject({
      limit: 'maxAliases',
      max: 50,
      measured: 5_000,
    });
    // Ten aliases in a fragment spread 2^10 times: 10,240 aliases.
    const fragments = [
      'fragment A0 on Query { ' +
        Array.from({ length: 10 }, (_, i) => `a${i}: offender(pncId: "2008/0545166T") { pncId }`).join(' ') +
        ' }',
    ];
    for (let level = 1; level <= 10; level += 1) fragments.push(`fragment A${level} on Query { ...A${level - 1} ...A${level - 1} }`);
    expect(refusal(`{ ...A10 } ${fragments.join(' ')}`)).toMatchObject({ limit: 'maxAliases', measured: 10_240 });
  });

  it('issue 9 §1: weights a page by its size, from a literal, a variable, its default or the schema default', () => {
    const page = (first: string) => `query($n: Int = 30) { offenders(${first}) { edges { node { pncId } } } }`;
    // offenders, edges, node, pncId: 4 fields per item; cost = size × 4.
    expect(measure(page('first: 100')).maxCost).toBe(400);
    expect(measure(page('first: $n'), { n: 90 }).maxCost).toBe(360);
    expect(measure(page('first: $n')).maxCost).toBe(120);
    expect(measure(page('after: null')).maxCost).toBe(80);
    expect(measure(page('first: $n'), { n: 'many' }).maxCost).toBe(400);
    expect(measure(page('first: $n'), { n: 1_000_000 })).toMatchObject({ maxCost: 4_000_000, maxRecords: 1_000_000 });
  });

  it('issue 9 §1: counts every aliased register page in the cost and the records', () => {
    const pages = Array.from({ length: 50 }, (_, i) => `p${i}: offenders(first: $size, after: "c${i}") { edges { node { pncId } } }`).join(
      ' ',
    );
    const source = `query Pages($size: Int) { ${pages} }`;
    expect(measure(source, { size: 100 })).toMatchObject({ maxAliases: 50, maxRootFields: 50, maxCost: 20_000, maxRecords: 5_000 });
    expect(refusal(source, { size: 100 })).toMatchObject({ limit: 'maxCost', max: 10_000, measured: 20_000 });
    // Small pages, within the cost: the records limit still holds how many people one request returns.
    expect(refusal(source, { size: 10 })).toMatchObject({ limit: 'maxRecords', max: 250, measured: 500 });
  });

  it('measures depth by nested fields, bytes before parsing and tokens while parsing', () => {
    expect(measure('{ offender(pncId: "2008/0545166T") { identity { firstName } } }').maxDepth).toBe(3);
    // Depth is counted in the document, whatever the schema: thirteen nested fields, one through a fragment.
    expect(
      refusal(`{ ${'a { '.repeat(6)} ...F ${'} '.repeat(6)} } fragment F on T { ${'b { '.repeat(6)} c ${'} '.repeat(6)} }`),
    ).toMatchObject({ limit: 'maxDepth', max: 12, measured: 13 });
    expect(refusal(`{ a: __typename ${' '.repeat(20_000)} }`)).toMatchObject({ limit: 'maxBytes', max: 16_384, measured: 20_018 });
    expect(refusal(`{ ${'a '.repeat(3_000)} }`)).toMatchObject({ limit: 'maxTokens', max: 2_000, measured: 3_002 });
  });

  it('does not loop on a fragment that spreads itself (validation refuses it)', () => {
    expect(
      measure('{ offender(pncId: "x") { ...A } } fragment A on Offender { pncId ...B } fragment B on Offender { ...A }').maxFields,
    ).toBe(2);
  });

  it('returns null for a document that does not parse, for Apollo to report', () => {
    expect(new OperationLimiter(schema, DEFAULT_OPERATION_LIMITS).enforce('{ offender(', {})).toBeNull();
  });

  it('measures a remembered document again when its page sizes come from the variables', () => {
    const limiter = new OperationLimiter(schema, DEFAULT_OPERATION_LIMITS);
    const source = 'query($n: Int) { offenders(first: $n) { totalCount } }';
    expect(limiter.enforce(source, { n: 10 })).toMatchObject({ maxRecords: 10 });
    expect(() => limiter.enforce(source, { n: 100_000 })).toThrow(/maxCost is 10000, this operation measures 200000/);
    expect(limiter.enforce(source, { n: 20 })).toMatchObject({ maxRecords: 20 });
  });
});
