import type { SubgraphContext } from '@mappa/shared';
import type { PoliceLoaders } from './police.loaders';

/** The context every police resolver receives. */
export type PoliceContext = SubgraphContext<PoliceLoaders>;
