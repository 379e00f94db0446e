// Entry point when the youth offending team deploys its subgraph on its own: `npm start -w subgraphs/yot`.
import { runStandaloneSubgraph } from '@mappa/shared';
import { loadYotConfig, yotSubgraph } from './index';

void runStandaloneSubgraph(yotSubgraph, loadYotConfig()).catch((error: unknown) => {
  process.stderr.write(`yot subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
