import type { Database } from '@mappa/shared';
import { createCivilOrdersLoader } from './civil-order/civil-order.loader';
import { createAliasesLoader, createPersonLoader } from './identity/identity.loader';
import { createIntelligenceLoader } from './intelligence/intelligence-item.loader';
import { createMappaJLoader } from './mappa-j/mappa-j.loader';
import { createNotificationBreachesLoader, createNotificationLoader } from './notification/notification.loader';
import { createPoliceRiskLoader } from './police-risk/police-risk.loader';
import { createPersonWithVisorNominalLoader, createVisorNominalLoader } from './visor/visor-nominal.loader';
import { createWarningMarkersLoader } from './warning-marker/warning-marker.loader';

/** One request's police loaders: created per request, so cached rows never outlive it. */
export function createPoliceLoaders(db: Database) {
  const person = createPersonLoader(db);
  const visorNominal = createVisorNominalLoader(db);
  return {
    person,
    // The person and their ViSOR nominal in one statement, when the selection asks for the nominal.
    personWithVisorNominal: createPersonWithVisorNominalLoader(db, { person, visorNominal }),
    aliases: createAliasesLoader(db),
    visorNominal,
    notification: createNotificationLoader(db),
    notificationBreaches: createNotificationBreachesLoader(db),
    policeRisk: createPoliceRiskLoader(db),
    civilOrders: createCivilOrdersLoader(db),
    warningMarkers: createWarningMarkersLoader(db),
    intelligence: createIntelligenceLoader(db),
    mappaJ: createMappaJLoader(db),
  };
}

export type PoliceLoaders = ReturnType<typeof createPoliceLoaders>;
