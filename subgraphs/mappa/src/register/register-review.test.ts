import { addDays, MappaArea, calendarDateOf, syntheticPeople } from '@mappa/shared';
import { and, eq, gte } from 'drizzle-orm';
import type { TestSubgraph } from '@mappa/testing';
import { mappaCaseTable } from '../mappa-case/mappa-case.table';
import { MappaCaseStatus } from '../mappa-case/mappa-case.type';
import { meetingTable } from '../meeting/meeting.table';
import type { MeetingStatus } from '../meeting/meeting.table';
import { KENT_COORDINATOR, addRegisterCase, startRegisterStack } from './register.fixtures';

/*
 * The register's review filter (issue 10): the co-ordinator's diary of level 2 and 3 cases whose MAPP
 * meeting is due within 28 days or overdue against the cadence (A §5, B §5: level 3 at least every 8
 * weeks, level 2 every 16), judged from the last held meeting or the case's next review date.
 */

const dataset = { offenders: 600, seed: 5, asOf: '2026-11-01', areas: [MappaArea.KENT] };

let stack: TestSubgraph;

interface Page {
  edges: { node: { pncId: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

async function post(
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] }> {
  return stack.query(query, variables, KENT_COORDINATOR) as Promise<{
    data?: Record<string, unknown>;
    errors?: { message: string }[];
  }>;
}

async function registerPage(variables: Record<string, unknown>, selection = 'totalCount'): Promise<Page> {
  const result = await post(
    `query($first: Int, $after: String, $filter: OffenderFilter) {
      offenders(first: $first, after: $after, filter: $filter) { edges { node { pncId } } pageInfo { hasNextPage endCursor } ${selection} }
    }`,
    variables,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.offenders as Page;
}

/** Every PNC ID the filter finds, page by page, with the total the first page reports. */
async function wholeRegister(filter: Record<string, unknown>, first = 7): Promise<{ pncIds: string[]; totalCount: number }> {
  const pncIds: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const page = await registerPage({ first, after, filter });
    totalCount = page.totalCount ?? -1;
    pncIds.push(...page.edges.map((edge) => edge.node.pncId));
    if (!page.pageInfo.hasNextPage) return { pncIds, totalCount };
    after = page.pageInfo.endCursor;
  }
}

const today = calendarDateOf(new Date());
// Well-formed PNC IDs the dataset does not hold, for the cases this test writes itself.
const [overdueL3, dueL2, notDueL2, dueNoMeeting, overdueNoMeeting, level1PastReview, scheduledNotHeld] = syntheticPeople(
  dataset.offenders,
  7,
  dataset,
).map((person) => person.pncId) as [string, string, string, string, string, string, string];

async function addCase(
  pncId: string,
  level: number,
  nextReviewDate: string | null,
  meetings: readonly { daysAgo: number; status: MeetingStatus }[] = [],
): Promise<void> {
  const caseId = `MC-T${pncId.replace(/\W/g, '')}`;
  await addRegisterCase(stack, {
    caseId,
    pncId,
    level,
    startDate: addDays(today, -700),
    nextReviewDate,
    meetings: meetings.map((meeting, index) => ({
      meetingId: `MTG-T${caseId.slice(4)}-${index}`,
      scheduledFor: new Date(`${addDays(today, -meeting.daysAgo)}T10:00:00Z`),
      status: meeting.status,
      minutes: 60,
    })),
  });
}

beforeAll(async () => {
  stack = await startRegisterStack(dataset);
  // Level 3, last held 60 days ago: due 4 days ago by the 8-week cadence, though its review date is ahead.
  await addCase(overdueL3, 3, addDays(today, 10), [
    { daysAgo: 120, status: 'HELD' },
    { daysAgo: 60, status: 'HELD' },
  ]);
  // Level 2, last held 100 days ago: due in 12 days (16 weeks), before its review date.
  await addCase(dueL2, 2, addDays(today, 40), [{ daysAgo: 100, status: 'HELD' }]);
  // Level 2, held 10 days ago, next review in 100 days: neither.
  await addCase(notDueL2, 2, addDays(today, 100), [{ daysAgo: 10, status: 'HELD' }]);
  // No meeting held yet: the case's next review date decides.
  await addCase(dueNoMeeting, 2, addDays(today, 5));
  await addCase(overdueNoMeeting, 3, addDays(today, -1));
  // Level 1 has no MAPP meeting, whatever its review date.
  await addCase(level1PastReview, 1, addDays(today, -30));
  // A meeting scheduled yesterday but not held does not count: held 70 days ago at level 3 is overdue.
  await addCase(scheduledNotHeld, 3, addDays(today, 20), [
    { daysAgo: 70, status: 'HELD' },
    { daysAgo: 1, status: 'SCHEDULED' },
  ]);
}, 120_000);

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

/** The due date worked out here from the rows, independently of the register's SQL. */
async function expectedByStatus(): Promise<{ DUE: string[]; OVERDUE: string[] }> {
  const db = stack.database.connection.database();
  const cases = await db
    .select()
    .from(mappaCaseTable)
    .where(and(eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE), gte(mappaCaseTable.level, 2)));
  const meetings = await db
    .select({ caseId: meetingTable.caseId, scheduledFor: meetingTable.scheduledFor })
    .from(meetingTable)
    .where(eq(meetingTable.status, 'HELD'));
  const result = { DUE: [] as string[], OVERDUE: [] as string[] };
  for (const row of cases) {
    const cadence = row.level === 3 ? 56 : 112;
    const lastHeld = meetings
      .filter((meeting) => meeting.caseId === row.caseId)
      .map((meeting) => calendarDateOf(meeting.scheduledFor))
      .sort()
      .at(-1);
    const candidates = [lastHeld ? addDays(lastHeld, cadence) : null, row.nextReviewDate]
      .filter((date): date is string => date !== null)
      .sort();
    const due = candidates[0] ?? addDays(row.startDate, cadence);
    if (due < today) result.OVERDUE.push(row.pncId);
    else if (due <= addDays(today, 28)) result.DUE.push(row.pncId);
  }
  result.DUE.sort();
  result.OVERDUE.sort();
  return result;
}

describe("the register's review filter (A §5, B §5: MAPP meetings due and overdue)", () => {
  it('A §5, B §5: OVERDUE finds level 2 and 3 cases past the cadence from their last held meeting, or past their review date with none held', async () => {
    const { pncIds, totalCount } = await wholeRegister({ reviewStatus: 'OVERDUE' });
    expect(pncIds).toEqual(expect.arrayContaining([overdueL3, overdueNoMeeting, scheduledNotHeld]));
    expect(pncIds).not.toContain(dueL2);
    expect(pncIds).not.toContain(notDueL2);
    expect(pncIds).not.toContain(level1PastReview);
    expect(totalCount).toBe(pncIds.length);
  });

  it('A §5, B §5: DUE finds level 2 and 3 cases whose meeting falls within the next 28 days', async () => {
    const { pncIds, totalCount } = await wholeRegister({ reviewStatus: 'DUE' });
    expect(pncIds).toEqual(expect.arrayContaining([dueL2, dueNoMeeting]));
    for (const other of [overdueL3, notDueL2, overdueNoMeeting, level1PastReview, scheduledNotHeld]) expect(pncIds).not.toContain(other);
    expect(totalCount).toBe(pncIds.length);
  });

  it('agrees, page by page and in totalCount, with the due dates worked out from the seeded meetings and review dates', async () => {
    const expected = await expectedByStatus();
    expect(expected.DUE.length + expected.OVERDUE.length).toBeGreaterThan(2);
    for (const status of ['DUE', 'OVERDUE'] as const) {
      const { pncIds, totalCount } = await wholeRegister({ reviewStatus: status }, 5);
      expect(pncIds).toEqual(expected[status]);
      expect(totalCount).toBe(expected[status].length);
    }
  });

  it('combines with the other criteria (AND), and a level 1 filter with a review status finds no one', async () => {
    const level3 = await wholeRegister({ reviewStatus: 'OVERDUE', level: 3 });
    expect(level3.pncIds).toEqual(expect.arrayContaining([overdueL3, overdueNoMeeting, scheduledNotHeld]));
    expect(level3.pncIds).not.toContain(dueL2);
    expect(await wholeRegister({ reviewStatus: 'OVERDUE', level: 1 })).toEqual({ pncIds: [], totalCount: 0 });
  });

  it('is applied in SQL before paging and counting: a page is still one statement, and totalCount one more', async () => {
    stack.subgraph.statements.reset();
    await registerPage({ first: 3, filter: { reviewStatus: 'DUE' } }, '');
    expect(stack.subgraph.statements.count).toBe(1);
    stack.subgraph.statements.reset();
    await registerPage({ first: 3, filter: { reviewStatus: 'OVERDUE', level: 3 } });
    expect(stack.subgraph.statements.count).toBe(2);
  });

  it('refuses a review status that does not exist', async () => {
    const result = await post('query($filter: OffenderFilter) { offenders(first: 3, filter: $filter) { totalCount } }', {
      filter: { reviewStatus: 'LATE' },
    });
    expect(result.data?.offenders ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
  });
});
