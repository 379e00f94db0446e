import type { SubgraphContext } from '@mappa/shared';
import type { ProbationLoaders } from './probation.loaders';

/** The context every probation resolver receives. */
export type ProbationContext = SubgraphContext<ProbationLoaders>;
