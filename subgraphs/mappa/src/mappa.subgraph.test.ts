import {
  TEST_ISSUER,
  startTestSubgraph,
  askAtEachDecision,
  withCaseGrants,
  withDisclosureEvidence,
  withMeetingEvidence,
  withReferralEvidence,
  querySubgraph,
} from '@mappa/testing';
import {
  addDays,
  encodeCursor,
  formatPncId,
  isMappaCoordinator,
  isUnder18,
  MappaArea,
  calendarDateOf,
  rowScopeOf,
  syntheticPeople,
} from '@mappa/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { GraphQLResponse, TestDatabase, TestGatewayKeys } from '@mappa/testing';
import type { Caller, Purpose, Role, RunningSubgraph, SyntheticPerson } from '@mappa/shared';
import { mappaCaseChangeTable, mappaCaseTable } from './mappa-case/mappa-case.table';
import { MappaCaseChangeField, MappaCaseStatus } from './mappa-case/mappa-case.type';
import { mappaSubgraph } from './index';
import { countRegister, fetchRegisterPage } from './register/register.query';
// The owner's role reading its own records: the Kent MAPPA co-ordinator, administering cases.
import { KENT_COORDINATOR as MAPPA_COORDINATOR } from './register/register.fixtures';

// The stack's default dataset (2,000 offenders, seed 1): large enough for every branch of the seeder
// and for the annual-report shape to show, small enough to seed in a second. Everyone is managed in
// Kent, the callers' area: row scope is by area (R-3), and most tests here are about other rules.
// Cases transferred in (C.5) still come from other areas.
const dataset = { offenders: 2_000, seed: 1, asOf: '2026-11-01', areas: [MappaArea.KENT] };
const people = syntheticPeople(0, dataset.offenders, dataset);
const byPncId = new Map(people.map((person) => [person.pncId, person]));
// A well-formed PNC ID (check letter valid) that the dataset does not hold.
const UNKNOWN_PNC_ID = formatPncId(2008, 545166);

let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

async function post(query: string, variables: Record<string, unknown> = {}, caller: Caller = MAPPA_COORDINATOR): Promise<GraphQLResponse> {
  return querySubgraph(subgraph, gateway, query, variables, caller);
}

interface Change {
  field: string;
  valueBefore: string | null;
  valueAfter: string;
  changedDate: string;
  changedByStaffId: string;
  decision: { kind: string; reference: string };
}

interface MappaCaseResult {
  caseId: string;
  category: number;
  level: number;
  leadAgency: string;
  area: string;
  startDate: string;
  nextReviewDate: string | null;
  status: string;
  endDate: string | null;
  endReason: string | null;
  history: Change[];
}

interface Page {
  edges: { cursor: string; node: { pncId: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

const CASE_SELECTION = `mappaCase {
  caseId category level leadAgency area startDate nextReviewDate status endDate endReason
  history { field valueBefore valueAfter changedDate changedByStaffId decision { kind reference } }
}`;

async function entities(pncIds: readonly string[], selection: string, caller: Caller = MAPPA_COORDINATOR): Promise<GraphQLResponse> {
  return post(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId ${selection} } } }`,
    { r: pncIds.map((pncId) => ({ __typename: 'Offender', pncId })) },
    caller,
  );
}

async function registerPage(
  variables: Record<string, unknown>,
  selection = 'totalCount',
  caller: Caller = MAPPA_COORDINATOR,
): Promise<Page> {
  const result = await post(
    `query($first: Int, $after: String, $filter: OffenderFilter) {
      offenders(first: $first, after: $after, filter: $filter) { edges { cursor node { pncId } } pageInfo { hasNextPage endCursor } ${selection} }
    }`,
    variables,
    caller,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.offenders as Page;
}

/** Every PNC ID on the register for `filter`, page by page, checking the page invariants on the way. */
async function wholeRegister(
  filter: Record<string, unknown> | undefined,
  first: number,
  caller: Caller = MAPPA_COORDINATOR,
): Promise<{ pncIds: string[]; totalCount: number; pages: number }> {
  const pncIds: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let pages = 0;
  for (;;) {
    const page = await registerPage({ first, after, filter }, 'totalCount', caller);
    pages += 1;
    totalCount = page.totalCount ?? -1;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    pncIds.push(...page.edges.map((edge) => edge.node.pncId));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  return { pncIds, totalCount, pages };
}

function expectedRegister(predicate: (person: SyntheticPerson) => boolean): string[] {
  return people
    .filter(predicate)
    .map((person) => person.pncId)
    .sort();
}

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(mappaSubgraph, dataset));
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('mappa subgraph', () => {
  describe('Offender.mappaCase', () => {
    let cases: Map<string, MappaCaseResult>;

    beforeAll(async () => {
      cases = new Map();
      for (let start = 0; start < people.length; start += 250) {
        const batch = people.slice(start, start + 250).map((person) => person.pncId);
        const result = await entities(batch, CASE_SELECTION);
        expect(result.errors).toBeUndefined();
        for (const entity of result.data?._entities as { pncId: string; mappaCase: MappaCaseResult }[])
          cases.set(entity.pncId, entity.mappaCase);
      }
    });

    it('gives every person their ACTIVE case, matching the SyntheticPerson', () => {
      expect(cases.size).toBe(people.length);
      for (const person of people) {
        const mappaCase = cases.get(person.pncId);
        expect(mappaCase).toMatchObject({
          category: person.category,
          level: person.level,
          leadAgency: person.leadAgency,
          area: person.area,
          startDate: person.mappaStartDate,
          nextReviewDate: person.nextReviewDate,
          status: 'ACTIVE',
          endDate: null,
          endReason: null,
        });
        expect(mappaCase?.caseId).toBe(`MC-${String(person.index * 2 + 1).padStart(7, '0')}`);
      }
    });

    it('opens each history with STATUS null → ACTIVE on the start date, then lists changes oldest first up to today', () => {
      for (const person of people) {
        const history = cases.get(person.pncId)?.history ?? [];
        expect(history[0]).toMatchObject({ field: 'STATUS', valueBefore: null, valueAfter: 'ACTIVE', changedDate: person.mappaStartDate });
        const dates = history.map((change) => change.changedDate);
        expect(dates).toEqual([...dates].sort());
        expect(dates.at(-1)! <= dataset.asOf).toBe(true);
        for (const change of history) {
          expect(change.changedByStaffId).toMatch(/^(MCU|PPU|NPS|YOT)\d{5}$/);
          expect(change.decision.reference).toMatch(/^(SCR|MTG|LAR)-\d{7}-\d+$/);
          expect(change.decision.reference.slice(0, 3)).toBe(
            { SCREENING_DECISION: 'SCR', MAPP_MEETING: 'MTG', LEAD_AGENCY_REVIEW: 'LAR' }[change.decision.kind],
          );
        }
      }
    });

    it('replays each history into the current category, level, lead agency and area, never at category 3 level 1', () => {
      for (const person of people) {
        const history = cases.get(person.pncId)?.history ?? [];
        const state = new Map<string, string>();
        for (const field of ['CATEGORY', 'LEVEL', 'LEAD_AGENCY', 'AREA']) {
          const first = history.find((change) => change.field === field);
          state.set(
            field,
            first?.valueBefore ??
              { CATEGORY: String(person.category), LEVEL: String(person.level), LEAD_AGENCY: person.leadAgency, AREA: person.area }[field]!,
          );
        }
        for (const change of history.slice(1)) {
          expect(change.valueBefore).toBe(state.get(change.field));
          expect(change.valueAfter).not.toBe(change.valueBefore);
          state.set(change.field, change.valueAfter);
          expect(state.get('CATEGORY') === '3' && state.get('LEVEL') === '1').toBe(false);
        }
        expect(Object.fromEntries(state)).toEqual({
          CATEGORY: String(person.category),
          LEVEL: String(person.level),
          LEAD_AGENCY: person.leadAgency,
          AREA: person.area,
        });
      }
    });

    it('seeds every kind of change and decision, and an earlier level change for most level 2-3 cases', () => {
      const all = [...cases.values()].flatMap((mappaCase) => mappaCase.history);
      expect(new Set(all.map((change) => change.field))).toEqual(new Set(['STATUS', 'CATEGORY', 'LEVEL', 'LEAD_AGENCY', 'AREA']));
      expect(new Set(all.map((change) => change.decision.kind))).toEqual(
        new Set(['SCREENING_DECISION', 'MAPP_MEETING', 'LEAD_AGENCY_REVIEW']),
      );
      const higher = people.filter((person) => person.level >= 2);
      const withLevelChange = higher.filter((person) => cases.get(person.pncId)?.history.some((change) => change.field === 'LEVEL'));
      expect(withLevelChange.length / higher.length).toBeGreaterThan(0.4);
      // Moving up from level 1 follows a referral and screening.
      const upFromLevel1 = all.filter((change) => change.field === 'LEVEL' && change.valueBefore === '1');
      expect(upFromLevel1.length).toBeGreaterThan(0);
      expect(upFromLevel1.every((change) => change.decision.kind === 'SCREENING_DECISION')).toBe(true);
    });
  });

  describe('federation', () => {
    it('resolves entity references in one SQL statement per batch and null for unknown keys', async () => {
      const pncIds = [...people.slice(0, 50).map((person) => person.pncId), UNKNOWN_PNC_ID];
      expect(byPncId.has(UNKNOWN_PNC_ID)).toBe(false);
      subgraph.statements.reset();
      const result = await entities(pncIds, 'mappaCase { caseId category level history { field valueAfter decision { kind } } }');
      expect(result.errors).toBeUndefined();
      const found = result.data?._entities as ({ pncId: string; mappaCase: { category: number } } | null)[];
      expect(found).toHaveLength(51);
      expect(found[50]).toBeNull();
      expect(found.slice(0, 50).map((entity) => entity?.pncId)).toEqual(pncIds.slice(0, 50));
      expect(found.slice(0, 50).map((entity) => entity?.mappaCase.category)).toEqual(people.slice(0, 50).map((person) => person.category));
      // One statement resolves the references and the cases (the same loader), one loads every history.
      expect(subgraph.statements.count).toBe(2);
    });

    it('answers null for a person it does not hold and for a malformed key', async () => {
      const result = await post(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId mappaCase { caseId } } } }',
        {
          r: [
            { __typename: 'Offender', pncId: UNKNOWN_PNC_ID },
            { __typename: 'Offender', pncId: 'not-a-pnc' },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([null, null]);
    });

    it('serves its SDL with the Offender entity and the register query', async () => {
      const result = await post('{ _service { sdl } }');
      const sdl = (result.data?._service as { sdl: string }).sdl;
      expect(sdl).toMatch(/type Offender\s+@key\(fields: "pncId"\)/);
      // Nullable, so that a caller the register policy denies gets `offenders: null`, not a null `data`.
      expect(sdl).toMatch(
        /offenders\([\s\S]*first: Int = 20[\s\S]*after: String[\s\S]*filter: OffenderFilter[\s\S]*\): OffenderConnection @mappaAccess\(policy: "mappa.register", grants: \["roles=mappa_coordinator;purposes=MAPPA_SCREENING,CASE_MANAGEMENT;agencies=mappa_unit"\]\)/,
      );
    });
  });

  describe('Query.offenders (the MAPPA register)', () => {
    it('pages through the whole dataset with first: 37, visiting every case exactly once in PNC ID order', async () => {
      const { pncIds, totalCount, pages } = await wholeRegister(undefined, 37);
      expect(pncIds).toEqual(expectedRegister(() => true));
      expect(new Set(pncIds).size).toBe(people.length);
      expect(totalCount).toBe(people.length);
      expect(pages).toBe(Math.ceil(people.length / 37));
    });

    it('defaults to pages of 20', async () => {
      const result = await post('{ offenders { edges { node { pncId } } pageInfo { hasNextPage } } }');
      expect(result.errors).toBeUndefined();
      expect((result.data?.offenders as Page).edges).toHaveLength(20);
    });

    const filters: [string, Record<string, unknown>, (person: SyntheticPerson) => boolean][] = [
      ...[1, 2, 3, 4].map((category): [string, Record<string, unknown>, (person: SyntheticPerson) => boolean] => [
        `category ${category}`,
        { category },
        (p) => p.category === category,
      ]),
      ...[1, 2, 3].map((level): [string, Record<string, unknown>, (person: SyntheticPerson) => boolean] => [
        `level ${level}`,
        { level },
        (p) => p.level === level,
      ]),
      ...(['POLICE', 'PROBATION', 'YOT'] as const).map(
        (leadAgency): [string, Record<string, unknown>, (person: SyntheticPerson) => boolean] => [
          `lead agency ${leadAgency}`,
          { leadAgency },
          (p) => p.leadAgency === leadAgency,
        ],
      ),
      ['area LONDON', { area: 'LONDON' }, (p) => p.area === 'LONDON'],
      ['area KENT and category 1', { area: 'KENT', category: 1 }, (p) => p.area === 'KENT' && p.category === 1],
      [
        'category 1, level 2, lead PROBATION',
        { category: 1, level: 2, leadAgency: 'PROBATION' },
        (p) => p.category === 1 && p.level === 2 && p.leadAgency === 'PROBATION',
      ],
      ['category 3 at level 1 (none exist)', { category: 3, level: 1 }, (p) => p.category === 3 && p.level === 1],
      ['explicit nulls', { category: null, level: null, area: null, leadAgency: null }, () => true],
    ];

    it.each(filters)('narrows by %s exactly as the SyntheticPerson list does', async (_name, filter, predicate) => {
      const expected = expectedRegister(predicate);
      const { pncIds, totalCount } = await wholeRegister(filter, 100);
      expect(pncIds).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    });

    it('fetches a page in one statement and counts only when totalCount is selected', async () => {
      subgraph.statements.reset();
      await registerPage({ first: 25 }, '');
      expect(subgraph.statements.count).toBe(1);

      subgraph.statements.reset();
      await registerPage({ first: 25, filter: { category: 1 } });
      expect(subgraph.statements.count).toBe(2);

      // The page's rows prime the case loader: only the histories need another statement.
      subgraph.statements.reset();
      const result = await post('{ offenders(first: 30) { edges { node { pncId mappaCase { category level history { field } } } } } }');
      expect(result.errors).toBeUndefined();
      const edges = (result.data?.offenders as { edges: { node: { pncId: string; mappaCase: { category: number; level: number } } }[] })
        .edges;
      for (const { node } of edges)
        expect(node.mappaCase).toMatchObject({ category: byPncId.get(node.pncId)?.category, level: byPncId.get(node.pncId)?.level });
      expect(subgraph.statements.count).toBe(2);
    });

    it('returns an empty last page after the final cursor', async () => {
      const last = people
        .map((person) => person.pncId)
        .sort()
        .at(-1)!;
      const page = await registerPage({ first: 5, after: encodeCursor(last) });
      expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: people.length });
    });

    it.each([
      ['first 0', { first: 0 }],
      ['first 101', { first: 101 }],
      ['first null', { first: null }],
      ['category 5', { filter: { category: 5 } }],
      ['category 0', { filter: { category: 0 } }],
      ['level 0', { filter: { level: 0 } }],
      ['level 4', { filter: { level: 4 } }],
      ['lead agency PRISON', { filter: { leadAgency: 'PRISON' } }],
      ['a garbage cursor', { after: 'garbage' }],
      ['a cursor not holding a PNC ID', { after: encodeCursor('2008/0545166A') }],
    ])('rejects %s with BAD_USER_INPUT', async (_name, variables) => {
      const result = await post(
        'query($first: Int, $after: String, $filter: OffenderFilter) { offenders(first: $first, after: $after, filter: $filter) { edges { cursor } } }',
        { first: 10, ...variables },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('data rules', () => {
    it('generator: category 3 cases are only level 2 or 3', () => {
      const category3 = people.filter((person) => person.category === 3);
      expect(category3.length).toBeGreaterThan(0);
      expect(category3.every((person) => person.level === 2 || person.level === 3)).toBe(true);
    });

    it('a 2,000-person seed has the annual-report shape (level 1 ~95%, category 1 ~67%, category 2 ~31%)', async () => {
      const share = async (filter: Record<string, unknown>) => (await registerPage({ first: 1, filter })).totalCount! / people.length;
      expect(await share({ level: 1 })).toBeGreaterThan(0.93);
      expect(await share({ level: 1 })).toBeLessThan(0.97);
      expect(await share({ level: 3 })).toBeLessThan(0.02);
      expect(await share({ category: 1 })).toBeGreaterThan(0.64);
      expect(await share({ category: 1 })).toBeLessThan(0.7);
      expect(await share({ category: 2 })).toBeGreaterThan(0.28);
      expect(await share({ category: 2 })).toBeLessThan(0.34);
      expect(await share({ category: 3 })).toBeGreaterThan(0.008);
      expect(await share({ category: 3 })).toBeLessThan(0.035);
      expect(await share({ category: 4 })).toBeGreaterThan(0.002);
      expect(await share({ category: 4 })).toBeLessThan(0.025);
    });

    it('holds exactly one ACTIVE case per person, and earlier CLOSED cases that ended before it began', async () => {
      const db = database.connection.database();
      const rows = await db.select().from(mappaCaseTable);
      const active = rows.filter((row) => row.status === 'ACTIVE');
      expect(active.map((row) => row.pncId).sort()).toEqual(people.map((person) => person.pncId).sort());
      const closed = rows.filter((row) => row.status === 'CLOSED');
      expect(closed.length).toBeGreaterThan(0);
      const histories = await db
        .select()
        .from(mappaCaseChangeTable)
        .orderBy(asc(mappaCaseChangeTable.caseId), asc(mappaCaseChangeTable.sequence));
      for (const row of closed) {
        const person = byPncId.get(row.pncId)!;
        expect(row.endReason).not.toBeNull();
        expect(row.nextReviewDate).toBeNull();
        expect(row.startDate < row.endDate!).toBe(true);
        expect(row.endDate! < person.mappaStartDate).toBe(true);
        expect(row.startDate > addDays(person.dateOfBirth, 18 * 365)).toBe(true);
        expect(row.category === 3 && row.level === 1).toBe(false);
        const history = histories.filter((change) => change.caseId === row.caseId);
        expect(history.map((change) => [change.field, change.valueBefore, change.valueAfter, change.changedDate])).toEqual([
          ['STATUS', null, 'ACTIVE', row.startDate],
          ['STATUS', 'ACTIVE', 'CLOSED', row.endDate],
        ]);
      }
    });

    it('seeds deterministically whatever the batches, and clears everything', async () => {
      const db = database.connection.database();
      const snapshot = async () => ({
        cases: await db.select().from(mappaCaseTable).orderBy(asc(mappaCaseTable.caseId)),
        history: (
          await db.select().from(mappaCaseChangeTable).orderBy(asc(mappaCaseChangeTable.caseId), asc(mappaCaseChangeTable.sequence))
        ).map(({ id: _id, ...change }) => change),
      });
      const before = await snapshot();
      await mappaSubgraph.clear(db);
      expect(await mappaSubgraph.isEmpty(db)).toBe(true);
      await mappaSubgraph.seed(db, people.slice(0, 777), dataset);
      await mappaSubgraph.seed(db, people.slice(777), dataset);
      expect(await mappaSubgraph.isEmpty(db)).toBe(false);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('row scope: own area, grants, transfers and children (principles 2, 5, 9; C.5; A.R25, B.10)', () => {
    const coordinatorIn = (area: MappaArea, purpose: Purpose = 'CASE_MANAGEMENT'): Caller => ({
      principal: { ...MAPPA_COORDINATOR.principal, area },
      declaredPurpose: {
        purpose,
        caseId: purpose === 'MAPPA_MEETING' ? 'MTG-1' : purpose === 'DISCLOSURE_DECISION' ? 'DSC-MAPPA-1' : null,
      },
    });
    const IN_LONDON = coordinatorIn(MappaArea.LONDON);
    const today = calendarDateOf(new Date());
    const adults = people.filter((person) => !(person.category === 4 || person.restrictedAccess) && !isUnder18(person.dateOfBirth, today));
    const children = people.filter((person) => !person.restrictedAccess && isUnder18(person.dateOfBirth, today));
    const unknownPncIds = (count: number) => syntheticPeople(dataset.offenders, count, dataset).map((person) => person.pncId);
    const SELECTION = 'mappaCase { caseId area }';

    it('principle 2, R-3: the co-ordinator of another area finds no one on the register: the pages and totalCount of a filter that matches nothing, in as many statements', async () => {
      subgraph.statements.reset();
      const elsewhere = await registerPage({ first: 37 }, 'totalCount', IN_LONDON);
      const statements = subgraph.statements.count;
      subgraph.statements.reset();
      const nothing = await registerPage({ first: 37, filter: { area: 'LONDON' } });
      expect(elsewhere).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
      expect(elsewhere).toEqual(nothing);
      expect(statements).toBe(subgraph.statements.count);
      const sample = adults.slice(0, 20).map((person) => person.pncId);
      const about = await entities(sample, SELECTION, IN_LONDON);
      expect(about).toEqual({ data: { _entities: sample.map(() => null) } });
      expect(about).toEqual(await entities(unknownPncIds(sample.length), SELECTION, IN_LONDON));
    });

    it("live case grants put exactly their subjects on another area's register, in the pages and in totalCount", async () => {
      const granted = adults.slice(0, 3).map((person) => person.pncId);
      const caller = withCaseGrants(IN_LONDON, granted);
      const { pncIds, totalCount, pages } = await wholeRegister(undefined, 2, caller);
      expect(pncIds).toEqual([...granted].sort());
      expect(totalCount).toBe(3);
      expect(pages).toBe(2);
      // A grant for another purpose widens nothing.
      expect((await wholeRegister(undefined, 2, withCaseGrants(IN_LONDON, granted, { purpose: 'MAPPA_SCREENING' }))).pncIds).toEqual([]);
    });

    it('C.5: the area follows the case: once a case transfers, the receiving area knows it and the area it left does not', async () => {
      const db = database.connection.database();
      const transferredIn = (
        await db.select().from(mappaCaseChangeTable).where(eq(mappaCaseChangeTable.field, MappaCaseChangeField.AREA))
      ).filter((change) => change.valueBefore !== null);
      expect(transferredIn.length).toBeGreaterThan(0);
      // Seeded transfers: the area a case came from no longer sees it.
      let checked = 0;
      for (const change of transferredIn) {
        const [row] = await db.select().from(mappaCaseTable).where(eq(mappaCaseTable.caseId, change.caseId));
        if (row!.status !== MappaCaseStatus.ACTIVE || row!.counterTerrorismRestricted || checked === 5) continue;
        checked += 1;
        const former = coordinatorIn(change.valueBefore as MappaArea);
        expect(await entities([row!.pncId], SELECTION, former)).toEqual(await entities(unknownPncIds(1), SELECTION, former));
        expect((await entities([row!.pncId], SELECTION)).data?._entities).toEqual([
          { pncId: row!.pncId, mappaCase: { caseId: row!.caseId, area: 'KENT' } },
        ]);
      }
      expect(checked).toBeGreaterThan(0);
      // A transfer now, as the unit records it: Kent loses the case from its register, London gains it.
      const [moving] = adults;
      const before = await registerPage({ first: 1 });
      await db
        .update(mappaCaseTable)
        .set({ area: MappaArea.LONDON })
        .where(and(eq(mappaCaseTable.pncId, moving!.pncId), eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE)));
      try {
        expect((await registerPage({ first: 1 })).totalCount).toBe(before.totalCount! - 1);
        expect((await wholeRegister(undefined, 10, IN_LONDON)).pncIds).toEqual([moving!.pncId]);
        expect((await entities([moving!.pncId], SELECTION)).data?._entities).toEqual([null]);
      } finally {
        await db
          .update(mappaCaseTable)
          .set({ area: MappaArea.KENT })
          .where(and(eq(mappaCaseTable.pncId, moving!.pncId), eq(mappaCaseTable.status, MappaCaseStatus.ACTIVE)));
      }
    });

    it("A.R25, B.10, issue 10: under MAPPA_MEETING a child is known only at their meeting with the YOT and children's services attending or consulted", async () => {
      const caller = coordinatorIn(MappaArea.KENT, 'MAPPA_MEETING');
      const [child] = children;
      const [adult] = adults;
      expect(await entities([child!.pncId], SELECTION, withMeetingEvidence(caller, child!.pncId, { standing: 'COORDINATOR' }))).toEqual(
        await entities(unknownPncIds(1), SELECTION, caller),
      );
      expect(
        (
          await entities(
            [child!.pncId],
            SELECTION,
            withMeetingEvidence(caller, child!.pncId, { standing: 'COORDINATOR', childSafeguardsMet: true }),
          )
        ).data?._entities,
      ).toEqual([{ pncId: child!.pncId, mappaCase: expect.objectContaining({ area: 'KENT' }) }]);
      // Neither the area nor a grant reaches anyone at a meeting: only the meeting's subject.
      expect((await entities([adult!.pncId], SELECTION, caller)).data?._entities).toEqual([null]);
      expect((await entities([adult!.pncId], SELECTION, withCaseGrants(caller, [adult!.pncId]))).data?._entities).toEqual([null]);
      expect((await entities([adult!.pncId], SELECTION, withMeetingEvidence(caller, adult!.pncId))).data?._entities).toEqual([
        { pncId: adult!.pncId, mappaCase: expect.objectContaining({ area: 'KENT' }) },
      ]);
    });

    it("A.R25, B.10, C.52: under DISCLOSURE_DECISION the unit holds no case of a child for a party to a decision about them, grant or not, until the decision has asked the YOT and children's services, nor of someone whose date of birth it has not recorded", async () => {
      expect(children.length).toBeGreaterThan(0);
      const caller = coordinatorIn(MappaArea.KENT, 'DISCLOSURE_DECISION');
      const keys = children.map((person) => person.pncId);
      // Issue 11: a decision is about one person, so each is asked about as a party to a decision about them.
      const asParty = (pncIds: readonly string[], who: Caller = caller) =>
        askAtEachDecision(who, pncIds, (batch, asked) => entities(batch, SELECTION, asked));
      const aboutChildren = await asParty(keys);
      expect(aboutChildren.data?._entities).toEqual(keys.map(() => null));
      expect(aboutChildren).toEqual(await asParty(unknownPncIds(keys.length)));
      expect(await asParty(keys, withCaseGrants(caller, keys))).toEqual(aboutChildren);
      expect(
        (
          await entities(
            [children[0]!.pncId],
            SELECTION,
            withDisclosureEvidence(caller, children[0]!.pncId, { standing: 'COORDINATOR', childSafeguardsMet: true }),
          )
        ).data?._entities,
      ).toEqual([{ pncId: children[0]!.pncId, mappaCase: expect.objectContaining({ area: 'KENT' }) }]);
      // Adults are there for a party; under screening the children are there too.
      expect((await asParty(adults.slice(0, 5).map((p) => p.pncId))).data?._entities).toEqual(
        adults.slice(0, 5).map((p) => ({ pncId: p.pncId, mappaCase: expect.objectContaining({ area: 'KENT' }) })),
      );
      expect(
        ((await entities(keys, SELECTION, coordinatorIn(MappaArea.KENT, 'MAPPA_SCREENING'))).data?._entities as unknown[]).every(
          (e) => e !== null,
        ),
      ).toBe(true);
      // A case from before the date of birth was recorded fails closed under this purpose only.
      const db = database.connection.database();
      const [adult] = adults;
      await db.update(mappaCaseTable).set({ subjectDateOfBirth: null }).where(eq(mappaCaseTable.pncId, adult!.pncId));
      try {
        expect((await entities([adult!.pncId], SELECTION, withDisclosureEvidence(caller, adult!.pncId))).data?._entities).toEqual([null]);
        expect((await entities([adult!.pncId], SELECTION)).data?._entities).toEqual([
          { pncId: adult!.pncId, mappaCase: expect.objectContaining({ area: 'KENT' }) },
        ]);
      } finally {
        await db.update(mappaCaseTable).set({ subjectDateOfBirth: adult!.dateOfBirth }).where(eq(mappaCaseTable.pncId, adult!.pncId));
      }
    });

    it("issue 10, A.R25, B.10, principle 5: under MAPPA_MEETING the register's own SQL holds the meeting's subject alone, a child only with the YOT and children's services, and no one without evidence (no register policy grants that purpose, so this asks the query itself)", async () => {
      const db = database.connection.database();
      const coordinator = coordinatorIn(MappaArea.KENT, 'MAPPA_MEETING');
      const [child] = children;
      const [adult] = adults;
      const register = async (who: Caller) =>
        (await fetchRegisterPage(db, rowScopeOf(who), {}, null, dataset.offenders + 1)).map((row) => row.pncId);
      expect(await register(coordinator)).toEqual([]);
      expect(await countRegister(db, rowScopeOf(coordinator), {})).toBe(0);
      expect(await register(withMeetingEvidence(coordinator, adult!.pncId, { standing: 'COORDINATOR' }))).toEqual([adult!.pncId]);
      expect(await register(withMeetingEvidence(coordinator, child!.pncId, { standing: 'COORDINATOR' }))).toEqual([]);
      expect(await register(withMeetingEvidence(coordinator, child!.pncId, { standing: 'COORDINATOR', childSafeguardsMet: true }))).toEqual(
        [child!.pncId],
      );
      expect(await register(withMeetingEvidence(coordinator, adult!.pncId, { attending: false }))).toEqual([]);
      // Principle 5 in the same SQL: a duty-to-co-operate attendee's register holds their meeting's subject and no one else; grants alone reach no one at a meeting.
      const attendee: Caller = {
        principal: {
          issuer: TEST_ISSUER,
          staffId: 'HSG0001',
          agency: 'housing',
          roles: ['dtc_attendee'],
          area: MappaArea.KENT,
          clearance: 'BPSS',
        },
        declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' },
      };
      expect(await register(attendee)).toEqual([]);
      expect(
        await register(
          withCaseGrants(
            attendee,
            adults.slice(0, 2).map((person) => person.pncId),
          ),
        ),
      ).toEqual([]);
      expect(await register(withMeetingEvidence(attendee, adult!.pncId))).toEqual([adult!.pncId]);
    });

    it('principle 5: a duty-to-co-operate attendee knows no MAPPA case without a live grant for the meeting', async () => {
      const dtc: Caller = {
        principal: {
          issuer: TEST_ISSUER,
          staffId: 'HSG0001',
          agency: 'housing',
          roles: ['dtc_attendee'],
          area: MappaArea.KENT,
          clearance: 'BPSS',
        },
        declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' },
      };
      const keys = adults.slice(0, 3).map((person) => person.pncId);
      const CASE = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { mappaCase { level } } } }';
      const ask = (pncIds: readonly string[], who: Caller) =>
        post(CASE, { r: pncIds.map((pncId) => ({ __typename: 'Offender', pncId })) }, who);
      const notKnown = await ask(unknownPncIds(keys.length), dtc);
      expect(notKnown.data?._entities).toEqual(keys.map(() => null));
      expect(await ask(keys, dtc)).toEqual(notKnown);
      expect(await ask(keys, withMeetingEvidence(dtc, keys[0]!, { meetingId: 'MTG-2' }))).toEqual(notKnown);
      // Invited and attending: the minimal summary's level of the meeting's subject (principle 5, A.R26), and no one else.
      expect((await ask(keys, withMeetingEvidence(dtc, keys[0]!))).data?._entities).toEqual([
        { mappaCase: { level: adults[0]!.level } },
        null,
        null,
      ]);
    });
  });

  describe('row scope: counter-terrorism gate (principle 7)', () => {
    // Rule R-2: category 4 or a restricted-access ViSOR record. The seed-1 dataset holds 23 such
    // people (14 in category 4, 9 restricted-access in other categories); every person has a MAPPA case.
    const isRestricted = (person: SyntheticPerson) => person.category === 4 || person.restrictedAccess;
    const restricted = people.filter(isRestricted);
    const unrestricted = people.filter((person) => !isRestricted(person));
    // The same roles and purpose either way; only the clearance differs.
    const coordinator = (clearance: Caller['principal']['clearance']): Caller => ({
      principal: { ...MAPPA_COORDINATOR.principal, clearance },
      declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
    });
    const UNCLEARED = coordinator('BPSS');
    const CLEARED = coordinator('CTC');
    // Reads the case summary but is denied its history: the errors must match too.
    const PRACTITIONER: Caller = {
      principal: {
        issuer: TEST_ISSUER,
        staffId: 'NPS00001',
        agency: 'probation',
        roles: ['probation_practitioner'],
        area: MappaArea.KENT,
        clearance: 'BPSS',
      },
      declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
    };
    const SELECTION = 'mappaCase { caseId category level leadAgency area status history { field valueAfter } }';
    // Each restricted person between two unrestricted neighbours, in one batch.
    const batch = restricted.flatMap((person) => [people[person.index - 1]!, person, people[person.index + 1]!]);
    // Well-formed PNC IDs that the dataset does not hold, one for each restricted person.
    const unknownPncIds = restricted.map((_person, position) => formatPncId(2008, 545166 + position * 7919));

    it('the dataset holds restricted people, in category 4 and restricted-access in other categories', () => {
      expect(restricted.length).toBeGreaterThan(0);
      expect(restricted.some((person) => person.category === 4)).toBe(true);
      expect(restricted.some((person) => person.category !== 4 && person.restrictedAccess)).toBe(true);
      expect(batch.filter(isRestricted)).toEqual(restricted);
      for (const pncId of unknownPncIds) expect(byPncId.has(pncId)).toBe(false);
    });

    it('seeds the marker on every case of a restricted person, current and earlier, and on no other', async () => {
      const rows = await database.connection.database().select().from(mappaCaseTable);
      expect(rows.length).toBeGreaterThan(people.length);
      for (const row of rows) expect(row.counterTerrorismRestricted).toBe(isRestricted(byPncId.get(row.pncId)!));
    });

    it('principle 9: _entities gives null for restricted people and data for the others in the same batch, in the same statements', async () => {
      subgraph.statements.reset();
      const result = await entities(
        batch.map((person) => person.pncId),
        SELECTION,
        UNCLEARED,
      );
      expect(result.errors).toBeUndefined();
      const found = result.data?._entities as ({ pncId: string; mappaCase: { category: number; history: unknown[] } } | null)[];
      expect(found).toHaveLength(batch.length);
      batch.forEach((person, position) => {
        if (isRestricted(person)) expect(found[position]).toBeNull();
        else
          expect(found[position]).toMatchObject({
            pncId: person.pncId,
            mappaCase: { category: person.category, level: person.level, status: 'ACTIVE' },
          });
      });
      // The marker comes with the case row: one statement for the references and cases, one for the histories.
      expect(subgraph.statements.count).toBe(2);
    });

    it.each([
      ['the co-ordinator', UNCLEARED],
      ['a probation practitioner (history denied)', PRACTITIONER],
    ])(
      'principle 9: for %s without CT clearance a restricted person answers exactly as an unknown PNC ID (data and errors)',
      async (_name, who) => {
        // One at a time, and within a batch of known people.
        for (const [position, person] of restricted.entries()) {
          expect(await entities([person.pncId], SELECTION, who)).toEqual(await entities([unknownPncIds[position]!], SELECTION, who));
        }
        const asked = await entities(
          batch.map((person) => person.pncId),
          SELECTION,
          who,
        );
        const unknown = await entities(
          batch.map((person) => (isRestricted(person) ? unknownPncIds[restricted.indexOf(person)]! : person.pncId)),
          SELECTION,
          who,
        );
        expect(asked).toEqual(unknown);
      },
    );

    it('the register: paging with first: 37 never returns a restricted person, and totalCount counts only the others', async () => {
      const { pncIds, totalCount, pages } = await wholeRegister(undefined, 37, UNCLEARED);
      // Exactly the register of a dataset without restricted people: full pages, same order, same count.
      expect(pncIds).toEqual(expectedRegister((person) => !isRestricted(person)));
      expect(pncIds.some((pncId) => isRestricted(byPncId.get(pncId)!))).toBe(false);
      expect(totalCount).toBe(unrestricted.length);
      expect(pages).toBe(Math.ceil(unrestricted.length / 37));
    });

    it('the register: filtering on category 4 finds nothing, as for a combination that does not exist', async () => {
      expect(await registerPage({ first: 10, filter: { category: 4 } }, 'totalCount', UNCLEARED)).toEqual(
        await registerPage({ first: 10, filter: { category: 3, level: 1 } }, 'totalCount', UNCLEARED),
      );
      const { pncIds, totalCount } = await wholeRegister({ category: 1 }, 100, UNCLEARED);
      expect(pncIds).toEqual(expectedRegister((person) => person.category === 1 && !isRestricted(person)));
      expect(totalCount).toBe(pncIds.length);
    });

    it('the register: a page and its count are still one statement each', async () => {
      subgraph.statements.reset();
      const page = await registerPage({ first: 25 }, 'totalCount', UNCLEARED);
      expect(subgraph.statements.count).toBe(2);
      expect(page.edges.map((edge) => edge.node.pncId)).toEqual(expectedRegister((person) => !isRestricted(person)).slice(0, 25));
    });

    it('with CT clearance (CTC, same roles) the restricted people come back, in _entities and the register', async () => {
      const result = await entities(
        batch.map((person) => person.pncId),
        SELECTION,
        CLEARED,
      );
      expect(result.errors).toBeUndefined();
      const found = result.data?._entities as { pncId: string; mappaCase: { category: number; level: number; history: unknown[] } }[];
      expect(found.map((entity) => entity.pncId)).toEqual(batch.map((person) => person.pncId));
      expect(found.map((entity) => [entity.mappaCase.category, entity.mappaCase.level])).toEqual(
        batch.map((person) => [person.category, person.level]),
      );
      for (const entity of found) expect(entity.mappaCase.history.length).toBeGreaterThan(0);

      const { pncIds, totalCount } = await wholeRegister(undefined, 37, CLEARED);
      expect(pncIds).toEqual(expectedRegister(() => true));
      expect(totalCount).toBe(people.length);
      const category4 = await wholeRegister({ category: 4 }, 100, CLEARED);
      expect(category4.pncIds).toEqual(expectedRegister((person) => person.category === 4));
      expect(category4.totalCount).toBe(category4.pncIds.length);
    });
  });

  describe('field policies (owner enforcement)', () => {
    const caller = (
      roles: Role[],
      agency: Caller['principal']['agency'],
      purpose: Purpose,
      clearance: Caller['principal']['clearance'] = 'BPSS',
    ): Caller => ({
      principal: { issuer: TEST_ISSUER, staffId: 'STAFF0001', agency, roles, area: MappaArea.KENT, clearance },
      declaredPurpose: {
        purpose,
        caseId: purpose === 'MAPPA_MEETING' ? 'MTG-1' : purpose === 'DISCLOSURE_DECISION' ? 'DSC-MAPPA-1' : null,
      },
    });
    /** Issue 10: the caller at a meeting about `pncId`, or screening a referral about them (not the co-ordinator), as the gateway would vouch for it. */
    const bound = (who: Caller, pncId: string): Caller =>
      who.declaredPurpose.purpose === 'MAPPA_MEETING'
        ? withMeetingEvidence(who, pncId)
        : who.declaredPurpose.purpose === 'DISCLOSURE_DECISION'
          ? withDisclosureEvidence(who, pncId)
          : who.declaredPurpose.purpose === 'MAPPA_SCREENING' && !isMappaCoordinator(who.principal)
            ? withReferralEvidence({ ...who, declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: 'REF-1' } }, pncId)
            : who;
    // Adults on the day the test runs: under MAPPA_MEETING a child is out of scope unless the meeting meets A.R25 (tested above).
    const sample = people.filter((person) => !isUnder18(person.dateOfBirth, calendarDateOf(new Date()))).slice(0, 20);
    const sampleIds = sample.map((person) => person.pncId);
    const REGISTER = '{ offenders(first: 5) { edges { cursor node { pncId } } pageInfo { hasNextPage endCursor } totalCount } }';
    const SUMMARY = 'caseId category level leadAgency area startDate nextReviewDate status endDate endReason';
    const policiesOf = (result: GraphQLResponse) => result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy]);
    const summaryOf = (person: SyntheticPerson) => ({
      caseId: `MC-${String(person.index * 2 + 1).padStart(7, '0')}`,
      category: person.category,
      level: person.level,
      leadAgency: person.leadAgency,
      area: person.area,
      startDate: person.mappaStartDate,
      nextReviewDate: person.nextReviewDate,
      status: 'ACTIVE',
      endDate: null,
      endReason: null,
    });

    it('A.R19: the co-ordinator screening reads the whole case, with who recorded each change and the decision reference', async () => {
      const result = await entities(
        sampleIds,
        `mappaCase { ${SUMMARY} history { field changedByStaffId decision { kind reference } } }`,
        caller(['mappa_coordinator'], 'mappa_unit', 'MAPPA_SCREENING'),
      );
      expect(result.errors).toBeUndefined();
      const found = result.data?._entities as { pncId: string; mappaCase: Record<string, unknown> & { history: Change[] } }[];
      expect(found.map(({ mappaCase: { history: _history, ...summary } }) => summary)).toEqual(sample.map(summaryOf));
      for (const { mappaCase } of found) {
        expect(mappaCase.history.length).toBeGreaterThan(0);
        expect(
          mappaCase.history.every(
            (change) => /^(MCU|PPU|NPS|YOT)\d{5}$/.test(change.changedByStaffId) && /^(SCR|MTG|LAR)-/.test(change.decision.reference),
          ),
        ).toBe(true);
      }
    });

    it("A.R9, A.R19, B.52, C.88: the register is the co-ordinator's; the chair pages it under neither case management nor screening (it reads the cases of the meetings it chairs)", async () => {
      for (const purpose of ['MAPPA_SCREENING', 'CASE_MANAGEMENT'] as const) {
        const result = await post(REGISTER, {}, caller(['mappa_chair'], 'probation', purpose, 'SC'));
        expect(result.data?.offenders ?? null).toBeNull();
        expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy])).toEqual([
          ['FORBIDDEN', 'mappa.register'],
        ]);
      }
    });

    it.each([
      ['a probation practitioner managing a case', caller(['probation_practitioner'], 'probation', 'CASE_MANAGEMENT')],
      ['a PPU officer managing a case', caller(['ppu_officer'], 'police', 'CASE_MANAGEMENT')],
      [
        'the co-ordinator at a MAPP meeting (the register is not a meeting view)',
        caller(['mappa_coordinator'], 'mappa_unit', 'MAPPA_MEETING'),
      ],
    ])('principle 9: %s gets no register: offenders is null with one FORBIDDEN error', async (_name, who) => {
      const result = await post(REGISTER, {}, who);
      expect(result.data).toEqual({ offenders: null });
      expect(result.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.policy])).toEqual([
        [['offenders'], 'FORBIDDEN', 'mappa.register'],
      ]);
    });

    it('principle 3, A.R20, A.R21: a probation practitioner managing a case reads the case summary, and the history only of a case probation leads', async () => {
      const result = await entities(
        sampleIds,
        `mappaCase { ${SUMMARY} history { field } }`,
        caller(['probation_practitioner'], 'probation', 'CASE_MANAGEMENT'),
      );
      const found = result.data?._entities as { pncId: string; mappaCase: Record<string, unknown> & { history: unknown[] | null } }[];
      expect(found.map((entity) => entity.pncId)).toEqual(sampleIds);
      expect(found.map((entity) => ({ ...entity.mappaCase, history: entity.mappaCase.history !== null }))).toEqual(
        sample.map((person) => ({ ...summaryOf(person), history: person.leadAgency === 'PROBATION' })),
      );
      expect(sample.some((person) => person.leadAgency === 'PROBATION') && sample.some((person) => person.leadAgency !== 'PROBATION')).toBe(
        true,
      );
      // Granted under a per-record condition: another agency's case is answered as if it had no history, with no error (principle 9).
      expect(result.errors).toBeUndefined();
    });

    it('principle 3: RA roles read the summary under MAPPA purposes; YOT roles under case management', async () => {
      const readers = [
        caller(['prison_offender_manager'], 'prison', 'MAPPA_MEETING'),
        caller(['senior_probation_officer'], 'probation', 'DISCLOSURE_DECISION'),
        caller(['ct_officer'], 'police', 'MAPPA_SCREENING', 'SC'),
      ];
      for (const reader of readers) {
        for (const person of sample.slice(0, 3)) {
          // Issue 10: at a meeting about them, or screening a referral about them.
          const result = await entities([person.pncId], `mappaCase { ${SUMMARY} }`, bound(reader, person.pncId));
          expect(result.errors).toBeUndefined();
          expect((result.data?._entities as { mappaCase: unknown }[]).map((entity) => entity.mappaCase)).toEqual([summaryOf(person)]);
        }
      }
      // A.R26 (issue 12): YOT roles know only YOT-led cases and under-18s; these adults are led by others, so are unknown to them.
      const adultsLedByOthers = sample.filter((person) => person.leadAgency !== 'YOT').slice(0, 3);
      const yot = await entities(
        adultsLedByOthers.map((person) => person.pncId),
        `mappaCase { ${SUMMARY} }`,
        caller(['yot_case_manager'], 'yot', 'CASE_MANAGEMENT'),
      );
      expect(yot.errors).toBeUndefined();
      expect(yot.data?._entities).toEqual(adultsLedByOthers.map(() => null));
    });

    it('A.R20, A.R21: the lead agency reads the history of the cases it leads only (a PPU officer), never who recorded it; a prison offender manager none', async () => {
      // (A YOT manager knows none of these adults' cases at all, A.R26: see above.)
      const police = await entities(
        sampleIds,
        'mappaCase { level history { field } }',
        caller(['ppu_officer'], 'police', 'CASE_MANAGEMENT'),
      );
      expect(police.errors).toBeUndefined();
      expect(
        (police.data?._entities as { mappaCase: { level: number; history: unknown[] | null } }[]).map((entity) => ({
          ...entity.mappaCase,
          history: entity.mappaCase.history !== null,
        })),
      ).toEqual(sample.map((person) => ({ level: person.level, history: person.leadAgency === 'POLICE' })));
      expect(sample.some((person) => person.leadAgency === 'POLICE') && sample.some((person) => person.leadAgency !== 'POLICE')).toBe(true);
      const audit = await entities(
        sampleIds,
        'mappaCase { history { changedByStaffId decision { reference } } }',
        caller(['ppu_officer'], 'police', 'CASE_MANAGEMENT'),
      );
      expect(policiesOf(audit)).toEqual([
        ['FORBIDDEN', 'mappa.caseAudit'],
        ['FORBIDDEN', 'mappa.caseAudit'],
      ]);
      // The prison never leads a case (A.R16): no grant, so the history is refused.
      const prison = await entities(
        sampleIds,
        'mappaCase { level history { field } }',
        caller(['prison_offender_manager'], 'prison', 'CASE_MANAGEMENT'),
      );
      expect(policiesOf(prison)).toEqual([['FORBIDDEN', 'mappa.caseHistory']]);
    });

    it('principle 3: the co-ordinator under DISCLOSURE_DECISION reads the summary but not the history (history is for screening, meetings and administration)', async () => {
      // Issue 11: each as the area's co-ordinator of a level 2/3 decision about them.
      const result = await askAtEachDecision(
        caller(['mappa_coordinator'], 'mappa_unit', 'DISCLOSURE_DECISION'),
        sampleIds.slice(0, 3),
        (batch, asked) => entities(batch, 'mappaCase { level history { field } }', asked),
      );
      expect((result.data?._entities as { mappaCase: unknown }[]).map((entity) => entity.mappaCase)).toEqual(
        sample.slice(0, 3).map((person) => ({ level: person.level, history: null })),
      );
      expect(policiesOf(result)).toEqual([['FORBIDDEN', 'mappa.caseHistory']]);
    });

    it("A.R12: the MAPPA unit's information governance auditing opens the case record only to reach who recorded each change", async () => {
      const auditor = caller(['information_governance'], 'mappa_unit', 'AUDIT');
      const authors = await entities(sampleIds, 'mappaCase { history { changedByStaffId } }', auditor);
      expect(authors.errors).toBeUndefined();
      const cases = (authors.data?._entities as { mappaCase: { history: { changedByStaffId: string }[] } | null }[]).map(
        (entity) => entity.mappaCase,
      );
      expect(
        cases.every(
          (mappaCase) => (mappaCase?.history.length ?? 0) > 0 && mappaCase!.history.every((change) => change.changedByStaffId.length > 0),
        ),
      ).toBe(true);
      // Anything else of the case stays refused: the level, and what each change was.
      const content = await entities(sampleIds, 'mappaCase { level history { field } }', auditor);
      expect(
        new Set(content.errors?.filter((error) => error.extensions?.code === 'FORBIDDEN').map((error) => error.extensions?.policy)),
      ).toEqual(new Set(['mappa.levelAndLeadAgencyFields', 'mappa.caseHistoryContent']));
      expect(JSON.stringify(content.data)).not.toMatch(/"level":\d|"field":"/u);
    });

    // Only the case, not the PNC ID: shows the case policy on its own.
    const caseOnly = (selection: string, who: Caller, pncIds: readonly string[] = sampleIds) =>
      post(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { ${selection} } } }`,
        { r: pncIds.map((pncId) => ({ __typename: 'Offender', pncId })) },
        who,
      );
    const forbidden = (result: GraphQLResponse) =>
      result.errors?.filter((error) => error.extensions?.code === 'FORBIDDEN').map((error) => [error.path, error.extensions?.policy]);

    it.each([
      ['lay adviser', caller(['lay_adviser'], 'mappa_unit', 'STATISTICS')],
      ['analyst', caller(['analyst'], 'mappa_unit', 'STATISTICS')],
    ])('A.R27-A.R30: a %s sees no personal data: no register, no PNC ID, no case', async (_name, who) => {
      const register = await post(REGISTER, {}, who);
      expect(register.data).toEqual({ offenders: null });
      expect(policiesOf(register)).toEqual([['FORBIDDEN', 'mappa.register']]);

      const result = await entities(sampleIds, 'mappaCase { category level }', who);
      // The key itself is denied, so no entity survives: each resolves to null.
      expect(result.data?._entities).toEqual(sample.map(() => null));
      // Every denied field the operation names is reported, whether or not an entity survives to ask.
      expect(forbidden(result)).toEqual([
        [['_entities', 0, 'pncId'], 'mappa.subjectKey'],
        [['_entities', 0, 'mappaCase'], 'mappa.levelAndLeadAgency'],
      ]);

      const cases = await caseOnly('mappaCase { category level }', who);
      expect(cases.data?._entities).toEqual(sample.map(() => ({ mappaCase: null })));
      expect(forbidden(cases)).toEqual([[['_entities', 0, 'mappaCase'], 'mappa.levelAndLeadAgency']]);
    });

    it('A.R27-A.R30, issue 10: a lay adviser at a meeting knows no one (the gateway asks no evidence for them): no register, no entity', async () => {
      const who = caller(['lay_adviser'], 'mappa_unit', 'MAPPA_MEETING');
      const register = await post(REGISTER, {}, who);
      expect(register.data).toEqual({ offenders: null });
      expect((await entities(sampleIds, 'mappaCase { category level }', who)).data?._entities).toEqual(sample.map(() => null));
      expect((await caseOnly('mappaCase { category level }', who)).data?._entities).toEqual(sample.map(() => null));
    });

    it('A.R32: a Jobcentre Plus attendee at a meeting reads nothing of the MAPPA case (not even the minimal summary)', async () => {
      // Invited and attending (principle 5, issue 10), so that the field policies are what refuse.
      const who = withMeetingEvidence(caller(['dtc_attendee'], 'jobcentre_plus', 'MAPPA_MEETING'), sampleIds[0]!);
      const result = await entities(sampleIds.slice(0, 1), 'mappaCase { level leadAgency }', who);
      // The key it was invited about, and nothing of the unit's records.
      expect(result.data?._entities).toEqual(sample.slice(0, 1).map((person) => ({ pncId: person.pncId, mappaCase: null })));
      expect(forbidden(result)).toEqual([[['_entities', 0, 'mappaCase'], 'mappa.levelAndLeadAgency']]);
    });

    it('principle 5, A.R26: a duty-to-co-operate attendee with a live grant for the meeting reads the level and lead agency (the minimal summary), not the category or case number', async () => {
      const cases = await caseOnly(
        'mappaCase { caseId category level leadAgency }',
        withMeetingEvidence(caller(['dtc_attendee'], 'housing', 'MAPPA_MEETING'), sampleIds[0]!),
        sampleIds.slice(0, 1),
      );
      expect(cases.data?._entities).toEqual(
        sample
          .slice(0, 1)
          .map((person) => ({ mappaCase: { caseId: null, category: null, level: person.level, leadAgency: person.leadAgency } })),
      );
      expect(forbidden(cases)).toEqual([
        [['_entities', 0, 'mappaCase', 'caseId'], 'mappa.mappaCase'],
        [['_entities', 0, 'mappaCase', 'category'], 'mappa.mappaCase'],
      ]);
    });

    it('A.R38, C.71: a Home Office attendee at a meeting also reads the status and start date, still not the category', async () => {
      // A.R38, C.72 (issue 12): about a foreign national offender; a British national's case is unknown to the Home Office.
      const foreignNational = people.find(
        (person) =>
          person.nationality !== 'British' &&
          person.category !== 4 &&
          !person.restrictedAccess &&
          !isUnder18(person.dateOfBirth, calendarDateOf(new Date())),
      )!;
      const cases = await caseOnly(
        'mappaCase { category level status startDate }',
        withMeetingEvidence(caller(['dtc_attendee'], 'home_office', 'MAPPA_MEETING'), foreignNational.pncId),
        [foreignNational.pncId],
      );
      expect(cases.data?._entities).toEqual([
        { mappaCase: { category: null, level: foreignNational.level, status: 'ACTIVE', startDate: foreignNational.mappaStartDate } },
      ]);
      expect(forbidden(cases)).toEqual([[['_entities', 0, 'mappaCase', 'category'], 'mappa.mappaCase']]);
    });
  });
});
