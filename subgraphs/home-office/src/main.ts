// Entry point when the Home Office deploys its subgraph on its own: `npm start -w subgraphs/home-office`.
import { runStandaloneSubgraph } from '@mappa/shared';
import { homeOfficeSubgraph, loadHomeOfficeConfig } from './index';

void runStandaloneSubgraph(homeOfficeSubgraph, loadHomeOfficeConfig()).catch((error: unknown) => {
  process.stderr.write(`home-office subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
