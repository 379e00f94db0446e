import { homeOfficeSubgraph } from '@mappa/home-office';
import { mappaSubgraph } from '@mappa/mappa';
import { policeSubgraph } from '@mappa/police';
import { prisonSubgraph } from '@mappa/prison';
import { probationSubgraph } from '@mappa/probation';
import { AGENCY_REGISTRY } from '@mappa/shared';
import type { AgencySubgraphName, DefinedSubgraph, SubgraphDefinition } from '@mappa/shared';
import { yotSubgraph } from '@mappa/yot';

// The one place the stack imports each agency's package: keyed by the registry's names, so a
// registered agency without its definition (or the reverse) does not compile.
const DEFINITIONS: Readonly<Record<AgencySubgraphName, DefinedSubgraph>> = {
  police: policeSubgraph,
  probation: probationSubgraph,
  prison: prisonSubgraph,
  yot: yotSubgraph,
  mappa: mappaSubgraph,
  'home-office': homeOfficeSubgraph,
};

/** Every agency's subgraph, in the agency registry's order, with the port it listens on by default. */
export const SUBGRAPHS: readonly { readonly definition: DefinedSubgraph; readonly defaultPort: number }[] = AGENCY_REGISTRY.map(
  ({ name, defaultPort }) => ({
    definition: DEFINITIONS[name],
    defaultPort,
  }),
);

export type SubgraphName = AgencySubgraphName;

/** The agencies' subgraph definitions alone, for migrating and seeding them together. */
export const AGENCIES: readonly SubgraphDefinition[] = SUBGRAPHS.map(({ definition }) => definition);
