// Issue 13: the statistics workloads on the product as deployed, beside the bench's own process.
//
// `--statistics-only` used to measure only the in-process stack: the gateway and every subgraph on
// one thread of the bench's process, with the bench's NODE_ENV (normally unset, so graphql-js runs its
// development checks on every value it completes). Deployed, each service is a process of its own
// with NODE_ENV=production. This starts that layout the way `npm start` does with DATABASE_URL
// (`startStackProcesses`) over the bench database, so the same requests can be sent to both.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_AUDIENCE, VOUCHES_FOR_EVERYONE } from '@mappa/gateway';
import type { LocalIssuer } from '@mappa/gateway';
import { byAgency, createLogger } from '@mappa/shared';
import { startStackProcesses } from '../processes/stack-processes';
import { processCpuMs } from './process-cpu';
import { startStatementRelay } from './statement-relay';
import type { RelayedStatement } from './statement-relay';

/** A cold start of seven processes on a loaded 2-core machine takes a while. */
const START_TIMEOUT_MS = 240_000;
const SHUTDOWN_GRACE_MS = 2_000;

/** The deployed product, running: where its gateway listens and how much CPU its processes have used. */
export interface DeployedStatisticsStack {
  readonly gatewayUrl: string;
  /** CPU ms so far (user + system) of each service process, by service name (`gateway`, `mappa`, …). */
  cpuMs(): Promise<Record<string, number>>;
  /** Runs `run` and returns the statements every service process sent meanwhile, each with its service (statement-relay.ts). */
  recordStatements(run: () => Promise<void>): Promise<RelayedStatement[]>;
  close(): Promise<void>;
}

export interface DeployedStatisticsSettings {
  readonly databaseUrl: string;
  /** The issuer of the analyst's token. */
  readonly issuer: LocalIssuer;
  /** The same record-key secret as the in-process stack: both round every cell alike, so their answers compare equal. */
  readonly keySecret: string;
  /** The operations the benchmark's "front end" registered (trusted documents are required, as in production). */
  readonly documents: readonly string[];
  /** As the in-process stack's: how long the gateway waits for one subgraph. */
  readonly subgraphTimeoutMs: number;
}

export async function startDeployedStatistics(settings: DeployedStatisticsSettings): Promise<DeployedStatisticsStack> {
  const directory = await mkdtemp(join(tmpdir(), 'mappa-bench-statistics-'));
  const manifest = join(directory, 'trusted-documents.json');
  await writeFile(
    manifest,
    JSON.stringify(Object.fromEntries(settings.documents.map((text) => [createHash('sha256').update(text).digest('hex'), text]))),
  );
  // One replica of each service keeps its state in memory, as the deployed bench's (no Redis).
  const { REDIS_URL: _redis, ...inherited } = process.env;
  // The services reach the database through the bench's relay, each under its own name, so that the
  // statements of one request can be recorded, counted per owner and EXPLAINed as the in-process ones are.
  const relay = await startStatementRelay(settings.databaseUrl);
  try {
    const processes = await startStackProcesses({
      serviceEnv: (service) => ({ DATABASE_URL: relay.urlFor(service) }),
      env: {
        ...inherited,
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        APOLLO_TELEMETRY_DISABLED: 'true',
        MAPPA_DEV_ISSUER: 'disabled',
        TRUSTED_ISSUERS: JSON.stringify([
          {
            issuer: settings.issuer.issuerName,
            audience: GATEWAY_AUDIENCE,
            agencies: VOUCHES_FOR_EVERYONE.agencies,
            maxClearance: VOUCHES_FOR_EVERYONE.maxClearance,
            jwks: { keys: [settings.issuer.publicJwk()] },
          },
        ]),
        TRUSTED_DOCUMENTS: 'required',
        TRUSTED_DOCUMENTS_MANIFEST: manifest,
        STATISTICS_KEY_SECRET: settings.keySecret,
        SUBGRAPH_TIMEOUT_MS: String(settings.subgraphTimeoutMs),
        // One address, one principal: the product's work is measured, not its rate limits.
        RATE_LIMIT_SOURCE_CAPACITY: '1000000000',
        RATE_LIMIT_SOURCE_REFILL_PER_SECOND: '100000000',
        RATE_LIMIT_PRINCIPAL_CAPACITY: '1000000000',
        RATE_LIMIT_PRINCIPAL_REFILL_PER_SECOND: '100000000',
      },
      host: '127.0.0.1',
      ports: { gateway: 0, ...byAgency(() => 0) },
      gatewayReplicas: 1,
      shutdownGraceMs: SHUTDOWN_GRACE_MS,
      log: createLogger('bench', 'silent'),
      startTimeoutMs: START_TIMEOUT_MS,
    });
    const gateway = processes.gateways[0]!;
    const pids: Record<string, number> = {
      gateway: gateway.pid,
      ...Object.fromEntries(Object.entries(processes.subgraphs).map(([name, service]) => [name, service.pid])),
    };
    return {
      gatewayUrl: `${gateway.url}/graphql`,
      cpuMs: async () =>
        Object.fromEntries(await Promise.all(Object.entries(pids).map(async ([name, pid]) => [name, await processCpuMs(pid)] as const))),
      recordStatements: (run) => relay.record(run),
      close: async () => {
        await processes.close();
        await relay.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error: unknown) {
    await relay.close();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
