import { date, integer, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { yotSchema } from '../yot.schema';

/**
 * The MAPPA H notification the YOT sent the MAPPA Co-ordinator. A table of its own because it is the
 * only YOT content the co-ordinator may see (A.R10): it must never be assembled from case fields.
 */
export const mappaHNotificationTable = yotSchema.table('mappa_h_notification', {
  pncId: text('pnc_id')
    .primaryKey()
    .references(() => youthCaseTable.pncId, { onDelete: 'cascade' }),
  notifiedDate: date('notified_date', { mode: 'string' }).notNull(),
  coordinatorArea: text('coordinator_area').$type<MappaArea>().notNull(),
  category: integer('category').notNull(),
  levelSought: integer('level_sought').notNull(),
  reason: text('reason').notNull(),
  notifiedByStaffId: text('notified_by_staff_id').notNull(),
});

export type MappaHNotificationRow = typeof mappaHNotificationTable.$inferSelect;
