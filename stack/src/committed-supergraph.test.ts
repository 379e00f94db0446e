import { Supergraph } from '@apollo/federation-internals';
import { readSupergraph } from '@mappa/gateway';

// The gateway starts on the committed supergraph without validating it again (gateway.ts,
// `validateSupergraph: false`): composition validated it when `npm run schema:generate` wrote it, and
// `npm run check` holds the file to that composition. This holds the file itself to Apollo's own
// supergraph validation, so a hand edit that breaks it fails here rather than in a gateway.
// @jest-database-independent: it reads the committed supergraph and opens no database, so CI runs it once (.ci/run).

describe('the committed supergraph', () => {
  it('passes Apollo Federation’s supergraph validation, every subgraph extracted from it', () => {
    const supergraph = Supergraph.build(readSupergraph(), { validateSupergraph: true });
    expect([...supergraph.subgraphs().names()].sort()).toEqual([
      'home-office',
      'mappa',
      'police',
      'prison',
      'probation',
      'statistics',
      'yot',
    ]);
  });

  it('would fail that validation if a field named a subgraph the supergraph does not declare', () => {
    const broken = readSupergraph().replace(/@join__field\(graph: POLICE/, '@join__field(graph: NO_SUCH_AGENCY');
    expect(broken).not.toEqual(readSupergraph());
    expect(() => Supergraph.build(broken, { validateSupergraph: true })).toThrow(/not a valid GraphQL schema/);
  });
});
