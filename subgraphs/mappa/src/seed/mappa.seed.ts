import { sql } from 'drizzle-orm';
import type { SubgraphSeed, Database, SyntheticDatasetOptions, SyntheticPerson } from '@mappa/shared';
import { insertFinishedDecisions, insertInChunks, Random } from '@mappa/shared';
import { caseAccessGrantTable } from '../case-access-grant/case-access-grant.table';
import { mappaCaseChangeTable, mappaCaseTable } from '../mappa-case/mappa-case.table';
import {
  meetingActionTable,
  meetingAttendanceTable,
  meetingDecisionTable,
  meetingInvitationTable,
  meetingMinutesTable,
  meetingTable,
} from '../meeting/meeting.table';
import { referralTable } from '../referral/referral.table';
import { sfoNotificationTable } from '../sfo-notification/sfo-notification.table';
import { refreshCaseYears } from '../statistics/statistics-case-year.query';
import { smbAttendanceTable, smbMeetingTable, smbMemberTable } from '../smb/smb.table';
import * as disclosureTables from '../disclosure/disclosure.table';
import { emptyWorkflowRows } from './mappa-catalogue';
import type { WorkflowRows } from './mappa-catalogue';
import { referenceMeetings } from './mappa-case-history.builder';
import type { CaseInsert, ChangeInsert } from './mappa-case-history.builder';
import { buildCurrentCase, buildEarlierCase } from './mappa-case.builder';
import { buildMeetings } from './meeting.builder';
import { buildReferrals } from './referral.builder';
import { buildSfoNotifications } from './sfo-notification.builder';
import { smbRows } from './smb.builder';
import {
  disclosureConsiderationTable,
  disclosureConsultationTable,
  disclosureDecisionTable,
  disclosureItemAgreementTable,
  disclosureItemTable,
  disclosureTransitionTable,
} from '../disclosure/disclosure.table';

/**
 * Writes the MAPPA unit's rows for a batch of synthetic people: every person gets exactly one ACTIVE case.
 * Each record kind has its builder (`*.builder.ts`); this only calls them, person by person, in the order
 * they draw from the person's MAPPA and workflow streams (the order is the data: changing it changes the
 * dataset), and writes the rows table by table.
 */
export async function seedMappa(db: Database, people: readonly SyntheticPerson[], dataset: SyntheticDatasetOptions): Promise<void> {
  const cases: CaseInsert[] = [];
  const changes: ChangeInsert[] = [];
  const sfos: (typeof sfoNotificationTable.$inferInsert)[] = [];
  const rows: WorkflowRows = emptyWorkflowRows();
  for (const person of people) {
    // A stream of its own per agency: adding a MAPPA detail never changes another agency's data.
    const random = new Random(dataset.seed, person.index, 'mappa');
    // The workflow's own stream: its details never shift the case data drawn from the first.
    const workflowRandom = new Random(dataset.seed, person.index, 'mappa-workflow');
    const current = buildCurrentCase(person, dataset, random, workflowRandom);
    const earlier = buildEarlierCase(person, random, workflowRandom);
    for (const seeded of earlier ? [earlier, current] : [current]) {
      const caseId = seeded.row.caseId;
      buildReferrals(workflowRandom, { person, caseId, dataset, opening: seeded.opening, rows }, seeded.history, seeded.row.level);
      const meetingsBefore = rows.meetings.length;
      buildMeetings(
        workflowRandom,
        {
          person,
          caseId,
          asOf: dataset.asOf,
          opening: seeded.opening,
          history: seeded.history,
          nextReviewDate: seeded.row.nextReviewDate ?? null,
          rows,
        },
        seeded.meetings,
      );
      const chairs = new Map(rows.meetings.slice(meetingsBefore).map((meeting) => [meeting.meetingId, meeting.chairStaffId]));
      referenceMeetings(seeded.history, caseId, seeded.meetings, (meetingId) => chairs.get(meetingId));
      cases.push(seeded.row);
      changes.push(...seeded.history);
    }
    sfos.push(...buildSfoNotifications(person, dataset, current));
  }
  // The cases and their history in one transaction that refreshes their reporting-year summary once, after
  // both (migration 0029), rather than the insert triggers refreshing every case twice.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local mappa.case_years_refreshed_by_writer = 'on'`);
    await insertInChunks(tx, mappaCaseTable, cases);
    await insertInChunks(tx, mappaCaseChangeTable, changes);
    await refreshCaseYears(
      tx,
      cases.map((row) => row.caseId),
    );
  });
  // Children after parents; tables with no foreign key between them go in parallel (each insert is one
  // statement per chunk, and each chunk is in its final state: see mappa-catalogue.ts). The meetings go in
  // one history load after their disclosure considerations and the decisions some proposed (B §2), so a
  // held meeting is never without its consideration (the close rule); that load runs beside the others.
  await Promise.all([
    insertInChunks(db, sfoNotificationTable, sfos),
    (async () => {
      // KPI 5: the areas' board registers (no foreign key to the cases). They belong to the dataset, not
      // to this batch of people: every batch writes the same rows, and only the first one's are kept.
      const smb = smbRows(dataset);
      const once = { ignoreExisting: true };
      await Promise.all([insertInChunks(db, smbMemberTable, smb.members, once), insertInChunks(db, smbMeetingTable, smb.meetings, once)]);
      await insertInChunks(db, smbAttendanceTable, smb.attendance, once);
    })(),
    insertInChunks(db, referralTable, rows.referrals),
    db.transaction(async (tx) => {
      await tx.execute(sql`set local mappa.loading_history = 'on'`);
      await insertFinishedDecisions(tx, disclosureTables, rows.disclosures);
      await insertInChunks(tx, disclosureConsiderationTable, rows.considerations);
      await insertInChunks(tx, meetingTable, rows.meetings);
    }),
  ]);
  await Promise.all([insertInChunks(db, meetingInvitationTable, rows.invitations), insertInChunks(db, caseAccessGrantTable, rows.grants)]);
  // Minutes, decisions and actions are finished history, inserted in their final state: the workflow
  // triggers (0008) let that through only for a transaction that declares itself a history load.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local mappa.loading_history = 'on'`);
    await insertInChunks(tx, meetingAttendanceTable, rows.attendance);
    await insertInChunks(tx, meetingMinutesTable, rows.minutes);
    await insertInChunks(tx, meetingDecisionTable, rows.decisions);
    await insertInChunks(tx, meetingActionTable, rows.actions);
  });
}

/**
 * How the MAPPA unit's synthetic data is written, cleared and recognised. Clearing removes every
 * MAPPA row (history goes with its case), case access grants, referrals and meetings with everything
 * that hangs off them included: they name subjects of the dataset being replaced. TRUNCATE
 * (`defineSubgraph`), because grants refuse row deletes and TRUNCATE fires no row triggers.
 */
export const mappaSeed: SubgraphSeed = {
  write: seedMappa,
  tables: [
    disclosureConsiderationTable,
    disclosureTransitionTable,
    disclosureConsultationTable,
    disclosureItemAgreementTable,
    disclosureItemTable,
    disclosureDecisionTable,
    meetingActionTable,
    meetingDecisionTable,
    meetingMinutesTable,
    meetingAttendanceTable,
    meetingInvitationTable,
    meetingTable,
    referralTable,
    sfoNotificationTable,
    smbAttendanceTable,
    smbMeetingTable,
    smbMemberTable,
    mappaCaseTable,
    caseAccessGrantTable,
  ],
  seededWhenRowsIn: mappaCaseTable,
};
