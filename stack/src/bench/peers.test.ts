import { readSupergraph } from '@mappa/gateway';
import { subgraphNameByUrl, supergraphWithUrls } from './peers';

// The peers read subgraph URLs from the supergraph: each must reach the running subgraph, by its name.
describe('the peers in the benchmark', () => {
  it("points each named subgraph of the product's supergraph at its running URL, and only those", () => {
    const rewritten = supergraphWithUrls(readSupergraph(), {
      police: 'http://127.0.0.1:40001/graphql',
      mappa: 'http://127.0.0.1:40005/graphql',
    });
    expect(rewritten).toContain('@join__graph(name: "police", url: "http://127.0.0.1:40001/graphql")');
    expect(rewritten).toContain('@join__graph(name: "mappa", url: "http://127.0.0.1:40005/graphql")');
    expect(rewritten).toContain('@join__graph(name: "probation", url: "http://127.0.0.1:4002/graphql")');
  });

  it('names the subgraph a URL belongs to, and refuses an unknown one', () => {
    const nameOf = subgraphNameByUrl({ police: 'http://127.0.0.1:1/graphql' });
    expect(nameOf('http://127.0.0.1:1/graphql')).toBe('police');
    expect(() => nameOf('http://127.0.0.1:2/graphql')).toThrow();
  });
});
