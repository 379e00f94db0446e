import { KEEP_ALIVE_TIMEOUT_MS } from '@mappa/shared';
import { SUBGRAPH_IDLE_KEEP_ALIVE_MS, SUBGRAPH_MAX_KEEP_ALIVE_MS } from './subgraph-agent';

describe("the gateway's keep-alive to the subgraphs", () => {
  // Issue 15: were a subgraph to close an idle connection first, a call sent on it at that moment
  // would fail with "socket hang up" (seen by the peers' runs under load); the gateway must give it up first.
  it("gives up an idle connection well before a subgraph's keep-alive timeout would close it", () => {
    expect(SUBGRAPH_IDLE_KEEP_ALIVE_MS).toBeLessThanOrEqual(SUBGRAPH_MAX_KEEP_ALIVE_MS);
    // With a margin: a call sent just before the gateway's own timer ends must still find the socket open.
    expect(SUBGRAPH_MAX_KEEP_ALIVE_MS + 5_000).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS);
  });
});
