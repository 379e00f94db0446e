import type { SubgraphContext } from '@mappa/shared';
import type { MappaLoaders } from './mappa.loaders';

/** The context every MAPPA resolver receives. */
export type MappaContext = SubgraphContext<MappaLoaders>;
