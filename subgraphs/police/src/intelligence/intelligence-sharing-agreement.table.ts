import { sql } from 'drizzle-orm';
import { check, index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { policeSchema } from '../police.schema';
import { intelligenceItemTable } from './intelligence-item.table';

/** Who an originator's agreement lets read more of an item: one other force, or the MAPPA partners of the subject's case. */
export const SHARED_WITH = ['POLICE_FORCE', 'MAPPA_PARTNERS'] as const;
export type SharedWith = (typeof SHARED_WITH)[number];

/**
 * An originating force's agreement to share one of its intelligence items beyond what the grants give
 * (principle 4, principle 10, B §1 "Ownership (originator control)": information stays the
 * responsibility of the agency that owns it and is not shared on without its involvement):
 * - POLICE_FORCE: the full item (reference, grading, handling code, originator, text) to the police
 *   officers of one other force, named by its area (`sharedWithArea`; an area is one force area);
 * - MAPPA_PARTNERS: a handling code C item's sanitised summary to the partner agencies the summary
 *   grants reach (Responsible Authority roles at a meeting or disclosure decision about the subject,
 *   the C.63 offender manager and YOT case manager); a P item needs none.
 * Recorded only by a police officer of the originating force, with the rationale, and never deleted:
 * the originator withdraws it (who, when, why), and from then on it opens nothing.
 */
export const intelligenceSharingAgreementTable = policeSchema.table(
  'intelligence_sharing_agreement',
  {
    agreementId: uuid('agreement_id').primaryKey().defaultRandom(),
    itemReference: text('item_reference')
      .notNull()
      .references(() => intelligenceItemTable.reference, { onDelete: 'cascade' }),
    sharedWith: text('shared_with', { enum: SHARED_WITH }).notNull(),
    // The other force's area for POLICE_FORCE; null for MAPPA_PARTNERS (a check below keeps the two together).
    sharedWithArea: text('shared_with_area').$type<MappaArea>(),
    agreedByStaffId: text('agreed_by_staff_id').notNull(),
    agreedByIssuer: text('agreed_by_issuer').notNull(),
    agreedByForce: text('agreed_by_force').notNull(),
    agreedAt: timestamp('agreed_at', { withTimezone: true, mode: 'date' }).notNull(),
    rationale: text('rationale').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnByStaffId: text('withdrawn_by_staff_id'),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    index('intelligence_sharing_agreement_item_idx').on(table.itemReference),
    check('intelligence_sharing_agreement_area_check', sql`(shared_with = 'POLICE_FORCE') = (shared_with_area is not null)`),
    check('intelligence_sharing_agreement_withdrawal_check', sql`(withdrawn_at is null) = (withdrawn_by_staff_id is null)`),
  ],
);

export type IntelligenceSharingAgreementRow = typeof intelligenceSharingAgreementTable.$inferSelect;
