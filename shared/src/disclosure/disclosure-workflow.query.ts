import { and, asc, eq, max } from 'drizzle-orm';
import type { Database } from '../db/database';
import type {
  DisclosureConsultationRow,
  DisclosureDecisionRow,
  DisclosureItemAgreementRow,
  DisclosureItemRow,
  DisclosureTables,
} from './disclosure.tables';
import type { DisclosureStandingFacts } from './disclosure-standing';

/*
 * The disclosure workflow's statements (disclosure.workflow.ts keeps the rules), bound once to one
 * holder's own tables (its `disclosure/disclosure.table.ts`): each holder's query module makes its set
 * with `disclosureStatementsOver` and hands it to the workflow and the evidence resolver, so the holder
 * lists no table and the workflow builds no SQL. Each statement runs in the connection or transaction
 * it is given: the workflow opens the transactions and takes the decision row's lock first.
 */

type Insert<Table extends keyof DisclosureTables> = DisclosureTables[Table]['$inferInsert'];

/** The rows of a decision that decide who stands to it, without the meeting's chair (the MAPPA unit adds it). */
export type DisclosureStandingRows = Omit<DisclosureStandingFacts, 'meetingChair'> & { readonly meetingId: string | null };

/** The disclosure statements over one holder's tables (`disclosureTablesIn(itsSchema)`). */
export function disclosureStatementsOver(tables: DisclosureTables) {
  const {
    disclosureDecisionTable: decisions,
    disclosureItemTable: items,
    disclosureItemAgreementTable: agreements,
    disclosureConsultationTable: consultations,
    disclosureTransitionTable: transitions,
    disclosureConsiderationTable: considerations,
  } = tables;
  return {
    /** Decision `decisionId`, locked `for update` in the caller's transaction when `lock`; undefined for none. */
    async decisionById(db: Database, decisionId: string, lock: boolean): Promise<DisclosureDecisionRow | undefined> {
      const query = db.select().from(decisions).where(eq(decisions.decisionId, decisionId));
      const [decision] = lock ? await query.for('update') : await query;
      return decision;
    },

    /** The decision's items, removed ones included, by position. */
    async itemsOf(db: Database, decisionId: string): Promise<DisclosureItemRow[]> {
      return db.select().from(items).where(eq(items.decisionId, decisionId)).orderBy(asc(items.position));
    },

    /** Every agreement recorded for the decision's items. */
    async itemAgreementsOf(db: Database, decisionId: string): Promise<DisclosureItemAgreementRow[]> {
      return db.select().from(agreements).where(eq(agreements.decisionId, decisionId));
    },

    /** The decision's consultations, requested and answered. */
    async consultationsOf(db: Database, decisionId: string): Promise<DisclosureConsultationRow[]> {
      return db.select().from(consultations).where(eq(consultations.decisionId, decisionId));
    },

    /** Appends one change of status to the decision's transitions. */
    async insertTransition(tx: Database, values: Insert<'disclosureTransitionTable'>): Promise<void> {
      await tx.insert(transitions).values(values);
    },

    /** Writes `set` to the (locked) decision and returns it as it now is. */
    async updateDecision(
      tx: Database,
      decisionId: string,
      set: Partial<DisclosureDecisionRow>,
    ): Promise<DisclosureDecisionRow | undefined> {
      const [after] = await tx.update(decisions).set(set).where(eq(decisions.decisionId, decisionId)).returning();
      return after;
    },

    /** Writes a new decision and returns it as stored. */
    async insertDecision(tx: Database, values: Insert<'disclosureDecisionTable'>): Promise<DisclosureDecisionRow | undefined> {
      const [row] = await tx.insert(decisions).values(values).returning();
      return row;
    },

    /** Writes the record that disclosure was considered (B §2). */
    async insertConsideration(tx: Database, values: Insert<'disclosureConsiderationTable'>): Promise<void> {
      await tx.insert(considerations).values(values);
    },

    /** The highest position of the decision's items, removed ones included; null for none. */
    async lastItemPosition(tx: Database, decisionId: string): Promise<number | null> {
      const [last] = await tx
        .select({ position: max(items.position) })
        .from(items)
        .where(eq(items.decisionId, decisionId));
      return last?.position ?? null;
    },

    /** Writes a new item and returns it as stored. */
    async insertItem(tx: Database, values: Insert<'disclosureItemTable'>): Promise<DisclosureItemRow | undefined> {
      const [item] = await tx.insert(items).values(values).returning();
      return item;
    },

    /** Marks item `itemId` removed (`set`: when and by whom) and returns it as it now is. */
    async markItemRemoved(
      tx: Database,
      itemId: string,
      set: Pick<DisclosureItemRow, 'removedAt' | 'removedByStaffId'>,
    ): Promise<DisclosureItemRow | undefined> {
      const [after] = await tx.update(items).set(set).where(eq(items.itemId, itemId)).returning();
      return after;
    },

    /** Writes a requested consultation and returns it as stored. */
    async insertConsultation(tx: Database, values: Insert<'disclosureConsultationTable'>): Promise<DisclosureConsultationRow | undefined> {
      const [row] = await tx.insert(consultations).values(values).returning();
      return row;
    },

    /** Writes the answer to consultation `consultationId` and returns it as it now is. */
    async updateConsultation(
      tx: Database,
      consultationId: string,
      set: Partial<DisclosureConsultationRow>,
    ): Promise<DisclosureConsultationRow | undefined> {
      const [after] = await tx.update(consultations).set(set).where(eq(consultations.consultationId, consultationId)).returning();
      return after;
    },

    /** Writes an owner's or the VLO's answer for an item and returns it as stored. */
    async insertItemAgreement(
      tx: Database,
      values: Insert<'disclosureItemAgreementTable'>,
    ): Promise<DisclosureItemAgreementRow | undefined> {
      const [row] = await tx.insert(agreements).values(values).returning();
      return row;
    },

    /** The decision's transitions, in order (by when, then by id). */
    async transitionsOf(db: Database, decisionId: string) {
      return db
        .select()
        .from(transitions)
        .where(and(eq(transitions.decisionId, decisionId)))
        .orderBy(asc(transitions.at), asc(transitions.transitionId));
    },

    /**
     * The rows of decision `decisionId` that decide who stands to it (`disclosureStandingOf`), or null
     * when the holder holds no such decision. The MAPPA unit adds its meeting's chair; level 1 holders have none.
     */
    async standingFacts(db: Database, decisionId: string): Promise<DisclosureStandingRows | null> {
      const [decision] = await db
        .select({
          decisionId: decisions.decisionId,
          pncId: decisions.pncId,
          area: decisions.area,
          subjectUnder18: decisions.subjectUnder18,
          proposedByStaffId: decisions.proposedByStaffId,
          proposedByIssuer: decisions.proposedByIssuer,
          status: decisions.status,
          outcome: decisions.outcome,
          meetingId: decisions.meetingId,
        })
        .from(decisions)
        .where(eq(decisions.decisionId, decisionId));
      if (!decision) return null;
      // Both at once: neither depends on the other.
      const [itemRows, consultationRows] = await Promise.all([
        db
          .select({ sourceAgency: items.sourceAgency, victimIdentifying: items.victimIdentifying, removedAt: items.removedAt })
          .from(items)
          .where(eq(items.decisionId, decisionId))
          .orderBy(asc(items.position)),
        db.select({ kind: consultations.kind }).from(consultations).where(eq(consultations.decisionId, decisionId)),
      ]);
      const { meetingId, ...row } = decision;
      return { decision: row, meetingId, items: itemRows, consultations: consultationRows };
    },
  };
}

/** One holder's disclosure statements, as `disclosureStatementsOver` binds them. */
export type DisclosureStatements = ReturnType<typeof disclosureStatementsOver>;
