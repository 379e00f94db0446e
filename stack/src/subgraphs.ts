import { mappaSubgraph } from '@mappa/mappa';
import { policeSubgraph } from '@mappa/police';
import { prisonSubgraph } from '@mappa/prison';
import { probationSubgraph } from '@mappa/probation';
import type { SubgraphDefinition } from '@mappa/shared';
import { yotSubgraph } from '@mappa/yot';

/** Every agency's subgraph, with the port it listens on by default. */
export const SUBGRAPHS: readonly { readonly definition: SubgraphDefinition; readonly defaultPort: number }[] = [
  { definition: policeSubgraph, defaultPort: 4001 },
  { definition: probationSubgraph, defaultPort: 4002 },
  { definition: prisonSubgraph, defaultPort: 4003 },
  { definition: yotSubgraph, defaultPort: 4004 },
  { definition: mappaSubgraph, defaultPort: 4005 },
];

export type SubgraphName = 'police' | 'probation' | 'prison' | 'yot' | 'mappa';

/** The agencies' subgraph definitions alone, for migrating and seeding them together. */
export const AGENCIES: readonly SubgraphDefinition[] = SUBGRAPHS.map(({ definition }) => definition);
