import { startTestSubgraph, TEST_ISSUER } from '@mappa/testing';
import { sql } from 'drizzle-orm';
import type { Database, Principal, RunningSubgraph } from '@mappa/shared';
import type { TestDatabase, TestSubgraph } from '@mappa/testing';
import { mappaSubgraph } from '../index';

// Issue 13: `mappa_case_year` (each case's values in each reporting year, which the annual report reads)
// is kept by the database on every write to a case or its history. Each check compares the whole table
// with the same values worked out here, plainly, from `mappa_case` and `mappa_case_change`: after the
// seed's bulk inserts, after a level decision through the product, after a back-dated correction of the
// history, and after a closure.

const dataset = { offenders: 300, seed: 5, asOf: '2026-11-01' };

let test: TestSubgraph;
let database: TestDatabase;
let subgraph: RunningSubgraph;

interface CaseRow {
  case_id: string;
  pnc_id: string;
  category: number;
  level: number;
  area: string;
  start_date: string;
  end_date: string | null;
  ct_restricted: boolean;
}
interface ChangeRow {
  case_id: string;
  field: string;
  sequence: number;
  value_before: string | null;
  value_after: string;
  changed_date: string;
}
interface YearRow {
  case_id: string;
  first_year: number;
  last_year: number | null;
  pnc_id: string;
  start_date: string;
  end_date: string | null;
  ct_restricted: boolean;
  area: string;
  category: number;
  level: number;
  highest_level: number;
  sole_case: boolean;
}

async function rowsOf<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await database.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

const reportingYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);
/** Years the comparison covers: every year a seeded case is open in, and a few after (open cases run on). */
const YEARS = Array.from({ length: 2031 - 1990 }, (_, index) => 1990 + index);

/** Every (case, year) the report can ask about: the case's values in that year, from the base tables. */
async function expectedFromBaseTables(): Promise<Map<string, Record<string, unknown>>> {
  const cases = await rowsOf<CaseRow>(
    sql`select case_id, pnc_id, category, level, area, start_date::text, end_date::text, ct_restricted from mappa.mappa_case`,
  );
  const changes = await rowsOf<ChangeRow>(
    sql`select case_id, field, sequence, value_before, value_after, changed_date::text from mappa.mappa_case_change
        where field in ('CATEGORY', 'LEVEL', 'AREA') order by changed_date, sequence`,
  );
  const byCase = new Map<string, ChangeRow[]>();
  for (const change of changes) byCase.set(change.case_id, [...(byCase.get(change.case_id) ?? []), change]);
  const valueOn = (row: CaseRow, field: 'CATEGORY' | 'LEVEL' | 'AREA', day: string): string => {
    const history = (byCase.get(row.case_id) ?? []).filter((change) => change.field === field);
    const before = history.filter((change) => change.changed_date <= day);
    if (before.length > 0) return before[before.length - 1]!.value_after;
    const after = history.find((change) => change.changed_date > day);
    if (after?.value_before != null) return after.value_before;
    return field === 'CATEGORY' ? String(row.category) : field === 'LEVEL' ? String(row.level) : row.area;
  };
  // Table 2's rule needs a person's other cases only when there are some: a case is sole when no other case has its PNC ID.
  const casesOfPerson = new Map<string, number>();
  for (const row of cases) casesOfPerson.set(row.pnc_id, (casesOfPerson.get(row.pnc_id) ?? 0) + 1);
  const expected = new Map<string, Record<string, unknown>>();
  for (const row of cases) {
    for (const year of YEARS) {
      const first = `${year}-04-01`;
      const last = `${year + 1}-03-31`;
      if (row.start_date > last || (row.end_date !== null && row.end_date < first)) continue;
      const start = row.start_date > first ? row.start_date : first;
      const end = row.end_date !== null && row.end_date < last ? row.end_date : last;
      const levels = [
        Number(valueOn(row, 'LEVEL', start)),
        ...(byCase.get(row.case_id) ?? [])
          .filter((change) => change.field === 'LEVEL' && change.changed_date >= start && change.changed_date <= end)
          .map((change) => Number(change.value_after)),
      ];
      expected.set(`${row.case_id} ${year}`, {
        pncId: row.pnc_id,
        startDate: row.start_date,
        endDate: row.end_date,
        restricted: row.ct_restricted,
        area: valueOn(row, 'AREA', end),
        category: Number(valueOn(row, 'CATEGORY', end)),
        level: Number(valueOn(row, 'LEVEL', end)),
        highestLevel: Math.max(...levels),
        soleCase: casesOfPerson.get(row.pnc_id) === 1,
      });
    }
  }
  return expected;
}

/** The summary as the report reads it: the row holding each year, expanded year by year. */
async function fromSummary(): Promise<Map<string, Record<string, unknown>>> {
  const rows = await rowsOf<YearRow>(sql`select *, start_date::text as start_date, end_date::text as end_date from mappa.mappa_case_year`);
  const found = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    for (const year of YEARS) {
      if (year < row.first_year || (row.last_year !== null && year > row.last_year)) continue;
      const key = `${row.case_id} ${year}`;
      // Two rows holding one year would be a broken summary: keep both visible to the comparison.
      found.set(found.has(key) ? `${key} again` : key, {
        pncId: row.pnc_id,
        startDate: row.start_date,
        endDate: row.end_date,
        restricted: row.ct_restricted,
        area: row.area,
        category: row.category,
        level: row.level,
        highestLevel: row.highest_level,
        soleCase: row.sole_case,
      });
    }
  }
  return found;
}

async function expectSummaryMatchesBaseTables(): Promise<void> {
  const expected = await expectedFromBaseTables();
  const found = await fromSummary();
  expect(expected.size).toBeGreaterThan(dataset.offenders);
  expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
}

beforeAll(async () => {
  test = await startTestSubgraph(mappaSubgraph, dataset);
  ({ database, subgraph } = test);
}, 600_000);

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

/** An open level 1 case of category 1 or 2 with a history, not restricted, in no year before 2020. */
async function openCase(skip: number): Promise<CaseRow> {
  const [row] = await rowsOf<CaseRow>(
    sql`select case_id, pnc_id, category, level, area, start_date::text, end_date::text, ct_restricted from mappa.mappa_case
        where status = 'ACTIVE' and not ct_restricted and level = 1 and category in (1, 2) and start_date < '2024-04-01'
        order by case_id offset ${skip} limit 1`,
  );
  if (!row) throw new Error('the dataset has open level 1 cases from before 2024');
  return row;
}

/** A level 2 case of category 1 in London from May 2024: open, or closed on `endDate`. */
function insertCase(db: Database, caseId: string, pncId: string, endDate: string | null): Promise<unknown> {
  return db.execute(sql`
    insert into mappa.mappa_case (case_id, pnc_id, category, level, lead_agency, area, start_date, status, end_date, end_reason)
    values (${caseId}, ${pncId}, 1, 2, 'PROBATION', 'LONDON', '2024-05-01', ${endDate === null ? 'ACTIVE' : 'CLOSED'}, ${endDate},
      ${endDate === null ? null : 'NO_LONGER_REQUIRED'})`);
}

const soleCaseOf = async (caseId: string) =>
  (await rowsOf<YearRow>(sql`select * from mappa.mappa_case_year where case_id = ${caseId}`)).map((row) => row.sole_case);

describe('mappa_case_year, the annual report summary (issue 13)', () => {
  it('C.92: after seeding, every case in every year holds the values its history gives', async () => {
    await expectSummaryMatchesBaseTables();
  });

  it('C.92: a level decision through the product moves the case this year and after', async () => {
    const row = await openCase(0);
    const coordinator: Principal = {
      issuer: TEST_ISSUER,
      staffId: 'MCU00001',
      agency: 'mappa_unit',
      roles: ['mappa_coordinator'],
      area: row.area as Principal['area'],
      clearance: 'SC',
    };
    const result = await test.query(
      `mutation($input: ChangeMappaLevelInput!) { changeMappaLevel(input: $input) { caseId level } }`,
      {
        input: {
          caseId: row.case_id,
          level: 2,
          decisionKind: 'SCREENING_DECISION',
          decisionReference: 'SCR-2026-0901',
          reason: 'New risk',
        },
      },
      { principal: coordinator, declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: null } },
    );
    expect(result.errors).toBeUndefined();
    const [summary] = await rowsOf<YearRow>(sql`select * from mappa.mappa_case_year where case_id = ${row.case_id} and last_year is null`);
    expect(summary).toMatchObject({ level: 2, highest_level: 2 });
    await expectSummaryMatchesBaseTables();
  });

  it('C.92: a back-dated level change recomputes every year from its date on, and none before', async () => {
    const row = await openCase(1);
    const before = await rowsOf<YearRow>(sql`select * from mappa.mappa_case_year where case_id = ${row.case_id} order by first_year`);
    // A correction of the history dated in an earlier reporting year: level 3 from 1 June 2024.
    await database.connection.database().execute(sql`
      insert into mappa.mappa_case_change (case_id, sequence, field, value_before, value_after, changed_date, changed_by_staff_id, decision_kind, decision_reference, reason)
      select ${row.case_id}, coalesce(max(sequence), 0) + 1, 'LEVEL', '1', '3', '2024-06-01', 'MCU00001', 'SCREENING_DECISION', 'SCR-2024-0601', 'Correction'
      from mappa.mappa_case_change where case_id = ${row.case_id}`);
    const after = await rowsOf<YearRow>(sql`select * from mappa.mappa_case_year where case_id = ${row.case_id} order by first_year`);
    const holding = (rows: YearRow[], year: number) =>
      rows.find((r) => r.first_year <= year && (r.last_year === null || r.last_year >= year));
    // Years before the change keep their values; from 2024 the case is (or was) at level 3.
    expect(holding(after, 2023)).toMatchObject({
      level: holding(before, 2023)!.level,
      highest_level: holding(before, 2023)!.highest_level,
    });
    expect(holding(after, 2024)).toMatchObject({ highest_level: 3 });
    await expectSummaryMatchesBaseTables();
  });

  // Table 2 counts a person once, by their latest case: only a sole case may skip looking for a later one.
  it('C.92: a new case of a person who had one makes neither case sole', async () => {
    const [person] = await rowsOf<{ pnc_id: string; case_id: string }>(
      sql`select pnc_id, min(case_id) as case_id from mappa.mappa_case group by pnc_id having count(*) = 1 order by pnc_id limit 1`,
    );
    expect(await soleCaseOf(person!.case_id)).toContain(true);
    await insertCase(database.connection.database(), 'MC-9000001', person!.pnc_id, '2025-01-31');
    expect(await soleCaseOf(person!.case_id)).not.toContain(true);
    expect(await soleCaseOf('MC-9000001')).toEqual([false]);
    await expectSummaryMatchesBaseTables();
  });

  it('C.92: two first cases of one person written at once: neither is sole, whichever commits first', async () => {
    const db = database.connection.database();
    const pncId = '2019/0000001Z';
    // The second case is another writer's, in a transaction of its own, started while the first is open.
    // It is chained here, outside the first's transaction, as another request's would be: the embedded
    // database refuses a statement sent from inside an open transaction's own work, which there could wait
    // for itself (shared/src/db/embedded-transactions.ts).
    let startSecond: () => void = () => undefined;
    let settled = false;
    const second = new Promise<void>((resolve) => (startSecond = resolve))
      .then(() => insertCase(db, 'MC-9000003', pncId, '2025-02-28'))
      .finally(() => {
        settled = true;
      });
    await db.transaction(async (tx) => {
      await insertCase(tx as unknown as Database, 'MC-9000002', pncId, null);
      startSecond();
      // On a server the second runs on another connection: wait until it has finished or is waiting on a
      // lock, then commit the first. (Embedded, the second waits for the first's transaction, and they run
      // one after the other.)
      if (database.connection.kind === 'server')
        while (!settled) {
          const [waiting] = await rowsOf<{ count: number }>(
            sql`select count(*)::int as count from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
          );
          if (waiting!.count > 0) break;
        }
    });
    await second;
    expect(await soleCaseOf('MC-9000002')).toEqual([false]);
    expect(await soleCaseOf('MC-9000003')).toEqual([false]);
    await expectSummaryMatchesBaseTables();
  });

  it('C.92: a closure ends the case in its year: no row holds any later year', async () => {
    const row = await openCase(2);
    await database.connection.database().execute(sql`
      update mappa.mappa_case set status = 'CLOSED', end_date = '2025-06-30', end_reason = 'NO_LONGER_REQUIRED', next_review_date = null
      where case_id = ${row.case_id}`);
    const rows = await rowsOf<YearRow>(sql`select * from mappa.mappa_case_year where case_id = ${row.case_id}`);
    expect(Math.max(...rows.map((r) => r.last_year ?? Number.POSITIVE_INFINITY))).toBe(reportingYearOf('2025-06-30'));
    await expectSummaryMatchesBaseTables();
  });
});
