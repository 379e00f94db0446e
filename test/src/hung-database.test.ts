import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { LocalIssuer } from '@mappa/gateway';
import { AuditQueueFullError, AuditWriter, byAgency, createLogger, DatabaseConnection, MappaArea } from '@mappa/shared';
import { openTestDatabase, TEST_ISSUER, postGraphQL } from '@mappa/testing';
import type { AuditPayloadInput } from '@mappa/shared';
import type { TestDatabase } from '@mappa/testing';
import { startLocalStack } from '@mappa/stack';
import type { LocalStack } from '@mappa/stack';
import { DEFAULT_PRINCIPAL, seededStackTemplate, SMALL_DATASET, staffIdIssuersForAll, TEST_RATE_LIMITS } from '@mappa/testing/stack';

// The request's one deadline (and each subgraph call's bound) in this test.
const DEADLINE_MS = 3_000;
// The pools' bounds through the proxy: each within the deadline, as issue 15 asks of every wait.
const TIMEOUTS = { connectMs: 1_000, statementMs: 1_500, idleInTransactionMs: 1_500, queryMs: 2_000 };
const VIEW =
  'query HungView($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } mappaCase { level } probationCase { crn } } }';

/**
 * A TCP proxy in front of PostgreSQL that can stop forwarding: while paused, the connections stay
 * open and what either side sends is held, so the server "stops answering" (as opposed to refusing).
 */
class PausingProxy {
  private paused = false;
  private readonly held: (() => void)[] = [];
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<PausingProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    const proxy = new PausingProxy(server, address.port);
    server.on('connection', (client: Socket) => {
      const upstream = connect(target.port, target.host);
      proxy.track(client);
      proxy.track(upstream);
      client.on('data', (chunk: Buffer) => proxy.forward(() => upstream.write(chunk)));
      upstream.on('data', (chunk: Buffer) => proxy.forward(() => client.write(chunk)));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    return proxy;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const send of this.held.splice(0)) send();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private forward(send: () => void): void {
    if (this.paused) this.held.push(send);
    else send();
  }
}

const payload = (durationMs: number): AuditPayloadInput => ({
  principal: { staffId: 'MCU0001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: MappaArea.LONDON },
  purpose: 'MAPPA_SCREENING',
  caseId: null,
  operationName: 'HungView',
  documentHash: 'c'.repeat(64),
  subjects: [],
  fields: [],
  outcome: 'ALLOWED',
  durationMs,
});

/**
 * Issue 15: a database that hangs. On the PostgreSQL server (DATABASE_URL) the whole stack reaches it
 * through a TCP proxy that stops forwarding. On the embedded PGlite there is no server and no socket
 * to hang: the nearest thing is a transaction holding the in-process database, which stops every
 * other statement of the process until it ends, and PGlite has no statement timer to end one (so the
 * pools' bounds do not apply there); the request's deadline, the `/readyz` bound and the audit
 * queue's bound still do, and those are what both runs check.
 */
describe('issue 15: a hung database', () => {
  let database: TestDatabase;
  let proxy: PausingProxy | undefined;
  let connection: DatabaseConnection;
  let stack: LocalStack;
  let issuer: LocalIssuer;
  let releaseHold: (() => void) | undefined;
  let holding: Promise<void> | undefined;

  beforeAll(async () => {
    database = await openTestDatabase(seededStackTemplate(SMALL_DATASET));
    const serverUrl = database.connection.serverUrl;
    if (serverUrl) {
      const url = new URL(serverUrl);
      proxy = await PausingProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      connection = await DatabaseConnection.open({ url: url.toString() }, { poolSize: 10, timeouts: TIMEOUTS });
    } else {
      connection = database.connection;
    }
    issuer = await LocalIssuer.generate(TEST_ISSUER);
    stack = await startLocalStack({
      connection,
      host: '127.0.0.1',
      ports: { gateway: 0, ...byAgency(() => 0) },
      production: false,
      subgraphTimeoutMs: DEADLINE_MS,
      requestDeadlineMs: DEADLINE_MS,
      log: createLogger('test', 'silent'),
      seedIfEmpty: SMALL_DATASET,
      trustedIssuers: [issuer.trustedIssuer()],
      staffIdIssuers: staffIdIssuersForAll([TEST_ISSUER]),
      trustedDocuments: { mode: 'optional', manifest: new Map() },
      rateLimits: TEST_RATE_LIMITS,
    });
  }, 300_000);

  afterAll(async () => {
    releaseHold?.();
    await holding;
    proxy?.resume();
    await stack?.close();
    if (connection !== database.connection) await connection?.close();
    await proxy?.close();
    await database?.drop();
  });

  /** The database stops answering: the proxy stops forwarding, or (embedded) a transaction holds it. */
  async function hang(): Promise<void> {
    if (proxy) {
      proxy.pause();
      return;
    }
    let held: () => void = () => undefined;
    holding = database.connection.database().transaction(async () => {
      held();
      await new Promise<void>((resolve) => (releaseHold = resolve));
    });
    await new Promise<void>((resolve) => (held = resolve));
  }

  function recover(): Promise<void> | undefined {
    proxy?.resume();
    releaseHold?.();
    return holding;
  }

  it('every wait is bounded: a view answers within its deadline with coded errors and no data; /readyz of every service answers 503 within a second; the audit writer refuses past its queue at once', async () => {
    const headers = { authorization: `Bearer ${await issuer.mint(DEFAULT_PRINCIPAL)}`, 'x-mappa-purpose': 'MAPPA_SCREENING' };
    const pncId = '2008/0545166T';
    // Warm: every pool has its connections open and every audit writer knows its head.
    await postGraphQL(`${stack.gateway.url}/graphql`, VIEW, { pncId }, headers);
    const writer = new AuditWriter(connection.database(), 'police', 2);
    await writer.append({ requestId: 'hung-head', payload: payload(0) });
    await hang();
    try {
      // A request: every subgraph waits on the database, the gateway's fetches end at the deadline,
      // and its own audit commit cannot be made, so the answer is withheld (fail closed), coded.
      // The hang lasts until `recover()` below, so every answer before it is one a bound gave: a wait
      // without a bound would never answer (and the test would fail on jest's timeout). No wall-clock
      // bound here: on a loaded machine "how soon" is noise, "whether at all" is the rule.
      const response = await fetch(`${stack.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: VIEW, variables: { pncId } }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(response.status).toBe(503);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);

      // Readiness of all six services, asked at once while the database still hangs: each answers 503
      // (its check is cut at 800 ms), where an unbounded check would wait for the hang to end.
      const services = [stack.gateway, ...Object.values(stack.subgraphs)];
      const probes = await Promise.all(services.map(async (service) => (await fetch(`${service.url}/readyz`)).status));
      expect(probes).toEqual(services.map(() => 503));

      // The audit writer: one batch in flight, two waiting (its bound here), the next refused at once:
      // refused while the batch in flight still hangs, so it did not wait for room in the queue.
      const waiting = [1, 2, 3].map((i) => writer.append({ requestId: `hung-${i}`, payload: payload(i) }).catch((error: unknown) => error));
      await expect(writer.append({ requestId: 'hung-over', payload: payload(9) })).rejects.toBeInstanceOf(AuditQueueFullError);
      await recover();
      // Once the database answers again (or its bounds have ended the waits), none of them waits for ever.
      await Promise.all(waiting);
    } finally {
      await recover();
    }
    // And the stack recovers: ready again, answering.
    const again = await postGraphQL<{ offender: unknown }>(`${stack.gateway.url}/graphql`, VIEW, { pncId }, headers);
    expect(again.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('AUDIT_UNAVAILABLE');
    expect((await fetch(`${stack.gateway.url}/readyz`)).status).toBe(200);
  }, 120_000);
});
