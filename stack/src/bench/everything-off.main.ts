// BENCHMARK ONLY: one service (a subgraph, named by BENCH_SERVICE, or `gateway`) started by the same
// start function as its own entry point (the subgraph's standalone run, gateway/src/main.ts), from the
// same environment, but with authorization and the audit trail off: the "everything off" side of
// `npm run bench -- --only deployed`. The switches are code, not configuration: nothing else passes them.
import { runGateway } from '@mappa/gateway';
import { runStandaloneSubgraph } from '@mappa/shared';
import { SUBGRAPHS } from '../subgraphs';

const OFF = { authorization: 'off', audit: 'off' } as const;
/**
 * A control run (`npm run bench -- --only deployed --control`, which sets BENCH_CONTROL) starts these
 * services with everything on instead, through this same entry, so that both sides of on vs off run
 * the same build and the comparison itself is checked (an A/A run). That variable can only turn the
 * checks on; nothing turns them off but `OFF` here.
 */
const ON = { authorization: 'enforced', audit: 'recorded' } as const;
const SWITCHES = process.env.BENCH_CONTROL === 'on' ? ON : OFF;

async function startOff(name: string): Promise<void> {
  if (name === 'gateway') return runGateway(SWITCHES);
  const definition = SUBGRAPHS.find((subgraph) => subgraph.definition.name === name)?.definition;
  if (!definition) throw new Error(`no subgraph called ${name}`);
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
