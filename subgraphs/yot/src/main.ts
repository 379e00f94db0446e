// Entry point when the youth offending team deploys its subgraph on its own: `npm start -w subgraphs/yot`.
import { yotSubgraph } from './index';

yotSubgraph.main();
