import { Agency, MappaArea, fixedClock, syntheticPeople } from '@mappa/shared';
import type { Caller, RunningSubgraph } from '@mappa/shared';
import { TEST_ISSUER, querySubgraph, startTestSubgraph } from '@mappa/testing';
import type { TestDatabase, TestGatewayKeys } from '@mappa/testing';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { meetingTable } from '../meeting/meeting.table';
import { mappaSubgraph } from '../index';

// Issue 14, one definition of a calendar date: the register dated the last held meeting in UTC. A
// level 3 meeting held at 23:30 UTC on 30 June (BST) was held on 1 July in England and Wales, so the
// next is due 8 weeks later, on 26 August, not on 25 August: on 26 August it is DUE, not OVERDUE.
const TODAY = '2026-08-26';
const dataset = { offenders: 60, seed: 13, asOf: '2026-11-01', areas: [MappaArea.KENT] };
const [subject] = syntheticPeople(dataset.offenders, 1, dataset);
const CASE_ID = 'MC-T0000002';

let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

const COORDINATOR: Caller = {
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

/** Every PNC ID of the register with this review status (one page holds the small dataset's). */
async function registerWith(reviewStatus: 'DUE' | 'OVERDUE'): Promise<string[]> {
  const result = await querySubgraph<{
    offenders: { edges: { node: { pncId: string } }[]; pageInfo: { hasNextPage: boolean } };
  }>(
    subgraph,
    gateway,
    `query($filter: OffenderFilter) { offenders(first: 100, filter: $filter) { edges { node { pncId } } pageInfo { hasNextPage } } }`,
    { filter: { reviewStatus } },
    COORDINATOR,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.offenders.pageInfo.hasNextPage).toBe(false);
  return result.data?.offenders.edges.map((edge) => edge.node.pncId) ?? [];
}

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(mappaSubgraph, dataset, { clock: fixedClock(`${TODAY}T12:00:00Z`) }));
  const db = database.connection.database();
  await db.insert(mappaCaseTable).values({
    caseId: CASE_ID,
    pncId: subject!.pncId,
    category: 2,
    level: 3,
    leadAgency: Agency.PROBATION,
    area: MappaArea.KENT,
    startDate: '2026-01-05',
    nextReviewDate: '2026-10-01',
    status: MappaCaseStatus.ACTIVE,
    subjectDateOfBirth: '1980-01-01',
  });
  // 00:30 on 1 July 2026 in England and Wales.
  const heldAt = new Date('2026-06-30T23:30:00Z');
  await db.insert(meetingTable).values({
    meetingId: 'MTG-TREG-1',
    caseId: CASE_ID,
    pncId: subject!.pncId,
    area: MappaArea.KENT,
    kind: 'REVIEW',
    scheduledFor: heldAt,
    chairStaffId: 'NPS12345',
    chairIssuer: TEST_ISSUER,
    chairAgency: 'probation',
    status: 'HELD',
    createdByStaffId: 'MCU00001',
    createdAt: new Date(heldAt.getTime() - 20 * 86_400_000),
    confidentialityStatementReadAt: heldAt,
    openedAt: heldAt,
    closedAt: new Date(heldAt.getTime() + 1_800_000),
  });
}, 120_000);

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe("the register's review filter dates a held meeting on its day in England and Wales (issue 14)", () => {
  it('A §5, B §5: a level 3 meeting held at 23:30 UTC on 30 June (BST, 1 July) makes the next one DUE on 26 August, not OVERDUE', async () => {
    expect(await registerWith('DUE')).toContain(subject!.pncId);
    expect(await registerWith('OVERDUE')).not.toContain(subject!.pncId);
  });
});
