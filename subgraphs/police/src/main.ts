// Entry point when the police deploy their subgraph on its own: `npm start -w subgraphs/police`.
import { policeSubgraph } from './index';

policeSubgraph.main();
