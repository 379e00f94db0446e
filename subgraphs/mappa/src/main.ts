// Entry point when the MAPPA Co-ordination Unit deploys its subgraph on its own: `npm start -w subgraphs/mappa`.
import { mappaSubgraph } from './index';

mappaSubgraph.main();
