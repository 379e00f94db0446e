// Entry point when the Home Office deploys its subgraph on its own: `npm start -w subgraphs/home-office`.
import { homeOfficeSubgraph } from './index';

homeOfficeSubgraph.main();
