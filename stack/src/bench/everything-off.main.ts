// BENCHMARK ONLY: one service (a subgraph, named by BENCH_SERVICE, or `gateway`) started by the same
// start function as its own entry point (the subgraph's standalone run, gateway/src/main.ts), from the
// same environment, but with authorization and the audit trail off: the "everything off" side of
// `npm run bench -- --only deployed`. The switches are code, not configuration: nothing else passes them.
import { AGENCY_REGISTRY, runStandaloneSubgraph } from '@mappa/shared';
import type { AgencySubgraphName, DefinedSubgraph } from '@mappa/shared';

const OFF = { authorization: 'off', audit: 'off' } as const;
/**
 * A control run (`npm run bench -- --only deployed --control`, which sets BENCH_CONTROL) starts these
 * services with everything on instead, through this same entry, so that both sides of on vs off run
 * the same build and the comparison itself is checked (an A/A run). That variable can only turn the
 * checks on; nothing turns them off but `OFF` here.
 */
const ON = { authorization: 'enforced', audit: 'recorded' } as const;
const SWITCHES = process.env.BENCH_CONTROL === 'on' ? ON : OFF;

/**
 * The one agency's subgraph this process runs, loaded alone, as its own entry point loads it: through
 * the stack's list of subgraphs every "everything off" process loaded all six agencies' packages and
 * the gateway's, a heavier process than the product's it is compared with. (Measured in control runs,
 * the difference was within their noise: docs/benchmarks.md, "The control run's bias".)
 */
async function definitionOf(name: AgencySubgraphName): Promise<DefinedSubgraph> {
  const agencyPackage = (await import(`@mappa/${name}`)) as Record<string, unknown>;
  const definition = Object.values(agencyPackage).find(
    (value): value is DefinedSubgraph =>
      typeof value === 'object' && value !== null && (value as Partial<DefinedSubgraph>).name === name && 'loadConfig' in value,
  );
  if (!definition) throw new Error(`@mappa/${name} exports no subgraph called ${name}`);
  return definition;
}

async function startOff(service: string): Promise<void> {
  if (service === 'gateway') return (await import('@mappa/gateway')).runGateway(SWITCHES);
  const registered = AGENCY_REGISTRY.find(({ name }) => name === service);
  if (!registered) throw new Error(`no subgraph called ${service}`);
  const definition = await definitionOf(registered.name);
  const config = definition.loadConfig();
  // The deployed bench runs on the PostgreSQL server, migrated by the product's own subgraphs first.
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  return runStandaloneSubgraph(definition, config, SWITCHES);
}

const service = process.env.BENCH_SERVICE ?? '';
void startOff(service).catch((error: unknown) => {
  process.stderr.write(`${service} (everything off) failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
