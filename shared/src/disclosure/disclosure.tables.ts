import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PgSchema } from 'drizzle-orm/pg-core';
import type { MappaArea } from '../domain/mappa-area';
import type { PrincipalAgency, Role } from '../auth/principal';
import type {
  AgreementKind,
  ConsultationKind,
  ConsultationResponse,
  DisclosureItemKind,
  DisclosureOutcome,
  DisclosureStatus,
  ItemSourceAgency,
  LawfulBasis,
  RecipientKind,
  RepresentationException,
} from './disclosure.model';

/*
 * The disclosure decision's tables, defined once and created by each holder in its own PostgreSQL
 * schema (the MAPPA unit's for levels 2 and 3, probation's and the police's for their level 1 cases):
 * each holder's `disclosure/disclosure.table.ts` calls `disclosureTablesIn(itsSchema)` and exports the
 * result, so drizzle-kit writes the same tables into each holder's migrations. The state machine's
 * triggers are the same SQL in each holder (see `disclosure-triggers.sql.ts`).
 *
 * Staff are named by staff id and the identity provider that issued it (issue 9 §2), with their agency
 * and the role they acted in. Nothing here is ever deleted.
 */

/** One party's dissent from a decision, minuted with it (B §2 "What must be recorded"). */
export interface DisclosureDissent {
  readonly agency: PrincipalAgency;
  readonly reason: string;
}

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export function disclosureTablesIn(schema: PgSchema) {
  const disclosureDecisionTable = schema.table(
    'disclosure_decision',
    {
      decisionId: text('decision_id').primaryKey(),
      pncId: text('pnc_id').notNull(),
      area: text('area').$type<MappaArea>().notNull(),
      // 1 at the lead agency; 2 or 3 at the MAPPA unit, where the decision is the meeting's.
      level: integer('level').notNull(),
      // The MAPPA case and meeting it belongs to (levels 2 and 3 only).
      caseId: text('case_id'),
      meetingId: text('meeting_id'),
      // B.10: decided by the holder when the proposal is made; an unknown age counts as under 18.
      subjectUnder18: boolean('subject_under_18').notNull(),
      status: text('status').$type<DisclosureStatus>().notNull(),
      outcome: text('outcome').$type<DisclosureOutcome>(),
      recipientKind: text('recipient_kind').$type<RecipientKind>().notNull(),
      // Who the recipient is, as the recipient will be addressed (a role and organisation, not a record).
      recipientDescription: text('recipient_description').notNull(),
      recipientIsChild: boolean('recipient_is_child').notNull(),
      recipientIsAdultAtRisk: boolean('recipient_is_adult_at_risk').notNull(),
      purpose: text('purpose').notNull(),
      lawfulBasis: text('lawful_basis').$type<LawfulBasis>().notNull(),
      alternativesConsidered: text('alternatives_considered').notNull(),
      // What the recipient is told to do with it: whom to contact, what to report ("if you see X, do Y").
      recipientGuidance: text('recipient_guidance').notNull(),
      proposedByStaffId: text('proposed_by_staff_id').notNull(),
      proposedByIssuer: text('proposed_by_issuer').notNull(),
      proposedByAgency: text('proposed_by_agency').$type<PrincipalAgency>().notNull(),
      proposedAt: at('proposed_at').notNull().defaultNow(),
      consultingFrom: at('consulting_from'),
      // The offender's representations (10.20): sought (with a summary of what they said), or not sought with an exception.
      representationsSought: boolean('representations_sought'),
      representationsSummary: text('representations_summary'),
      representationsException: text('representations_exception').$type<RepresentationException>(),
      representationsRecordedAt: at('representations_recorded_at'),
      decidedByStaffId: text('decided_by_staff_id'),
      decidedByIssuer: text('decided_by_issuer'),
      decidedByAgency: text('decided_by_agency').$type<PrincipalAgency>(),
      decidedAt: at('decided_at'),
      rationale: text('rationale'),
      disclosureRiskAssessment: text('disclosure_risk_assessment'),
      contingencyPlans: text('contingency_plans'),
      dissent: jsonb('dissent').$type<DisclosureDissent[]>(),
      // The "most appropriate agency" that carries a DISCLOSE decision out (B.7).
      executingAgency: text('executing_agency').$type<PrincipalAgency>(),
      madeByStaffId: text('made_by_staff_id'),
      madeByIssuer: text('made_by_issuer'),
      madeByAgency: text('made_by_agency').$type<PrincipalAgency>(),
      madeAt: at('made_at'),
      // To whom exactly, as the discloser recorded it (the person briefed).
      madeTo: text('made_to'),
      offenderTold: boolean('offender_told'),
      signedFormReference: text('signed_form_reference'),
      // Exactly what was disclosed: the rendered document, byte for byte, and its SHA-256 (hex).
      frozenContent: text('frozen_content'),
      contentSha256: text('content_sha256'),
      withdrawnAt: at('withdrawn_at'),
      withdrawnByStaffId: text('withdrawn_by_staff_id'),
      withdrawalReason: text('withdrawal_reason'),
    },
    (table) => [
      index('disclosure_decision_pnc_id_idx').on(table.pncId),
      index('disclosure_decision_meeting_id_idx').on(table.meetingId),
      // Reporting: an area's decisions by the date they were proposed.
      index('disclosure_decision_area_proposed_at_idx').on(table.area, table.proposedAt),
      check(
        'disclosure_decision_level_check',
        sql`(level = 1 and meeting_id is null and case_id is null) or (level in (2, 3) and meeting_id is not null and case_id is not null)`,
      ),
      check('disclosure_decision_status_check', sql`status in ('PROPOSED', 'CONSULTING', 'DECIDED', 'MADE', 'WITHDRAWN')`),
      check(
        'disclosure_decision_outcome_check',
        sql`(status in ('PROPOSED', 'CONSULTING') and outcome is null and decided_at is null)
          or (status = 'DECIDED' and outcome is not null and decided_at is not null)
          or (status = 'MADE' and outcome = 'DISCLOSE' and decided_at is not null and made_at is not null)
          or (status = 'WITHDRAWN' and withdrawn_at is not null)`,
      ),
      check('disclosure_decision_outcome_value_check', sql`outcome is null or outcome in ('DISCLOSE', 'NOT_DISCLOSE')`),
      check(
        'disclosure_decision_decided_check',
        sql`(decided_at is null and decided_by_staff_id is null and rationale is null) or (decided_at is not null and decided_by_staff_id is not null and decided_by_issuer is not null and decided_by_agency is not null and rationale is not null and disclosure_risk_assessment is not null and contingency_plans is not null and dissent is not null and representations_recorded_at is not null)`,
      ),
      check('disclosure_decision_executing_check', sql`(outcome = 'DISCLOSE') = (executing_agency is not null)`),
      check(
        'disclosure_decision_made_check',
        sql`(made_at is null and made_by_staff_id is null and frozen_content is null and content_sha256 is null) or (made_at is not null and made_by_staff_id is not null and made_by_issuer is not null and made_by_agency is not null and made_to is not null and offender_told is not null and frozen_content is not null and content_sha256 ~ '^[0-9a-f]{64}$')`,
      ),
      check(
        'disclosure_decision_representations_check',
        sql`(representations_recorded_at is null and representations_sought is null and representations_summary is null and representations_exception is null)
          or (representations_recorded_at is not null and representations_sought and representations_summary is not null and representations_exception is null)
          or (representations_recorded_at is not null and not representations_sought and representations_exception is not null)`,
      ),
      check(
        'disclosure_decision_withdrawn_check',
        sql`(withdrawn_at is null) = (withdrawn_by_staff_id is null) and (withdrawn_at is null) = (withdrawal_reason is null)`,
      ),
    ],
  );

  /** A content item, in order. Its wording never changes: a different wording is a new item, and the old one is removed. */
  const disclosureItemTable = schema.table(
    'disclosure_item',
    {
      itemId: text('item_id').primaryKey(),
      decisionId: text('decision_id')
        .notNull()
        .references(() => disclosureDecisionTable.decisionId),
      position: integer('position').notNull(),
      kind: text('kind').$type<DisclosureItemKind>().notNull(),
      // The agency whose record it is drawn from (for free text, the proposer's agency).
      sourceAgency: text('source_agency').$type<ItemSourceAgency | PrincipalAgency>().notNull(),
      // RECORD_FIELD: the schema coordinate of the field quoted (`PoliceRisk.intelligenceSummary`) and the record's id, when it has one.
      fieldCoordinate: text('field_coordinate'),
      recordReference: text('record_reference'),
      wording: text('wording').notNull(),
      wordingSha256: text('wording_sha256').notNull(),
      // B.15: identifies a victim: needs the victim liaison officer's agreement as well as the owner's.
      victimIdentifying: boolean('victim_identifying').notNull(),
      // B.13: a photograph is shown, never handed over, and disclosed only against the presumption.
      photograph: boolean('photograph').notNull(),
      addedByStaffId: text('added_by_staff_id').notNull(),
      addedByIssuer: text('added_by_issuer').notNull(),
      addedAt: at('added_at').notNull().defaultNow(),
      removedAt: at('removed_at'),
      removedByStaffId: text('removed_by_staff_id'),
    },
    (table) => [
      index('disclosure_item_decision_id_idx').on(table.decisionId),
      check(
        'disclosure_item_kind_check',
        sql`(kind = 'RECORD_FIELD' and field_coordinate is not null) or (kind = 'FREE_TEXT' and field_coordinate is null and record_reference is null)`,
      ),
      check('disclosure_item_wording_check', sql`length(wording) between 1 and 4000 and wording_sha256 ~ '^[0-9a-f]{64}$'`),
      check('disclosure_item_removed_check', sql`(removed_at is null) = (removed_by_staff_id is null)`),
    ],
  );

  /** An answer for an item's owner (or its victim liaison officer), bound to the exact wording answered. */
  const disclosureItemAgreementTable = schema.table(
    'disclosure_item_agreement',
    {
      agreementId: text('agreement_id').primaryKey(),
      itemId: text('item_id')
        .notNull()
        .references(() => disclosureItemTable.itemId),
      decisionId: text('decision_id')
        .notNull()
        .references(() => disclosureDecisionTable.decisionId),
      kind: text('kind').$type<AgreementKind>().notNull(),
      agency: text('agency').$type<PrincipalAgency>().notNull(),
      staffId: text('staff_id').notNull(),
      issuer: text('issuer').notNull(),
      role: text('role').$type<Role>().notNull(),
      agreed: boolean('agreed').notNull(),
      note: text('note'),
      wordingSha256: text('wording_sha256').notNull(),
      recordedAt: at('recorded_at').notNull().defaultNow(),
    },
    (table) => [
      index('disclosure_item_agreement_item_id_idx').on(table.itemId),
      check('disclosure_item_agreement_kind_check', sql`kind in ('OWNER', 'VICTIM_LIAISON')`),
      check('disclosure_item_agreement_refusal_check', sql`agreed or note is not null`),
    ],
  );

  /** A consultation the guidance requires (`requiredConsultationsOf`): requested, then answered once. */
  const disclosureConsultationTable = schema.table(
    'disclosure_consultation',
    {
      consultationId: text('consultation_id').primaryKey(),
      decisionId: text('decision_id')
        .notNull()
        .references(() => disclosureDecisionTable.decisionId),
      kind: text('kind').$type<ConsultationKind>().notNull(),
      consulteeAgency: text('consultee_agency').$type<PrincipalAgency>().notNull(),
      requestedAt: at('requested_at').notNull().defaultNow(),
      requestedByStaffId: text('requested_by_staff_id').notNull(),
      response: text('response').$type<ConsultationResponse>(),
      responseNote: text('response_note'),
      respondedAt: at('responded_at'),
      respondedByStaffId: text('responded_by_staff_id'),
      respondedByIssuer: text('responded_by_issuer'),
      respondedByRole: text('responded_by_role').$type<Role>(),
    },
    (table) => [
      uniqueIndex('disclosure_consultation_kind_idx').on(table.decisionId, table.kind),
      check(
        'disclosure_consultation_kind_check',
        sql`kind in ('YOT_SENIOR', 'CHILDRENS_SERVICES', 'ADULT_SOCIAL_CARE', 'ACC_APPROVAL', 'MOJ_PRESS_OFFICE')`,
      ),
      check(
        'disclosure_consultation_response_check',
        sql`(response is null and responded_at is null and responded_by_staff_id is null and response_note is null) or (response in ('AGREES', 'CONCERNS', 'APPROVED', 'NOT_APPROVED', 'INFORMED') and responded_at is not null and responded_by_staff_id is not null and responded_by_issuer is not null and responded_by_role is not null and response_note is not null)`,
      ),
    ],
  );

  /** Every transition, in order, with who made it: the decision's own history beside the audit trail. */
  const disclosureTransitionTable = schema.table(
    'disclosure_transition',
    {
      transitionId: text('transition_id').primaryKey(),
      decisionId: text('decision_id')
        .notNull()
        .references(() => disclosureDecisionTable.decisionId),
      fromStatus: text('from_status').$type<DisclosureStatus>(),
      toStatus: text('to_status').$type<DisclosureStatus>().notNull(),
      staffId: text('staff_id').notNull(),
      issuer: text('issuer').notNull(),
      agency: text('agency').$type<PrincipalAgency>().notNull(),
      at: at('at').notNull().defaultNow(),
    },
    (table) => [index('disclosure_transition_decision_id_idx').on(table.decisionId)],
  );

  /**
   * That disclosure was considered: at a level 2/3 meeting (which cannot be closed without one), or at a
   * level 1 review. Either a decision was proposed, or it was not considered necessary, with the reason.
   */
  const disclosureConsiderationTable = schema.table(
    'disclosure_consideration',
    {
      considerationId: text('consideration_id').primaryKey(),
      pncId: text('pnc_id').notNull(),
      area: text('area').$type<MappaArea>().notNull(),
      meetingId: text('meeting_id'),
      reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
      outcome: text('outcome').$type<'DECISION_PROPOSED' | 'NOT_NECESSARY'>().notNull(),
      reason: text('reason').notNull(),
      decisionId: text('decision_id').references(() => disclosureDecisionTable.decisionId),
      recordedByStaffId: text('recorded_by_staff_id').notNull(),
      recordedByIssuer: text('recorded_by_issuer').notNull(),
      recordedAt: at('recorded_at').notNull().defaultNow(),
    },
    (table) => [
      index('disclosure_consideration_pnc_id_idx').on(table.pncId),
      index('disclosure_consideration_meeting_id_idx').on(table.meetingId),
      check(
        'disclosure_consideration_outcome_check',
        sql`(outcome = 'DECISION_PROPOSED' and decision_id is not null) or (outcome = 'NOT_NECESSARY' and decision_id is null)`,
      ),
    ],
  );

  return {
    disclosureDecisionTable,
    disclosureItemTable,
    disclosureItemAgreementTable,
    disclosureConsultationTable,
    disclosureTransitionTable,
    disclosureConsiderationTable,
  };
}

export type DisclosureTables = ReturnType<typeof disclosureTablesIn>;
export type DisclosureDecisionRow = DisclosureTables['disclosureDecisionTable']['$inferSelect'];
export type DisclosureItemRow = DisclosureTables['disclosureItemTable']['$inferSelect'];
export type DisclosureItemAgreementRow = DisclosureTables['disclosureItemAgreementTable']['$inferSelect'];
export type DisclosureConsultationRow = DisclosureTables['disclosureConsultationTable']['$inferSelect'];
export type DisclosureTransitionRow = DisclosureTables['disclosureTransitionTable']['$inferSelect'];
export type DisclosureConsiderationRow = DisclosureTables['disclosureConsiderationTable']['$inferSelect'];
