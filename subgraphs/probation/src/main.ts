// Entry point when the Probation Service deploys its subgraph on its own: `npm start -w subgraphs/probation`.
import { probationSubgraph } from './index';

probationSubgraph.main();
