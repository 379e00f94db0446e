import { date, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { yotSchema } from '../yot.schema';

/** The plan to transfer the case to the Probation Service on the young person's 18th birthday. */
export const adultTransitionTable = yotSchema.table('adult_transition', {
  pncId: text('pnc_id')
    .primaryKey()
    .references(() => youthCaseTable.pncId, { onDelete: 'cascade' }),
  plannedTransferDate: date('planned_transfer_date', { mode: 'string' }).notNull(),
  receivingProbationArea: text('receiving_probation_area').$type<MappaArea>().notNull(),
  status: text('status', { enum: ['NOT_STARTED', 'PLANNED', 'IN_PROGRESS'] }).notNull(),
  transitionMeetingDate: date('transition_meeting_date', { mode: 'string' }),
});

export type AdultTransitionRow = typeof adultTransitionTable.$inferSelect;
