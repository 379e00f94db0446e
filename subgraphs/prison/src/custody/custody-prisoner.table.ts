import { boolean, date, integer, text } from 'drizzle-orm/pg-core';
import type { MappaArea } from '@mappa/shared';
import { prisonSchema } from '../prison.schema';

export const IN_OUT_STATUSES = ['IN', 'OUT'] as const;
export const SECURITY_CATEGORIES = ['A', 'B', 'C', 'D'] as const;
export const LEGAL_STATUSES = ['SENTENCED', 'INDETERMINATE_SENTENCE', 'RECALL', 'REMAND', 'CONVICTED_UNSENTENCED'] as const;
export const INCENTIVE_LEVELS = ['BASIC', 'STANDARD', 'ENHANCED'] as const;
export const MOVEMENT_TYPES = ['ADMISSION', 'TRANSFER', 'TEMPORARY_ABSENCE_RETURN', 'RELEASE'] as const;
export const MOVEMENT_REASONS = [
  'NEW_ADMISSION',
  'RECATEGORISATION',
  'ACCREDITED_PROGRAMME',
  'RESETTLEMENT',
  'ADMINISTRATIVE',
  'ROTL_RETURN',
  'CONDITIONAL_RELEASE',
  'AUTOMATIC_RELEASE',
  'PAROLE_BOARD_DIRECTION',
] as const;

/**
 * A person held, or once held, by HM Prison Service: their NOMIS record and current booking, keyed by
 * prison number. Only people with a prison number (in custody now, or released on licence) are here.
 */
export const prisonerTable = prisonSchema.table('prisoner', {
  prisonNumber: text('prison_number').primaryKey(),
  // Unique, so it is also the index the "does the prison hold this PNC ID" loader uses.
  pncId: text('pnc_id').notNull().unique(),
  bookingId: integer('booking_id').notNull().unique(),
  inOutStatus: text('in_out_status', { enum: IN_OUT_STATUSES }).notNull(),
  establishmentCode: text('establishment_code'),
  establishmentName: text('establishment_name'),
  lastEstablishmentCode: text('last_establishment_code').notNull(),
  lastEstablishmentName: text('last_establishment_name').notNull(),
  cellLocation: text('cell_location'),
  securityCategory: text('security_category', { enum: SECURITY_CATEGORIES }).notNull(),
  incentiveLevel: text('incentive_level', { enum: INCENTIVE_LEVELS }),
  receptionDate: date('reception_date', { mode: 'string' }).notNull(),
  legalStatus: text('legal_status', { enum: LEGAL_STATUSES }).notNull(),
  lastMovementType: text('last_movement_type', { enum: MOVEMENT_TYPES }).notNull(),
  lastMovementReason: text('last_movement_reason', { enum: MOVEMENT_REASONS }).notNull(),
  lastMovementDate: date('last_movement_date', { mode: 'string' }).notNull(),
  lastMovementFromEstablishmentCode: text('last_movement_from_establishment_code'),
  lastMovementToEstablishmentCode: text('last_movement_to_establishment_code'),
  // Principle 7: category 4 (terrorist / terrorist-risk) or a restricted-access ViSOR record. Such a
  // prisoner exists only for counter-terrorism cleared callers (see subjectInScope).
  counterTerrorismRestricted: boolean('ct_restricted').notNull().default(false),
  // R-3 (principle 2, C.5): the MAPPA area responsible for the person (where they are managed and
  // will be released to), not where they are held: the prison estate is national. Recorded so that
  // prison row scope follows the area without reading another agency's tables; in production the
  // prison keeps it current from the MAPPA case when it transfers (C.5). Null when the prison cannot
  // tell (rows from before this column): then only a case grant brings the prisoner in scope.
  mappaArea: text('mappa_area').$type<MappaArea>(),
});

export type PrisonerRow = typeof prisonerTable.$inferSelect;
