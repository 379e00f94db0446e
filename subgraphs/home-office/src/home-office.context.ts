import type { SubgraphContext } from '@mappa/shared';
import type { HomeOfficeLoaders } from './home-office.loaders';

/** The context every Home Office resolver receives. */
export type HomeOfficeContext = SubgraphContext<HomeOfficeLoaders>;
