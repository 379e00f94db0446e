import { eq } from 'drizzle-orm';
import { disclosureStandingOf } from '@mappa/shared';
import type { Database, DisclosureEvidence, Principal } from '@mappa/shared';
import { meetingTable } from '../meeting/meeting.table';
import { mappaDisclosureStatements } from './disclosure-workflow.query';

/**
 * The caller's standing to a level 2/3 disclosure decision the unit holds, as DISCLOSURE purpose
 * evidence (issue 11), or null: the same null for an unknown id, another area's decision and one the
 * caller is not party to (principle 9). The decision maker is the chair of the decision's meeting.
 */
export async function disclosureEvidenceFor(
  db: Database,
  principal: Principal,
  decisionId: string,
  now: Date,
): Promise<DisclosureEvidence | null> {
  const facts = await mappaDisclosureStatements.standingFacts(db, decisionId);
  if (!facts) return null;
  const [meeting] =
    facts.meetingId === null
      ? []
      : await db
          .select({ staffId: meetingTable.chairStaffId, issuer: meetingTable.chairIssuer })
          .from(meetingTable)
          .where(eq(meetingTable.meetingId, facts.meetingId));
  return disclosureStandingOf(principal, { ...facts, meetingChair: meeting ?? null }, now);
}
