import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, text, timestamp } from 'drizzle-orm/pg-core';
import { homeOfficeSchema } from '../home-office.schema';
import { immigrationCaseTable } from '../immigration-case/immigration-case.table';

/**
 * Seed 000 §6: a MAPPA time-served foreign national offender is released from immigration detention
 * only once the MAPPA arrangements for release are in place. The states, in the only order allowed
 * (enforced by the table's checks and the transition trigger of migration 0001, and in code by
 * `detention.state.ts`):
 *   DETAINED → ARRANGEMENTS_CONFIRMED → RELEASED
 *   DETAINED | ARRANGEMENTS_CONFIRMED → REMOVED (deportation or administrative removal, C.73)
 * RELEASED and REMOVED are final.
 */
export const DETENTION_STATUSES = ['DETAINED', 'ARRANGEMENTS_CONFIRMED', 'RELEASED', 'REMOVED'] as const;
export type DetentionStatus = (typeof DETENTION_STATUSES)[number];
export const RELEASE_ROUTES = ['IMMIGRATION_BAIL', 'EXECUTIVE_RELEASE'] as const;
export const REMOVAL_TYPES = ['DEPORTATION', 'ADMINISTRATIVE_REMOVAL'] as const;

/** A period of immigration detention in an immigration removal centre (IRC), one per person here. */
export const detentionTable = homeOfficeSchema.table(
  'detention',
  {
    pncId: text('pnc_id')
      .primaryKey()
      .references(() => immigrationCaseTable.pncId, { onDelete: 'cascade' }),
    ircCode: text('irc_code').notNull(),
    ircName: text('irc_name').notNull(),
    detainedFrom: date('detained_from', { mode: 'string' }).notNull(),
    status: text('status', { enum: DETENTION_STATUSES }).notNull(),
    arrangementsConfirmedDate: date('arrangements_confirmed_date', { mode: 'string' }),
    arrangementsConfirmedByStaffId: text('arrangements_confirmed_by_staff_id'),
    releasedDate: date('released_date', { mode: 'string' }),
    releaseRoute: text('release_route', { enum: RELEASE_ROUTES }),
    releasedByStaffId: text('released_by_staff_id'),
    removedDate: date('removed_date', { mode: 'string' }),
    removalType: text('removal_type', { enum: REMOVAL_TYPES }),
    removedByStaffId: text('removed_by_staff_id'),
  },
  (table) => [
    check('detention_status_known', sql`${table.status} in ('DETAINED', 'ARRANGEMENTS_CONFIRMED', 'RELEASED', 'REMOVED')`),
    // Seed 000 §6: released only with the arrangements confirmed, by someone, before (or on) the day.
    check(
      'detention_arrangements_recorded',
      sql`(${table.status} in ('ARRANGEMENTS_CONFIRMED', 'RELEASED')) <= (${table.arrangementsConfirmedDate} is not null and ${table.arrangementsConfirmedByStaffId} is not null)`,
    ),
    check('detention_detained_unconfirmed', sql`${table.status} <> 'DETAINED' or ${table.arrangementsConfirmedDate} is null`),
    check(
      'detention_release_recorded',
      sql`(${table.status} = 'RELEASED') = (${table.releasedDate} is not null and ${table.releaseRoute} is not null and ${table.releasedByStaffId} is not null)`,
    ),
    check(
      'detention_release_after_arrangements',
      sql`${table.releasedDate} is null or ${table.releasedDate} >= ${table.arrangementsConfirmedDate}`,
    ),
    check(
      'detention_removal_recorded',
      sql`(${table.status} = 'REMOVED') = (${table.removedDate} is not null and ${table.removalType} is not null and ${table.removedByStaffId} is not null)`,
    ),
  ],
);

export type DetentionRow = typeof detentionTable.$inferSelect;

/** Each change of a detention's state, by whom (the Home Office case owner, C.73) and when: the record's own history. */
export const detentionEventTable = homeOfficeSchema.table(
  'detention_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pncId: text('pnc_id')
      .notNull()
      .references(() => detentionTable.pncId, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: DETENTION_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: DETENTION_STATUSES }).notNull(),
    staffId: text('staff_id').notNull(),
    issuer: text('issuer').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('detention_event_pnc_id_idx').on(table.pncId)],
);
