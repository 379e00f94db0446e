// Entry point when HM Prison Service deploys its subgraph on its own: `npm start -w subgraphs/prison`.
import { runStandaloneSubgraph } from '@mappa/shared';
import { loadPrisonConfig, prisonSubgraph } from './index';

void runStandaloneSubgraph(prisonSubgraph, loadPrisonConfig()).catch((error: unknown) => {
  process.stderr.write(`prison subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
