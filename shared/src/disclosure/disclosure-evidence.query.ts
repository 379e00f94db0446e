import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import type { DisclosureTables } from './disclosure.tables';
import type { DisclosureStandingFacts } from './disclosure-standing';

/**
 * The rows of decision `decisionId` that decide who stands to it (`disclosureStandingOf`), read from
 * one holder's own tables (its `disclosure/disclosure.table.ts`), or null when it holds no such
 * decision. The MAPPA unit adds its meeting's chair; level 1 holders have none.
 */
export async function disclosureStandingFactsIn(
  db: Database,
  tables: Pick<DisclosureTables, 'disclosureDecisionTable' | 'disclosureItemTable' | 'disclosureConsultationTable'>,
  decisionId: string,
): Promise<(Omit<DisclosureStandingFacts, 'meetingChair'> & { readonly meetingId: string | null }) | null> {
  const { disclosureDecisionTable: decisions, disclosureItemTable: items, disclosureConsultationTable: consultations } = tables;
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
}
