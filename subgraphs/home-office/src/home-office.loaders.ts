import type { Database } from '@mappa/shared';
import { createDetentionLoader } from './detention/detention.loader';
import { createImmigrationCaseByReferenceLoader, createImmigrationCaseLoader } from './immigration-case/immigration-case.loader';
import { createIrcSuitabilityLoader } from './irc-suitability/irc-suitability.loader';

/** One request's Home Office loaders: created per request, so cached rows never outlive it. */
export function createHomeOfficeLoaders(db: Database) {
  return {
    immigrationCase: createImmigrationCaseLoader(db),
    immigrationCaseByReference: createImmigrationCaseByReferenceLoader(db),
    detention: createDetentionLoader(db),
    ircSuitability: createIrcSuitabilityLoader(db),
  };
}

export type HomeOfficeLoaders = ReturnType<typeof createHomeOfficeLoaders>;
