// Entry point when HM Prison Service deploys its subgraph on its own: `npm start -w subgraphs/prison`.
import { prisonSubgraph } from './index';

prisonSubgraph.main();
