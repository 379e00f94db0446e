import { Agency, MappaArea, syntheticPeople } from '@mappa/shared';
import type { Caller, RunningSubgraph } from '@mappa/shared';
import { TEST_ISSUER, querySubgraph, startTestSubgraph } from '@mappa/testing';
import type { TestDatabase, TestGatewayKeys } from '@mappa/testing';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { meetingTable } from '../meeting/meeting.table';
import { mappaSubgraph } from '../index';

// Issue 14, one definition of a calendar date: a meeting held at 23:30 UTC in British Summer Time was
// held the next day in England and Wales. The KPIs dated meetings in UTC: a review at 23:30Z on 30 June
// counted in the quarter to June, and as 56 days after a meeting on 5 May (on time at level 3) when, in
// England and Wales, it was held on 1 July, 57 days after (late). The seeded dataset is in Kent; the
// test's own case is the only one of its area, so the area's KPI cells are its meetings alone.
const dataset = { offenders: 60, seed: 11, asOf: '2026-11-01', areas: [MappaArea.KENT] };
const AREA = MappaArea.CUMBRIA;
const KEY_SECRET = 'kpi-bst-test-secret-0123456789abcdef';
const [subject] = syntheticPeople(dataset.offenders, 1, dataset);
const CASE_ID = 'MC-T0000001';

let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

const ANALYST: Caller = {
  principal: { issuer: TEST_ISSUER, staffId: 'ANL0031', agency: 'police', roles: ['analyst'], area: AREA, clearance: 'BPSS' },
  declaredPurpose: { purpose: 'STATISTICS', caseId: null },
};

interface KpiCell {
  kpi: string;
  group: string;
  met: number;
  notMet: number;
}

async function kpis(from: string, to: string): Promise<KpiCell[]> {
  const result = await querySubgraph<{ mappaStatisticsKpis: KpiCell[] | null }>(
    subgraph,
    gateway,
    `query($area: MappaArea!, $from: LocalDate!, $to: LocalDate!, $keySecret: String!) {
      mappaStatisticsKpis(area: $area, from: $from, to: $to, keySecret: $keySecret) { kpi group met notMet }
    }`,
    { area: AREA, from, to, keySecret: KEY_SECRET },
    ANALYST,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.mappaStatisticsKpis ?? [];
}

const reviewsOnTime = (cells: readonly KpiCell[]) => cells.find((cell) => cell.kpi === 'LEVEL_3_REVIEWED_WITHIN_8_WEEKS');

/** A held level 3 meeting of the test's case at `at`. */
async function heldMeeting(index: number, kind: 'INITIAL' | 'REVIEW', at: string): Promise<void> {
  const scheduledFor = new Date(at);
  await database.connection
    .database()
    .insert(meetingTable)
    .values({
      meetingId: `MTG-TKPI-${index}`,
      caseId: CASE_ID,
      pncId: subject!.pncId,
      area: AREA,
      kind,
      scheduledFor,
      chairStaffId: 'NPS12345',
      chairIssuer: TEST_ISSUER,
      chairAgency: 'probation',
      status: 'HELD',
      createdByStaffId: 'MCU00001',
      createdAt: new Date(scheduledFor.getTime() - 20 * 86_400_000),
      confidentialityStatementReadAt: scheduledFor,
      openedAt: scheduledFor,
      closedAt: new Date(scheduledFor.getTime() + 1_800_000),
    });
}

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(mappaSubgraph, dataset));
  await database.connection.database().insert(mappaCaseTable).values({
    caseId: CASE_ID,
    pncId: subject!.pncId,
    category: 2,
    level: 3,
    leadAgency: Agency.PROBATION,
    area: AREA,
    startDate: '2026-01-05',
    nextReviewDate: '2026-08-26',
    status: MappaCaseStatus.ACTIVE,
    subjectDateOfBirth: '1980-01-01',
  });
  await heldMeeting(1, 'INITIAL', '2026-05-05T09:00:00Z');
  // 00:30 on 1 July 2026 in England and Wales.
  await heldMeeting(2, 'REVIEW', '2026-06-30T23:30:00Z');
}, 120_000);

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('the KPIs date a meeting on its day in England and Wales (issue 14)', () => {
  it('C §7.2 KPI 1: a review at 23:30 UTC on 30 June (BST) is held on 1 July: it counts in the quarter from July, not the one to June', async () => {
    expect(reviewsOnTime(await kpis('2026-04-01', '2026-06-30'))).toBeUndefined();
    expect(reviewsOnTime(await kpis('2026-07-01', '2026-09-30'))).toMatchObject({ met: 0, notMet: 1 });
  });

  it('C §7.2 KPI 1: that review is 57 days after the meeting of 5 May, late for level 3 (8 weeks), not 56 days and on time', async () => {
    expect(reviewsOnTime(await kpis('2026-04-01', '2027-03-31'))).toMatchObject({ met: 0, notMet: 1 });
  });
});
