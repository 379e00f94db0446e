// Entry point when the Probation Service deploys its subgraph on its own: `npm start -w subgraphs/probation`.
import { runStandaloneSubgraph } from '@mappa/shared';
import { loadProbationConfig, probationSubgraph } from './index';

void runStandaloneSubgraph(probationSubgraph, loadProbationConfig()).catch((error: unknown) => {
  process.stderr.write(`probation subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
