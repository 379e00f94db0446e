import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { MappaArea } from '@mappa/shared';
import type { PrincipalClaims } from '@mappa/shared';
import { postGraphQL } from '@mappa/testing';
import { startTestStack, SMALL_DATASET } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// The production default: long enough for a loaded machine to answer the healthy agencies and commit
// the audit entry well inside it.
const DEADLINE_MS = 10_000;
// Each call's own bound, far beyond the deadline and jest's test timeout: the old behaviour (one
// SUBGRAPH_TIMEOUT_MS for the grant look-up, then another for the fetch) would not answer before the
// test failed, so a request that answers at all was ended by its one deadline. No wall-clock bound,
// which a loaded machine can break; how much of the deadline each step may wait is counted in
// gateway/src/datasource/request-deadline.test.ts.
const SUBGRAPH_TIMEOUT_MS = 3_600_000;

const PPU_OFFICER: PrincipalClaims = {
  staffId: 'PPU0001',
  agency: 'police',
  roles: ['ppu_officer'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const SCREENING = { purpose: 'MAPPA_SCREENING', caseId: null } as const;

const VIEW = 'query PpuView($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } mappaCase { level } } }';

/**
 * Issue 15, one deadline per request: a PPU officer's view asks the MAPPA unit twice, once for the
 * officer's case grants (before planning) and once for its part of the view. A MAPPA unit that accepts
 * connections and never answers must cost the request one deadline in all, not a subgraph timeout per
 * step, and the answer carries what the other agencies gave plus a coded error where the unit's part was.
 */
describe('one deadline per request, with the MAPPA unit hung', () => {
  let env: TestStack;
  let silent: Server;
  const sockets = new Set<Socket>();
  let requestsSeen = 0;

  beforeAll(async () => {
    env = await startTestStack({
      dataset: SMALL_DATASET,
      subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS,
      requestDeadlineMs: DEADLINE_MS,
    });
    // A hung MAPPA unit: its port accepts connections and reads every request, and never answers.
    const mappaPort = env.stack.subgraphs.mappa.port;
    await env.stack.subgraphs.mappa.close();
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', (chunk: Buffer) => {
        requestsSeen += chunk.toString('latin1').split('POST /graphql').length - 1;
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(mappaPort, '127.0.0.1', resolve));
  }, 300_000);

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await env.close();
  });

  it("a PPU officer's view: the grant look-up to the hung unit is ended by the request's deadline and the request answers, without grants (fail closed)", async () => {
    const person = env.people[0]!;
    const headers = await env.headersFor(PPU_OFFICER, SCREENING);
    requestsSeen = 0;
    const result = await postGraphQL<{ offender: unknown }>(`${env.stack.gateway.url}/graphql`, VIEW, { pncId: person.pncId }, headers);
    // One request reached the hung unit (the look-up); without grants nobody is in the officer's scope
    // under MAPPA_SCREENING, so no agency has anything to give and the unit's part is never asked for.
    expect(requestsSeen).toBe(1);
    expect(result.data).toEqual({ offender: null });
  });

  it("the co-ordinator's view is answered at its deadline with the other agencies' data and UPSTREAM_UNAVAILABLE at the unit's path", async () => {
    const person = env.people[1]!;
    const headers = await env.headersFor();
    requestsSeen = 0;
    const result = await postGraphQL<{ offender: { pncId: string; identity: { lastName: string } | null; mappaCase: unknown } | null }>(
      `${env.stack.gateway.url}/graphql`,
      VIEW,
      { pncId: person.pncId },
      headers,
    );
    expect(requestsSeen).toBe(1);
    expect(result.data?.offender).toEqual({ pncId: person.pncId, identity: { lastName: person.lastName }, mappaCase: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.agency])).toEqual([
      [['offender', 'mappaCase'], 'UPSTREAM_UNAVAILABLE', 'mappa'],
    ]);
  });
});
