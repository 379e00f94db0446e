// Entry point when the MAPPA Co-ordination Unit deploys its subgraph on its own: `npm start -w subgraphs/mappa`.
import { runStandaloneSubgraph } from '@mappa/shared';
import { loadMappaConfig, mappaSubgraph } from './index';

void runStandaloneSubgraph(mappaSubgraph, loadMappaConfig()).catch((error: unknown) => {
  process.stderr.write(`mappa subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
