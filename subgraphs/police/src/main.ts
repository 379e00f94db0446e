// Entry point when the police deploy their subgraph on its own: `npm start -w subgraphs/police`.
import { runStandaloneSubgraph } from '@mappa/shared';
import { loadPoliceConfig, policeSubgraph } from './index';

void runStandaloneSubgraph(policeSubgraph, loadPoliceConfig()).catch((error: unknown) => {
  process.stderr.write(`police subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
