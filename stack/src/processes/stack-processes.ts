import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { AGENCY_REGISTRY, defaultMetricsPortOf, generateSigningKeyPair } from '@mappa/shared';
import type { AgencySubgraphName, Logger } from '@mappa/shared';
import { ServiceProcess } from './service-process';
import { supervise } from './supervisor';
import type { Supervision } from './supervisor';

/**
 * The gateway's V8 old-generation bound (issue 15: resident memory <= 300 MB under sustained load).
 * Its live heap holds steady near 100 MB under load (`npm run soak`), but with the default bound (a
 * quarter of the machine's memory) V8 lets per-request garbage pile up to over 300 MB of heap before
 * a full collection and the process's RSS passed 470 MB in 10 minutes. A bound well above the live
 * set makes V8 collect sooner; it is the deployed default too (deploy/, `NODE_OPTIONS`). An operator's
 * own `--max-old-space-size` in `NODE_OPTIONS` wins.
 */
export const GATEWAY_MAX_OLD_SPACE_MB = 192;

/** `NODE_OPTIONS` for a gateway process: the caller's, with the gateway's heap bound unless they set one. */
export function gatewayNodeOptions(nodeOptions: string | undefined): string {
  const given = (nodeOptions ?? '').trim();
  return /--max-old-space-size/.test(given) ? given : `${given} --max-old-space-size=${GATEWAY_MAX_OLD_SPACE_MB}`.trim();
}

/** How long one service may take from its process starting to listening (a cold start on a loaded machine). */
const DEFAULT_START_TIMEOUT_MS = 120_000;

/** The entry point a service is deployed with: its package's `dist/main.js` (built by `npm run build`). */
export function serviceEntryPoint(service: AgencySubgraphName | 'gateway'): string {
  return join(dirname(require.resolve(`@mappa/${service}/package.json`)), 'dist', 'main.js');
}

export interface StackProcessesOptions {
  /**
   * The environment every service starts from (normally this process's): the database, Redis,
   * identity providers, limits and secrets each service reads from its own configuration. The
   * supervisor sets only what ties the services together: ports, subgraph URLs, the assertion keys.
   */
  readonly env: NodeJS.ProcessEnv;
  readonly host: string;
  /** Port per service (0: the operating system picks one); gateway replica i listens on the gateway port plus i. */
  readonly ports: Readonly<Record<AgencySubgraphName | 'gateway', number>>;
  /** How many gateway processes to run in front of the subgraphs (each needs `REDIS_URL` in `env` when more than one). */
  readonly gatewayReplicas: number;
  /** The services' own drain bound (`SHUTDOWN_GRACE_MS`): how long stopping one may take before it is killed. */
  readonly shutdownGraceMs: number;
  readonly log: Logger;
  readonly startTimeoutMs?: number;
  /**
   * What one service's environment adds to `env`, by service name (`gateway` for every replica): the
   * statistics bench gives each service its own database address, through its statement relay, so that
   * the relay can tell whose statement each is (statement-relay.ts). Nothing by default.
   */
  readonly serviceEnv?: (service: AgencySubgraphName | 'gateway') => NodeJS.ProcessEnv;
}

/** The product as deployed: each subgraph and each gateway replica in a process of its own, supervised. */
export interface StackProcesses {
  readonly gateways: readonly ServiceProcess[];
  readonly subgraphs: Readonly<Record<AgencySubgraphName, ServiceProcess>>;
  /** See `Supervision.stopped`. */
  readonly stopped: Supervision['stopped'];
  /** Stops every service: the gateways first (they drain while the subgraphs still answer), then the subgraphs. */
  close(): Promise<void>;
}

/**
 * Starts the five subgraphs, then the gateway replicas, each in its own process, and supervises
 * them: when one exits on its own it is logged and the others are stopped cleanly (SIGTERM, drain,
 * exit), so the stack never runs on with a service missing. The database must be migrated (and
 * seeded) first: the services then find nothing to migrate.
 */
export async function startStackProcesses(options: StackProcessesOptions): Promise<StackProcesses> {
  const { log } = options;
  if (options.gatewayReplicas > 1 && !options.env.REDIS_URL) {
    // The configuration refuses this first; kept here so no caller can start replicas that share nothing.
    throw new Error('Several gateway replicas need REDIS_URL: each would otherwise keep rate limits of its own');
  }
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  // The assertion key pair lives as long as this run, as in the single-process stack: the gateways
  // sign with the private key, every subgraph trusts the public one.
  const key = await generateSigningKeyPair();
  const common: NodeJS.ProcessEnv = {
    ...options.env,
    HOST: options.host,
    SHUTDOWN_GRACE_MS: String(options.shutdownGraceMs),
    // One replica of each without Redis is what this supervisor runs: in-memory state is then enough
    // (unless the operator said otherwise).
    ...(options.env.REDIS_URL || options.env.REQUIRE_SHARED_STATE ? {} : { REQUIRE_SHARED_STATE: 'false' }),
  };
  const started: ServiceProcess[] = [];
  const stopAll = async () => {
    const [gateways, subgraphs] = [
      started.filter((service) => service.service.startsWith('gateway')),
      started.filter((service) => !service.service.startsWith('gateway')),
    ];
    await Promise.all(gateways.map((service) => service.stop(options.shutdownGraceMs)));
    await Promise.all(subgraphs.map((service) => service.stop(options.shutdownGraceMs)));
  };
  const start = async (service: string, module: string, env: NodeJS.ProcessEnv) => {
    const running = await ServiceProcess.start(service, module, env, startTimeoutMs);
    started.push(running);
    log.info({ process: service, pid: running.pid, url: running.url }, 'service process listening');
    return running;
  };
  try {
    // Side by side, and every one settled before going on, so none is left running when another fails.
    const outcomes = await Promise.allSettled(
      AGENCY_REGISTRY.map(({ name }) =>
        start(name, serviceEntryPoint(name), {
          ...common,
          ...options.serviceEnv?.(name),
          PORT: String(options.ports[name]),
          METRICS_PORT: metricsPortBeside(options.ports[name]),
          GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [key.publicJwk] }),
        }),
      ),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    // In the registry's order, whatever order they came up in.
    const subgraphs = Object.fromEntries(
      AGENCY_REGISTRY.map(({ name }) => [name, started.find((running) => running.service === name)]),
    ) as Record<AgencySubgraphName, ServiceProcess>;
    const gatewayEnv: NodeJS.ProcessEnv = {
      ...common,
      ...options.serviceEnv?.('gateway'),
      GATEWAY_ASSERTION_KEY: JSON.stringify(key.privateJwk),
      ...Object.fromEntries(AGENCY_REGISTRY.map(({ name, urlVariable }) => [urlVariable, `${subgraphs[name].url}/graphql`])),
      // Replicas must derive the same statistics record keys; one secret for this run unless configured.
      STATISTICS_KEY_SECRET: options.env.STATISTICS_KEY_SECRET ?? randomBytes(32).toString('base64url'),
      NODE_OPTIONS: gatewayNodeOptions(options.env.NODE_OPTIONS),
    };
    const gateways: ServiceProcess[] = [];
    for (let replica = 0; replica < options.gatewayReplicas; replica++) {
      // The first on GATEWAY_PORT, the others a hundred ports up (4101, 4102…): the ports right after
      // the gateway's are the subgraphs'.
      const port = options.ports.gateway === 0 ? 0 : options.ports.gateway + (replica === 0 ? 0 : 100 + replica);
      gateways.push(
        await start(options.gatewayReplicas === 1 ? 'gateway' : `gateway-${replica + 1}`, serviceEntryPoint('gateway'), {
          ...gatewayEnv,
          GATEWAY_PORT: String(port),
          METRICS_PORT: metricsPortBeside(port),
        }),
      );
    }
    const { stopped, close } = supervise([gateways, Object.values(subgraphs)], options.shutdownGraceMs, log);
    return { gateways, subgraphs, stopped, close };
  } catch (error: unknown) {
    await stopAll();
    throw error;
  }
}

/** Each process's own metrics listener: beside its service port, or any free port when the service takes one (tests, replicas). */
function metricsPortBeside(servicePort: number): string {
  return String(servicePort === 0 ? 0 : defaultMetricsPortOf(servicePort));
}
