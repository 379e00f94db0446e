import type { Database } from '@mappa/shared';
import { createAdjudicationsLoader } from './adjudication/adjudication.loader';
import { createPrisonAlertsLoader } from './alert/prison-alert.loader';
import { createPrisonerByPncIdLoader, createPrisonerByPrisonNumberLoader } from './custody/custody.loader';
import { createHomeOfficeNotificationLoader } from './home-office-notification/home-office-notification.loader';
import { createMappaFReportsLoader } from './mappa-f-report/mappa-f-report.loader';
import { createOffencesLoader, createPrisonerWithSentenceLoader, createSentenceLoader } from './sentence/sentence.loader';
import { createTemporaryReleasesLoader } from './temporary-release/temporary-release.loader';

/** One request's prison loaders: created per request, so cached rows never outlive it. */
export function createPrisonLoaders(db: Database) {
  const prisoner = createPrisonerByPncIdLoader(db);
  const sentence = createSentenceLoader(db);
  return {
    prisoner,
    // The prisoner and their sentence in one statement, when the selection asks for the sentence.
    prisonerWithSentence: createPrisonerWithSentenceLoader(db, { prisoner, sentence }),
    prisonerByPrisonNumber: createPrisonerByPrisonNumberLoader(db),
    sentence,
    offences: createOffencesLoader(db),
    alerts: createPrisonAlertsLoader(db),
    temporaryReleases: createTemporaryReleasesLoader(db),
    adjudications: createAdjudicationsLoader(db),
    mappaFReports: createMappaFReportsLoader(db),
    homeOfficeNotification: createHomeOfficeNotificationLoader(db),
  };
}

export type PrisonLoaders = ReturnType<typeof createPrisonLoaders>;
