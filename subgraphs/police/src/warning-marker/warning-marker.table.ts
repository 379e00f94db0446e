import { date, index, serial, text } from 'drizzle-orm/pg-core';
import { personTable } from '../identity/identity-person.table';
import { policeSchema } from '../police.schema';

/** PNC warning markers: short safety flags for officers (weapons, violence, self-harm…). */
export const warningMarkerTable = policeSchema.table(
  'warning_marker',
  {
    id: serial('id').primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => personTable.pncId, { onDelete: 'cascade' }),
    code: text('code', { enum: ['WE', 'VI', 'SH', 'DR', 'ES', 'CO', 'FI', 'MH'] }).notNull(),
    createdDate: date('created_date', { mode: 'string' }).notNull(),
  },
  (table) => [index('warning_marker_pnc_id_idx').on(table.pncId)],
);

export type WarningMarkerRow = typeof warningMarkerTable.$inferSelect;
