// Test support for the register's tests (register-*.test.ts, and the subgraph's own test): the Kent
// co-ordinator who reads it, the MAPPA subgraph over a dataset on the real clock or one stood at the
// day a test needs (the BST test), and cases with their meetings written by direct SQL, so that the
// tests of the review filter at two clocks set up alike. Synthetic data only.
import { Agency, MappaArea } from '@mappa/shared';
import type { Caller, Clock, SeedDataset } from '@mappa/shared';
import { TEST_ISSUER, startTestSubgraph } from '@mappa/testing';
import type { TestSubgraph } from '@mappa/testing';
import { mappaSubgraph } from '../index';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { meetingTable } from '../meeting/meeting.table';
import type { MeetingStatus } from '../meeting/meeting.table';

/** The owner's role reading its own records: the Kent MAPPA co-ordinator, administering cases. */
export const KENT_COORDINATOR: Caller = {
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'MCU00001',
    agency: 'mappa_unit',
    roles: ['mappa_coordinator'],
    area: MappaArea.KENT,
    clearance: 'SC',
  },
  declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
};

/** The MAPPA subgraph over `dataset`, on `clock` when a test stands it at a day. */
export function startRegisterStack(dataset: SeedDataset, clock?: Clock): Promise<TestSubgraph> {
  return startTestSubgraph(mappaSubgraph, dataset, clock ? { clock } : {});
}

export interface RegisterTestCase {
  readonly caseId: string;
  readonly pncId: string;
  readonly level: number;
  readonly startDate: string;
  readonly nextReviewDate: string | null;
  /** REVIEW meetings chaired by probation, each lasting `minutes` once held. */
  readonly meetings: readonly {
    readonly meetingId: string;
    readonly scheduledFor: Date;
    readonly status: MeetingStatus;
    readonly minutes: number;
  }[];
}

/** Writes an active category 2 Kent case led by probation, and its meetings, as the test describes them. */
export async function addRegisterCase(stack: TestSubgraph, testCase: RegisterTestCase): Promise<void> {
  const db = stack.database.connection.database();
  const { caseId, pncId } = testCase;
  await db.insert(mappaCaseTable).values({
    caseId,
    pncId,
    category: 2,
    level: testCase.level,
    leadAgency: Agency.PROBATION,
    area: MappaArea.KENT,
    startDate: testCase.startDate,
    nextReviewDate: testCase.nextReviewDate,
    status: MappaCaseStatus.ACTIVE,
    subjectDateOfBirth: '1980-01-01',
  });
  for (const meeting of testCase.meetings) {
    const { scheduledFor } = meeting;
    const held = meeting.status === 'HELD';
    await db.insert(meetingTable).values({
      meetingId: meeting.meetingId,
      caseId,
      pncId,
      area: MappaArea.KENT,
      kind: 'REVIEW',
      scheduledFor,
      chairStaffId: 'NPS12345',
      chairIssuer: TEST_ISSUER,
      chairAgency: 'probation',
      status: meeting.status,
      createdByStaffId: 'MCU00001',
      createdAt: new Date(scheduledFor.getTime() - 20 * 86_400_000),
      confidentialityStatementReadAt: held ? scheduledFor : null,
      openedAt: held ? scheduledFor : null,
      closedAt: held ? new Date(scheduledFor.getTime() + meeting.minutes * 60_000) : null,
    });
  }
}
