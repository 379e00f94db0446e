import type { Database } from '@mappa/shared';
import { createMappaCaseHistoryLoader, createMappaCaseLoader } from './mappa-case/mappa-case.loader';

/** One request's MAPPA loaders: created per request, so cached rows never outlive it. */
export function createMappaLoaders(db: Database) {
  return {
    mappaCase: createMappaCaseLoader(db),
    mappaCaseHistory: createMappaCaseHistoryLoader(db),
  };
}

export type MappaLoaders = ReturnType<typeof createMappaLoaders>;
