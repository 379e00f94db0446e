import { MappaArea, fixedClock, syntheticPeople } from '@mappa/shared';
import type { TestSubgraph } from '@mappa/testing';
import { KENT_COORDINATOR, addRegisterCase, startRegisterStack } from './register.fixtures';

// Issue 14, one definition of a calendar date: the register dated the last held meeting in UTC. A
// level 3 meeting held at 23:30 UTC on 30 June (BST) was held on 1 July in England and Wales, so the
// next is due 8 weeks later, on 26 August, not on 25 August: on 26 August it is DUE, not OVERDUE.
const TODAY = '2026-08-26';
// mappa-kpi-bst.test.ts's dataset: one seeded template for both files in a run.
const dataset = { offenders: 60, seed: 11, asOf: '2026-11-01', areas: [MappaArea.KENT] };
const [subject] = syntheticPeople(dataset.offenders, 1, dataset);
const CASE_ID = 'MC-T0000002';

let stack: TestSubgraph;

/** Every PNC ID of the register with this review status (one page holds the small dataset's). */
async function registerWith(reviewStatus: 'DUE' | 'OVERDUE'): Promise<string[]> {
  const result = await stack.query<{
    offenders: { edges: { node: { pncId: string } }[]; pageInfo: { hasNextPage: boolean } };
  }>(
    `query($filter: OffenderFilter) { offenders(first: 100, filter: $filter) { edges { node { pncId } } pageInfo { hasNextPage } } }`,
    { filter: { reviewStatus } },
    KENT_COORDINATOR,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.offenders.pageInfo.hasNextPage).toBe(false);
  return result.data?.offenders.edges.map((edge) => edge.node.pncId) ?? [];
}

beforeAll(async () => {
  stack = await startRegisterStack(dataset, fixedClock(`${TODAY}T12:00:00Z`));
  await addRegisterCase(stack, {
    caseId: CASE_ID,
    pncId: subject!.pncId,
    level: 3,
    startDate: '2026-01-05',
    nextReviewDate: '2026-10-01',
    // 00:30 on 1 July 2026 in England and Wales.
    meetings: [{ meetingId: 'MTG-TREG-1', scheduledFor: new Date('2026-06-30T23:30:00Z'), status: 'HELD', minutes: 30 }],
  });
}, 120_000);

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

describe("the register's review filter dates a held meeting on its day in England and Wales (issue 14)", () => {
  it('A §5, B §5: a level 3 meeting held at 23:30 UTC on 30 June (BST, 1 July) makes the next one DUE on 26 August, not OVERDUE', async () => {
    expect(await registerWith('DUE')).toContain(subject!.pncId);
    expect(await registerWith('OVERDUE')).not.toContain(subject!.pncId);
  });
});
