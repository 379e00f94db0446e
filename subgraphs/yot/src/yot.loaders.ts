import type { Database } from '@mappa/shared';
import { createAdultTransitionLoader } from './adult-transition/adult-transition.loader';
import { createAssetPlusLoader } from './asset-plus/asset-plus.loader';
import { createConsentRecordsLoader } from './consent/consent-record.loader';
import { createLookedAfterLoader } from './looked-after/looked-after.loader';
import { createMappaHNotificationLoader } from './mappa-h/mappa-h-notification.loader';
import { createYouthCaseByReferenceLoader, createYouthCaseLoader } from './youth-case/youth-case.loader';
import { createYouthOrdersLoader } from './youth-order/youth-order.loader';

/** One request's YOT loaders: created per request, so cached rows never outlive it. */
export function createYotLoaders(db: Database) {
  return {
    youthCase: createYouthCaseLoader(db),
    youthCaseByReference: createYouthCaseByReferenceLoader(db),
    assetPlus: createAssetPlusLoader(db),
    youthOrders: createYouthOrdersLoader(db),
    lookedAfter: createLookedAfterLoader(db),
    consentRecords: createConsentRecordsLoader(db),
    mappaHNotification: createMappaHNotificationLoader(db),
    adultTransition: createAdultTransitionLoader(db),
  };
}

export type YotLoaders = ReturnType<typeof createYotLoaders>;
