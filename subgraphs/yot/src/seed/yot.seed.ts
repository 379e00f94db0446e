import type { SubgraphSeed, Database, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import { insertInChunks, Random } from '@mappa/shared';
import { adultTransitionTable } from '../adult-transition/adult-transition.table';
import { assetPlusTable } from '../asset-plus/asset-plus.table';
import { consentRecordTable } from '../consent/consent-record.table';
import { lookedAfterTable } from '../looked-after/looked-after.table';
import { mappaHNotificationTable } from '../mappa-h/mappa-h-notification.table';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { youthOrderTable } from '../youth-order/youth-order.table';
import { buildAdultTransition } from './adult-transition.builder';
import { buildAssetPlus } from './asset-plus.builder';
import { buildConsents } from './consent.builder';
import { buildLookedAfter } from './looked-after.builder';
import { buildMappaHNotification } from './mappa-h.builder';
import { isHeldByYot } from './yot-catalogue';
import { buildYouthCase, openCase } from './youth-case.builder';
import { buildCurrentOrder, buildPreviousOrder } from './youth-order.builder';
import type { YouthOrderInsert } from './youth-order.builder';

/**
 * Writes the YOT's rows for a batch of synthetic people: only the under-18s are YOT cases. Each record
 * kind has its builder (`*.builder.ts`); this only calls them, person by person, in the order they
 * draw from the person's YOT stream (the order is the data: changing it changes the dataset), and
 * writes the rows table by table.
 */
export async function seedYot(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const { asOf } = dataset;
  const cases: (typeof youthCaseTable.$inferInsert)[] = [];
  const assessments: (typeof assetPlusTable.$inferInsert)[] = [];
  const orders: YouthOrderInsert[] = [];
  const lookedAfter: (typeof lookedAfterTable.$inferInsert)[] = [];
  const consents: (typeof consentRecordTable.$inferInsert)[] = [];
  const notifications: (typeof mappaHNotificationTable.$inferInsert)[] = [];
  const transitions: (typeof adultTransitionTable.$inferInsert)[] = [];

  for (const person of people) {
    if (!isHeldByYot(person, asOf)) continue;
    // A stream of its own per agency: adding a YOT field never changes another agency's data.
    const random = new Random(dataset.seed, person.index, 'yot');
    const { pncId } = person;
    const current = buildCurrentOrder(random, person, asOf);
    const previous = buildPreviousOrder(random, person);
    const opening = openCase(random, previous ?? current);
    if (previous) orders.push({ pncId, ...previous });
    orders.push({ pncId, ...current });
    const transition = buildAdultTransition(random, person, asOf);
    transitions.push(transition);
    cases.push(buildYouthCase(random, person, opening, transition.status));
    assessments.push(buildAssetPlus(random, person, asOf, opening.caseManagerStaffId));
    const socialCare = buildLookedAfter(random, person, asOf);
    if (socialCare.row) lookedAfter.push(socialCare.row);
    consents.push(...buildConsents(random, person, asOf, current, socialCare));
    notifications.push(buildMappaHNotification(random, person, current, opening.caseManagerStaffId));
  }

  await insertInChunks(db, youthCaseTable, cases);
  await Promise.all([
    insertInChunks(db, assetPlusTable, assessments),
    insertInChunks(db, youthOrderTable, orders),
    insertInChunks(db, lookedAfterTable, lookedAfter),
    insertInChunks(db, consentRecordTable, consents),
    insertInChunks(db, mappaHNotificationTable, notifications),
    insertInChunks(db, adultTransitionTable, transitions),
  ]);
}

/** How the YOT's synthetic data is written, cleared (children go with their case) and recognised. */
export const yotSeed: SubgraphSeed = { write: seedYot, tables: [youthCaseTable], seededWhenRowsIn: youthCaseTable };
