import { buildSchema, getOperationAST, parse } from 'graphql';
import { countFragmentWalks, doubledFragmentChain } from '@mappa/testing';
import { deniedSelections, rememberedDeniedSelections } from './denied-selections';

const schema = buildSchema(`
  directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
  type Query { offender(pncId: ID!): Offender @mappaAccess(policy: "test.summary", grants: []) }
  type Offender {
    pncId: ID! @mappaAccess(policy: "test.summary", grants: [])
    notes: [Note!] @mappaAccess(policy: "test.summary", grants: [])
  }
  type Note { text: String @mappaAccess(policy: "test.narrative", grants: []) }
`);

/**
 * Runs the walk and counts how often it asked about a policy (once per field it visited with one) and
 * how often it read a fragment's selections (once per fragment it walked): counts, not a timer, which a
 * loaded machine cannot move.
 */
function deniedIn(query: string) {
  const document = parse(query);
  let policyChecks = 0;
  const fragments = countFragmentWalks(document);
  const denied = deniedSelections(schema, document, getOperationAST(document)!, (policy) => {
    policyChecks += 1;
    return policy === 'test.narrative';
  });
  const fragmentWalks = fragments.walks();
  return { denied, policyChecks, fragmentWalks };
}

describe('deniedSelections', () => {
  it('finds a denied field through fragments at its path, every node that selects it on one entry', () => {
    const { denied } = deniedIn(`
      { offender(pncId: "2008/0545166T") { pncId ...Notes notes { text } } }
      fragment Notes on Offender { notes { ... on Note { text } } }`);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ policyName: 'test.narrative', path: ['offender', 'notes', 0, 'text'], parentTypeName: 'Note' });
    expect(denied[0]!.fieldNodes).toHaveLength(2);
    expect(denied[0]!.steps.map((step) => step.key)).toEqual(['offender', 'notes', 'text']);
  });

  it.each([30, 40])(
    'issue 9 §1: a %i-level chain of fragments each spread twice is walked once per fragment (its selections read once, not per spread)',
    (depth) => {
      const document = `
      { offender(pncId: "2008/0545166T") { notes { ...F0 } } }
      ${doubledFragmentChain(depth, 'Note', 'text')}`;
      const { denied, policyChecks, fragmentWalks } = deniedIn(document);
      expect(denied).toHaveLength(1);
      expect(denied[0]!.path).toEqual(['offender', 'notes', 0, 'text']);
      // Two fields above the chain and its one leaf, not 2^depth leaves.
      expect(policyChecks).toBe(3);
      // Each fragment's selections read once, not once per spread of it (2^depth).
      expect(fragmentWalks).toBe(parse(document).definitions.length - 1);
    },
  );

  it('a fragment cycle ends the walk instead of recursing forever', () => {
    const { denied } = deniedIn(`
      { offender(pncId: "2008/0545166T") { notes { ...A } } }
      fragment A on Note { text ...B }
      fragment B on Note { ...A }`);
    expect(denied.map((entry) => entry.path)).toEqual([['offender', 'notes', 0, 'text']]);
  });
});

describe('rememberedDeniedSelections', () => {
  const document = parse('{ offender(pncId: "2008/0545166T") { pncId notes { text } } }');
  const operation = getOperationAST(document)!;
  /** A caller denied these policies, counting how often it was asked. */
  const caller = (...deniedPolicies: string[]) => {
    const asked: string[] = [];
    return {
      asked,
      isDenied: (policy: string) => {
        asked.push(policy);
        return deniedPolicies.includes(policy);
      },
    };
  };
  const remembered = (isDenied: (policy: string) => boolean) => rememberedDeniedSelections(schema, document, operation, isDenied);

  it('answers each caller of one operation as a fresh walk would, whatever order they come in', () => {
    const callers = [[], ['test.narrative'], ['test.summary'], ['test.narrative'], [], ['test.summary', 'test.narrative']];
    for (const denied of callers) {
      const fresh = deniedSelections(schema, document, operation, caller(...denied).isDenied);
      expect(remembered(caller(...denied).isDenied)).toEqual(fresh);
    }
    expect(remembered(caller('test.narrative').isDenied).map((entry) => entry.path)).toEqual([['offender', 'notes', 0, 'text']]);
    expect(remembered(caller('test.summary').isDenied).map((entry) => entry.path)).toEqual([['offender']]);
    expect(remembered(caller().isDenied)).toEqual([]);
  });

  it('gives a caller decided like an earlier one the answer already found, asking only about the policies the walk asked about', () => {
    const first = remembered(caller('test.narrative').isDenied);
    const again = caller('test.narrative');
    const answer = remembered(again.isDenied);
    expect(answer).toBe(first);
    expect(answer.map((entry) => entry.policyName)).toEqual(['test.narrative']);
    expect(new Set(again.asked)).toEqual(new Set(['test.summary', 'test.narrative']));
  });

  it('walks again for another document, even one with the same text', () => {
    const other = parse('{ offender(pncId: "2008/0545166T") { pncId notes { text } } }');
    const denied = rememberedDeniedSelections(schema, other, getOperationAST(other)!, caller('test.narrative').isDenied);
    expect(denied[0]!.fieldNodes[0]).not.toBe(remembered(caller('test.narrative').isDenied)[0]!.fieldNodes[0]);
  });
});
