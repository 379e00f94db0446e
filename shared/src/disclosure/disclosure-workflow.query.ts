import { and, asc, eq, max } from 'drizzle-orm';
import type { Database } from '../db/database';
import type {
  DisclosureConsultationRow,
  DisclosureDecisionRow,
  DisclosureItemAgreementRow,
  DisclosureItemRow,
  DisclosureTables,
} from './disclosure.tables';

/*
 * The disclosure workflow's statements (disclosure.workflow.ts keeps the rules), over one holder's own
 * tables (its `disclosure/disclosure.table.ts`), each in the connection or transaction it is given:
 * the workflow opens the transactions and takes the decision row's lock first, as before.
 */

type Insert<Table extends keyof DisclosureTables> = DisclosureTables[Table]['$inferInsert'];

/** Decision `decisionId`, locked `for update` in the caller's transaction when `lock`; undefined for none. */
export async function disclosureDecisionById(
  db: Database,
  tables: Pick<DisclosureTables, 'disclosureDecisionTable'>,
  decisionId: string,
  lock: boolean,
): Promise<DisclosureDecisionRow | undefined> {
  const { disclosureDecisionTable } = tables;
  const query = db.select().from(disclosureDecisionTable).where(eq(disclosureDecisionTable.decisionId, decisionId));
  const [decision] = lock ? await query.for('update') : await query;
  return decision;
}

/** The decision's items, removed ones included, by position. */
export async function disclosureItemsOf(
  db: Database,
  tables: Pick<DisclosureTables, 'disclosureItemTable'>,
  decisionId: string,
): Promise<DisclosureItemRow[]> {
  const { disclosureItemTable } = tables;
  return db
    .select()
    .from(disclosureItemTable)
    .where(eq(disclosureItemTable.decisionId, decisionId))
    .orderBy(asc(disclosureItemTable.position));
}

/** Every agreement recorded for the decision's items. */
export async function disclosureItemAgreementsOf(
  db: Database,
  tables: Pick<DisclosureTables, 'disclosureItemAgreementTable'>,
  decisionId: string,
): Promise<DisclosureItemAgreementRow[]> {
  const { disclosureItemAgreementTable } = tables;
  return db.select().from(disclosureItemAgreementTable).where(eq(disclosureItemAgreementTable.decisionId, decisionId));
}

/** The decision's consultations, requested and answered. */
export async function disclosureConsultationsOf(
  db: Database,
  tables: Pick<DisclosureTables, 'disclosureConsultationTable'>,
  decisionId: string,
): Promise<DisclosureConsultationRow[]> {
  const { disclosureConsultationTable } = tables;
  return db.select().from(disclosureConsultationTable).where(eq(disclosureConsultationTable.decisionId, decisionId));
}

/** Appends one change of status to the decision's transitions. */
export async function insertDisclosureTransition(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureTransitionTable'>,
  values: Insert<'disclosureTransitionTable'>,
): Promise<void> {
  await tx.insert(tables.disclosureTransitionTable).values(values);
}

/** Writes `set` to the (locked) decision and returns it as it now is. */
export async function updateDisclosureDecision(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureDecisionTable'>,
  decisionId: string,
  set: Partial<DisclosureDecisionRow>,
): Promise<DisclosureDecisionRow | undefined> {
  const table = tables.disclosureDecisionTable;
  const [after] = await tx.update(table).set(set).where(eq(table.decisionId, decisionId)).returning();
  return after;
}

/** Writes a new decision and returns it as stored. */
export async function insertDisclosureDecision(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureDecisionTable'>,
  values: Insert<'disclosureDecisionTable'>,
): Promise<DisclosureDecisionRow | undefined> {
  const [row] = await tx.insert(tables.disclosureDecisionTable).values(values).returning();
  return row;
}

/** Writes the record that disclosure was considered (B §2). */
export async function insertDisclosureConsideration(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureConsiderationTable'>,
  values: Insert<'disclosureConsiderationTable'>,
): Promise<void> {
  await tx.insert(tables.disclosureConsiderationTable).values(values);
}

/** The highest position of the decision's items, removed ones included; null for none. */
export async function lastDisclosureItemPosition(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureItemTable'>,
  decisionId: string,
): Promise<number | null> {
  const table = tables.disclosureItemTable;
  const [last] = await tx
    .select({ position: max(table.position) })
    .from(table)
    .where(eq(table.decisionId, decisionId));
  return last?.position ?? null;
}

/** Writes a new item and returns it as stored. */
export async function insertDisclosureItem(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureItemTable'>,
  values: Insert<'disclosureItemTable'>,
): Promise<DisclosureItemRow | undefined> {
  const [item] = await tx.insert(tables.disclosureItemTable).values(values).returning();
  return item;
}

/** Marks item `itemId` removed (`set`: when and by whom) and returns it as it now is. */
export async function markDisclosureItemRemoved(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureItemTable'>,
  itemId: string,
  set: Pick<DisclosureItemRow, 'removedAt' | 'removedByStaffId'>,
): Promise<DisclosureItemRow | undefined> {
  const table = tables.disclosureItemTable;
  const [after] = await tx.update(table).set(set).where(eq(table.itemId, itemId)).returning();
  return after;
}

/** Writes a requested consultation and returns it as stored. */
export async function insertDisclosureConsultation(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureConsultationTable'>,
  values: Insert<'disclosureConsultationTable'>,
): Promise<DisclosureConsultationRow | undefined> {
  const [row] = await tx.insert(tables.disclosureConsultationTable).values(values).returning();
  return row;
}

/** Writes the answer to consultation `consultationId` and returns it as it now is. */
export async function updateDisclosureConsultation(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureConsultationTable'>,
  consultationId: string,
  set: Partial<DisclosureConsultationRow>,
): Promise<DisclosureConsultationRow | undefined> {
  const table = tables.disclosureConsultationTable;
  const [after] = await tx.update(table).set(set).where(eq(table.consultationId, consultationId)).returning();
  return after;
}

/** Writes an owner's or the VLO's answer for an item and returns it as stored. */
export async function insertDisclosureItemAgreement(
  tx: Database,
  tables: Pick<DisclosureTables, 'disclosureItemAgreementTable'>,
  values: Insert<'disclosureItemAgreementTable'>,
): Promise<DisclosureItemAgreementRow | undefined> {
  const [row] = await tx.insert(tables.disclosureItemAgreementTable).values(values).returning();
  return row;
}

/** The decision's transitions, in order (by when, then by id). */
export async function disclosureTransitionsOf(
  db: Database,
  tables: Pick<DisclosureTables, 'disclosureTransitionTable'>,
  decisionId: string,
) {
  const table = tables.disclosureTransitionTable;
  return db
    .select()
    .from(table)
    .where(and(eq(table.decisionId, decisionId)))
    .orderBy(asc(table.at), asc(table.transitionId));
}
