import { buildSchema, execute, parse } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectionAsks } from './selection-asks';

const schema = buildSchema(`
  type Nominal { status: String }
  type Offender { pncId: String, visorNominal: Nominal, identity: String }
  type Query { offender: Offender }
`);

/** What `selectionAsks` says for `field` under the root `offender` of `document`. */
function asksUnderOffender(document: string, field: string): boolean {
  let asked: boolean | undefined;
  const rootValue = {
    offender: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      asked = selectionAsks(info, field);
      return { pncId: 'x' };
    },
  };
  void execute({ schema, document: parse(document), rootValue });
  if (asked === undefined) throw new Error('the resolver did not run');
  return asked;
}

describe('selectionAsks', () => {
  it('finds a field selected directly, in an inline fragment or in a named fragment (even nested)', () => {
    expect(asksUnderOffender('{ offender { pncId visorNominal { status } } }', 'visorNominal')).toBe(true);
    expect(asksUnderOffender('{ offender { ... on Offender { visorNominal { status } } } }', 'visorNominal')).toBe(true);
    expect(
      asksUnderOffender(
        '{ offender { ...a } } fragment a on Offender { ...b } fragment b on Offender { visorNominal { status } }',
        'visorNominal',
      ),
    ).toBe(true);
  });

  it('says no for a field not selected, or selected only deeper down, or by alias name alone', () => {
    expect(asksUnderOffender('{ offender { pncId identity } }', 'visorNominal')).toBe(false);
    expect(asksUnderOffender('{ offender { visorNominal { status } } }', 'status')).toBe(false);
    expect(asksUnderOffender('{ offender { visorNominal: identity } }', 'visorNominal')).toBe(false);
  });

  it('ends on fragments that spread each other', () => {
    expect(
      asksUnderOffender(
        '{ offender { ...a } } fragment a on Offender { pncId ...b } fragment b on Offender { identity ...a }',
        'visorNominal',
      ),
    ).toBe(false);
  });
});
