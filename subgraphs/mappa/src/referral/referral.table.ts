import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import type { MappaArea, PrincipalAgency, Role } from '@mappa/shared';
import { mappaSchema } from '../mappa.schema';
// Types only: the GraphQL enum is the one list of statuses (the database's check and trigger, migration
// 0006, enforce the same transitions).
import type { ReferralStatus } from './referral.type';

/** An agency (its single point of contact) and, optionally, a role the referrer proposes to invite (MAPPA A "additional invitees"). */
export interface ProposedInvitee {
  readonly agency: PrincipalAgency;
  readonly role: Role | null;
  readonly reason: string;
}

/**
 * A MAPPA A referral to level 2 or 3 management (A.R19, B §6): made by a Responsible Authority or
 * YOT practitioner about one person, screened by the co-ordinator of the area it is made in. A YOT
 * referral waits for a YOT manager's endorsement before the co-ordinator sees it (C.50).
 */
export const referralTable = mappaSchema.table(
  'referral',
  {
    referralId: text('referral_id').primaryKey(),
    pncId: text('pnc_id').notNull(),
    // The MAPPA area whose co-ordinator screens it: the referrer's own.
    area: text('area').$type<MappaArea>().notNull(),
    referringAgency: text('referring_agency').$type<PrincipalAgency>().notNull(),
    referrerStaffId: text('referrer_staff_id').notNull(),
    referrerIssuer: text('referrer_issuer').notNull(),
    categorySought: integer('category_sought').notNull(),
    levelSought: integer('level_sought').notNull(),
    // MAPPA A carries the date of birth: the unit tells an under-18 by it (A.R25, B.10).
    subjectDateOfBirth: date('subject_date_of_birth', { mode: 'string' }).notNull(),
    inCustody: boolean('in_custody').notNull(),
    expectedReleaseDate: date('expected_release_date', { mode: 'string' }),
    reasons: text('reasons').notNull(),
    addedValue: text('added_value').notNull(),
    victimConcerns: text('victim_concerns'),
    safeguardingConcerns: text('safeguarding_concerns'),
    proposedInvitees: jsonb('proposed_invitees')
      .$type<ProposedInvitee[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: text('status').$type<ReferralStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // When the co-ordinator received it (for a YOT referral, at endorsement); the screening clock starts here.
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    screeningDueDate: date('screening_due_date', { mode: 'string' }),
    endorsedByStaffId: text('endorsed_by_staff_id'),
    endorsedByIssuer: text('endorsed_by_issuer'),
    endorsedAt: timestamp('endorsed_at', { withTimezone: true, mode: 'date' }),
    screenedAt: timestamp('screened_at', { withTimezone: true, mode: 'date' }),
    screenedByStaffId: text('screened_by_staff_id'),
    screenedByIssuer: text('screened_by_issuer'),
    acceptedCategory: integer('accepted_category'),
    acceptedLevel: integer('accepted_level'),
    acceptedLeadAgency: text('accepted_lead_agency'),
    rejectionReasons: text('rejection_reasons'),
    // The MAPPA case the accepted screening opened or changed.
    caseId: text('case_id'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    index('referral_pnc_id_idx').on(table.pncId),
    // The co-ordinator's screening queue.
    index('referral_area_status_idx').on(table.area, table.status),
    check('referral_status_check', sql`status in ('AWAITING_ENDORSEMENT', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')`),
    check('referral_category_sought_check', sql`category_sought between 1 and 4`),
    check('referral_level_sought_check', sql`level_sought between 2 and 3`),
    check('referral_custody_release_check', sql`not in_custody or expected_release_date is not null`),
    // Submitted means received by the co-ordinator, with the screening deadline set.
    check(
      'referral_submitted_check',
      sql`(status = 'AWAITING_ENDORSEMENT' and submitted_at is null) or (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED') and submitted_at is not null) or status = 'WITHDRAWN'`,
    ),
    check('referral_screening_due_check', sql`(submitted_at is null) = (screening_due_date is null)`),
    // C.50: a YOT referral reaches the co-ordinator only endorsed by a YOT manager.
    check(
      'referral_yot_endorsement_check',
      sql`referring_agency <> 'yot' or submitted_at is null or (endorsed_by_staff_id is not null and endorsed_by_issuer is not null and endorsed_at is not null)`,
    ),
    check(
      'referral_accepted_check',
      sql`(status = 'ACCEPTED') = (accepted_category is not null and accepted_level is not null and accepted_lead_agency is not null and case_id is not null)`,
    ),
    check('referral_rejected_check', sql`(status = 'REJECTED') = (rejection_reasons is not null)`),
    check(
      'referral_screened_check',
      sql`(status in ('ACCEPTED', 'REJECTED')) = (screened_at is not null and screened_by_staff_id is not null and screened_by_issuer is not null)`,
    ),
    check('referral_withdrawn_check', sql`(status = 'WITHDRAWN') = (withdrawn_at is not null and withdrawal_reason is not null)`),
  ],
);

export type ReferralRow = typeof referralTable.$inferSelect;
