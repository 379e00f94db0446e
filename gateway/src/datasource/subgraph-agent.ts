import { Agent } from 'undici';

/**
 * How long an idle connection to a subgraph is kept for the next call. Below the subgraphs' own
 * keep-alive timeout (`KEEP_ALIVE_TIMEOUT_MS`, 65 s) by a wide margin: the client must always be
 * the side that gives up an idle socket, or a call can go down a socket the server is closing at
 * that moment and fail with "socket hang up" (seen under load by the peers' runs, issue 15).
 */
export const SUBGRAPH_IDLE_KEEP_ALIVE_MS = 4_000;

/**
 * The longest idle keep-alive a subgraph's `Keep-Alive: timeout=…` hint may stretch it to. Also well
 * below the subgraphs' 65 s, for the same reason (undici takes the hint less a second otherwise).
 */
export const SUBGRAPH_MAX_KEEP_ALIVE_MS = 10_000;

/**
 * Connections the gateway opens to one subgraph at most: calls beyond them wait for a free one
 * (still under their deadline's signal), so a burst cannot open thousands of sockets to one agency.
 */
export const SUBGRAPH_CONNECTIONS_PER_ORIGIN = 64;

/**
 * The keep-alive connection pool the gateway's subgraph calls share (one pool per subgraph origin
 * inside the agent), on undici's `request` rather than Node's `fetch`: the same HTTP client without
 * the WHATWG Request/Response and web-stream layers, which were about a fifth of the gateway's CPU
 * (docs/benchmarks.md, "Where the CPU goes"). Close it when the gateway stops.
 */
export function subgraphAgent(): Agent {
  return new Agent({
    connections: SUBGRAPH_CONNECTIONS_PER_ORIGIN,
    keepAliveTimeout: SUBGRAPH_IDLE_KEEP_ALIVE_MS,
    keepAliveMaxTimeout: SUBGRAPH_MAX_KEEP_ALIVE_MS,
    // One request per connection at a time: pipelining would queue a call behind another agency
    // request's slow answer on the same socket.
    pipelining: 1,
  });
}
