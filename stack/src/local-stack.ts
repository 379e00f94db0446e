import { readSupergraph, startGateway } from '@mappa/gateway';
import { startSubgraph } from '@mappa/shared';
import type { DatabaseConnection, Logger, RunningService, RunningSubgraph, SeedDataset } from '@mappa/shared';
import { seedAllAgencies } from './seed-all';
import { SUBGRAPHS } from './subgraphs';
import type { SubgraphName } from './subgraphs';

/** Five subgraphs and the gateway, running in this process over one database connection. */
export interface LocalStack {
  readonly gateway: RunningService;
  readonly subgraphs: Readonly<Record<SubgraphName, RunningSubgraph>>;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  readonly connection: DatabaseConnection;
  readonly host: string;
  /** Port per service; 0 picks a free one (tests). */
  readonly ports: Readonly<Record<SubgraphName | 'gateway', number>>;
  readonly production: boolean;
  readonly subgraphTimeoutMs: number;
  readonly log: Logger;
  /** When any agency holds no rows yet, (re)seed every agency with this dataset. */
  readonly seedIfEmpty?: SeedDataset | undefined;
}

/**
 * Starts the whole product in one process. Services still talk to each other over real HTTP, as
 * they would deployed apart; sharing the process lets them share one embedded PGlite instance,
 * which keeps the laptop footprint to one database instead of five.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { connection, log } = options;
  for (const { definition } of SUBGRAPHS) await connection.migrate(definition.migrationsFolder, definition.schema);
  if (options.seedIfEmpty) {
    const db = connection.database();
    const empty = await Promise.all(SUBGRAPHS.map(({ definition }) => definition.isEmpty(db)));
    if (empty.some(Boolean)) {
      log.info({ offenders: options.seedIfEmpty.offenders, seed: options.seedIfEmpty.seed }, 'seeding the synthetic dataset');
      await seedAllAgencies(
        connection,
        SUBGRAPHS.map(({ definition }) => definition),
        options.seedIfEmpty,
      );
    }
  }
  const running: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  for (const { definition } of SUBGRAPHS) {
    const name = definition.name as SubgraphName;
    running[name] = await startSubgraph(definition, {
      connection,
      host: options.host,
      port: options.ports[name],
      production: options.production,
      log,
    });
  }
  const subgraphs = running as Record<SubgraphName, RunningSubgraph>;
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
    host: options.host,
    port: options.ports.gateway,
    production: options.production,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    log,
  });
  return {
    gateway,
    subgraphs,
    close: async () => {
      await gateway.close();
      await Promise.allSettled(Object.values(subgraphs).map((subgraph) => subgraph.close()));
    },
  };
}
