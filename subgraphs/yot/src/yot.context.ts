import type { SubgraphContext } from '@mappa/shared';
import type { YotLoaders } from './yot.loaders';

/** The context every YOT resolver receives. */
export type YotContext = SubgraphContext<YotLoaders>;
