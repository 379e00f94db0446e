import type { SubgraphContext } from '@mappa/shared';
import type { PrisonLoaders } from './prison.loaders';

/** The context every prison resolver receives. */
export type PrisonContext = SubgraphContext<PrisonLoaders>;
