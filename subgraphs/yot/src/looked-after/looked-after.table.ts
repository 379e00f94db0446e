import { boolean, date, text } from 'drizzle-orm/pg-core';
import { youthCaseTable } from '../youth-case/youth-case.table';
import { yotSchema } from '../yot.schema';

export const PARENTAL_RESPONSIBILITY_HOLDERS = [
  'MOTHER',
  'FATHER',
  'STEP_PARENT',
  'GRANDPARENT',
  'OTHER_RELATIVE',
  'SPECIAL_GUARDIAN',
  'LOCAL_AUTHORITY',
] as const;

/**
 * Looked-after status and parental responsibility as children's social care last supplied them.
 * The YOT only reads this (A.R40, A.R51): children's social care owns and writes it.
 */
export const lookedAfterTable = yotSchema.table('looked_after_status', {
  pncId: text('pnc_id')
    .primaryKey()
    .references(() => youthCaseTable.pncId, { onDelete: 'cascade' }),
  lookedAfter: boolean('looked_after').notNull(),
  legalBasis: text('legal_basis', { enum: ['SECTION_20', 'SECTION_31_CARE_ORDER', 'SECTION_38_INTERIM_CARE_ORDER', 'YOUTH_REMAND'] }),
  responsibleLocalAuthority: text('responsible_local_authority'),
  parentalResponsibilityHolders: text('parental_responsibility_holders', { enum: PARENTAL_RESPONSIBILITY_HOLDERS }).array().notNull(),
  source: text('source', { enum: ['CHILDRENS_SOCIAL_CARE', 'YOUTH_OFFENDING_TEAM'] }).notNull(),
  asAtDate: date('as_at_date', { mode: 'string' }).notNull(),
});

export type LookedAfterRow = typeof lookedAfterTable.$inferSelect;
