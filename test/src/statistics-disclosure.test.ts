import { sql } from 'drizzle-orm';
import { MappaArea, RECIPIENT_KINDS } from '@mappa/shared';
import { TEST_ISSUER, postGraphQL, postRawGraphQL } from '@mappa/testing';
import type { DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import type { RunningGateway } from '@mappa/gateway';
import { DEFAULT_PRINCIPAL, startGatewayOver, startTestStack, expectNoIdentifier, LARGE_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

/*
 * Issue 11's disclosure statistics behind the gateway's statistics path (issue 13): fixed periods (a
 * reporting year or quarter), keyed rounding and secondary suppression like every statistic. Every
 * expected figure is worked out here from the seeded tables with plain reads, never by the product's query.
 */

let env: TestStack;
/** A second gateway over the same subgraphs with rounding off (base 1), for exact comparisons. */
let exactGateway: RunningGateway;
let requestCount = 0;

const AREA = MappaArea.LONDON;
const YEAR = 2025;
const STATISTICS: DeclaredPurpose = { purpose: 'STATISTICS', caseId: null };
const COORDINATOR = DEFAULT_PRINCIPAL;
const LAY_ADVISER: PrincipalClaims = { staffId: 'LAY0001', agency: 'mappa_unit', roles: ['lay_adviser'], area: AREA, clearance: 'BPSS' };
const ANALYST: PrincipalClaims = { staffId: 'ANL0001', agency: 'police', roles: ['analyst'], area: AREA, clearance: 'BPSS' };
const OTHER_AREA_COORDINATOR: PrincipalClaims = { ...COORDINATOR, staffId: 'MCU0009', area: MappaArea.CLEVELAND };

const COUNT = '{ count suppressed }';
const MEASURES = `proposed ${COUNT} made ${COUNT} notMade ${COUNT} withdrawn ${COUNT}`;
const DISCLOSURE = /* GraphQL */ `query Disclosure($area: MappaArea!, $year: Int!, $quarter: Int) {
  disclosureStatistics(area: $area, year: $year, quarter: $quarter) {
    area year quarter meetingsHeld ${COUNT} meetingsConsidered ${COUNT} ${MEASURES}
    byRecipientKind { recipientKind ${MEASURES} }
    byLevel { level meetingsHeld ${COUNT} meetingsConsidered ${COUNT} ${MEASURES} }
  }
}`;

interface Count {
  readonly count: number | null;
  readonly suppressed: boolean;
}
type Measure = 'proposed' | 'made' | 'notMade' | 'withdrawn';
type Counts = Record<Measure, Count>;
interface Answer extends Counts {
  readonly area: string;
  readonly year: number;
  readonly quarter: number | null;
  readonly meetingsHeld: Count;
  readonly meetingsConsidered: Count;
  readonly byRecipientKind: (Counts & { recipientKind: string })[];
  readonly byLevel: (Counts & { level: number; meetingsHeld: Count; meetingsConsidered: Count })[];
}
const DECISION_MEASURES: readonly Measure[] = ['proposed', 'made', 'notMade', 'withdrawn'];
const LEVELS = [2, 3];

async function ask(
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
  url = `${env.stack.gateway.url}/graphql`,
  query = DISCLOSURE,
  /** `postRawGraphQL` for a document the schema refuses on purpose. */
  post = postGraphQL,
): Promise<GraphQLResponse<{ disclosureStatistics: Answer | null }>> {
  requestCount += 1;
  const headers = {
    ...(await env.headersFor(principal, STATISTICS)),
    'x-request-id': `statistics-disclosure-test-${String(requestCount).padStart(4, '0')}`,
  };
  return post<{ disclosureStatistics: Answer | null }>(url, query, variables, headers);
}

async function rowsOf<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

// ---- The seeded data, read plainly ----------------------------------------------------------------

interface Decision {
  recipient_kind: string;
  level: number;
  status: string;
  outcome: string | null;
  proposed_day: string;
  made_day: string | null;
  decided_day: string | null;
  withdrawn_day: string | null;
}
interface HeldMeeting {
  level: number;
  closed_day: string;
  considered: boolean;
}

async function readDecisions(): Promise<Decision[]> {
  return rowsOf<Decision>(sql`
    select recipient_kind, level, status, outcome,
      to_char(proposed_at at time zone 'UTC', 'YYYY-MM-DD') as proposed_day, to_char(made_at at time zone 'UTC', 'YYYY-MM-DD') as made_day,
      to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD') as decided_day, to_char(withdrawn_at at time zone 'UTC', 'YYYY-MM-DD') as withdrawn_day
    from mappa.disclosure_decision where area = ${AREA}`);
}

async function readMeetings(): Promise<HeldMeeting[]> {
  return rowsOf<HeldMeeting>(sql`
    select coalesce(d.level_before, c.level) as level, to_char(m.closed_at at time zone 'UTC', 'YYYY-MM-DD') as closed_day,
      exists (select 1 from mappa.disclosure_consideration k where k.meeting_id = m.meeting_id) as considered
    from mappa.meeting m join mappa.mappa_case c on c.case_id = m.case_id left join mappa.meeting_decision d on d.meeting_id = m.meeting_id
    where m.area = ${AREA} and m.status = 'HELD' and m.closed_at is not null`);
}

/** The period of a reporting year or one of its quarters. */
function period(year: number, quarter: number | null): [string, string] {
  if (quarter === null) return [`${year}-04-01`, `${year + 1}-03-31`];
  return (
    [
      [`${year}-04-01`, `${year}-06-30`],
      [`${year}-07-01`, `${year}-09-30`],
      [`${year}-10-01`, `${year}-12-31`],
      [`${year + 1}-01-01`, `${year + 1}-03-31`],
    ] as const
  )[quarter - 1] as [string, string];
}

/** The day of each decision's event for a measure (null: no such event), by the definition in docs/statistics.md. */
function eventDay(decision: Decision, measure: Measure): string | null {
  if (measure === 'proposed') return decision.proposed_day;
  if (measure === 'made') return decision.status === 'MADE' ? decision.made_day : null;
  if (measure === 'notMade') return decision.status === 'DECIDED' && decision.outcome === 'NOT_DISCLOSE' ? decision.decided_day : null;
  return decision.status === 'WITHDRAWN' ? decision.withdrawn_day : null;
}

interface Expected {
  /** measure -> recipient kind -> level -> count */
  decisions: Record<Measure, Map<string, Map<number, number>>>;
  /** level -> [considered, not considered] */
  meetings: Map<number, [number, number]>;
}

function expectedFor(decisions: readonly Decision[], meetings: readonly HeldMeeting[], year: number, quarter: number | null): Expected {
  const [first, last] = period(year, quarter);
  const within = (day: string | null) => day !== null && day >= first && day <= last;
  const result: Expected = {
    decisions: { proposed: new Map(), made: new Map(), notMade: new Map(), withdrawn: new Map() },
    meetings: new Map(),
  };
  for (const decision of decisions) {
    if (decision.level !== 2 && decision.level !== 3) continue;
    for (const measure of DECISION_MEASURES) {
      if (!within(eventDay(decision, measure))) continue;
      const byKind = result.decisions[measure];
      const byLevel = byKind.get(decision.recipient_kind) ?? new Map<number, number>();
      byLevel.set(decision.level, (byLevel.get(decision.level) ?? 0) + 1);
      byKind.set(decision.recipient_kind, byLevel);
    }
  }
  for (const meeting of meetings) {
    if (!within(meeting.closed_day)) continue;
    const cell = result.meetings.get(meeting.level) ?? [0, 0];
    cell[meeting.considered ? 0 : 1] += 1;
    result.meetings.set(meeting.level, cell);
  }
  return result;
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
const decisionCount = (expected: Expected, measure: Measure, kind: string | null, level: number | null) =>
  sum(
    [...expected.decisions[measure].entries()]
      .filter(([candidate]) => kind === null || candidate === kind)
      .flatMap(([, byLevel]) =>
        [...byLevel.entries()].filter(([candidate]) => level === null || candidate === level).map(([, count]) => count),
      ),
  );
const meetingCount = (expected: Expected, level: number | null, column: 0 | 1 | null) =>
  sum(
    [...expected.meetings.entries()]
      .filter(([candidate]) => level === null || candidate === level)
      .map(([, cell]) => (column === null ? cell[0] + cell[1] : cell[column])),
  );

/** Every published count of an answer beside its true value. */
function pairsOf(answer: Answer, expected: Expected): [string, Count, number][] {
  const pairs: [string, Count, number][] = [
    ['meetingsHeld', answer.meetingsHeld, meetingCount(expected, null, null)],
    ['meetingsConsidered', answer.meetingsConsidered, meetingCount(expected, null, 0)],
  ];
  for (const measure of DECISION_MEASURES) {
    pairs.push([measure, answer[measure], decisionCount(expected, measure, null, null)]);
    for (const line of answer.byRecipientKind)
      pairs.push([`${line.recipientKind}.${measure}`, line[measure], decisionCount(expected, measure, line.recipientKind, null)]);
    for (const line of answer.byLevel)
      pairs.push([`${line.level}.${measure}`, line[measure], decisionCount(expected, measure, null, line.level)]);
  }
  for (const line of answer.byLevel) {
    pairs.push([`${line.level}.meetingsHeld`, line.meetingsHeld, meetingCount(expected, line.level, null)]);
    pairs.push([`${line.level}.meetingsConsidered`, line.meetingsConsidered, meetingCount(expected, line.level, 0)]);
  }
  return pairs;
}

let decisions: Decision[] = [];
let meetings: HeldMeeting[] = [];

beforeAll(async () => {
  env = await startTestStack({ dataset: LARGE_DATASET });
  exactGateway = await startGatewayOver(env, { statistics: { control: { threshold: 4, base: 1, withholdZeros: false } } });
  decisions = await readDecisions();
  meetings = await readMeetings();
}, 600_000);

afterAll(async () => {
  await exactGateway?.close();
  await env?.close();
});

describe('disclosure statistics for a reporting year or quarter (KPI 3, C §7), each the seeded figure', () => {
  it('KPI 3, C.93: meetings held and considered, decisions proposed, made, not made and withdrawn, exactly with rounding off and 1-4 withheld', async () => {
    let shown = 0;
    for (const quarter of [null, 1, 2, 3, 4]) {
      const expected = expectedFor(decisions, meetings, YEAR, quarter);
      const answer = await ask({ area: AREA, year: YEAR, quarter }, COORDINATOR, `${exactGateway.url}/graphql`);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.disclosureStatistics).toMatchObject({ area: AREA, year: YEAR, quarter });
      expect(answer.data!.disclosureStatistics!.byRecipientKind.map((line) => line.recipientKind)).toEqual([...RECIPIENT_KINDS]);
      expect(answer.data!.disclosureStatistics!.byLevel.map((line) => line.level)).toEqual(LEVELS);
      for (const [name, count, truth] of pairsOf(answer.data!.disclosureStatistics!, expected)) {
        if (truth >= 1 && truth <= 4) expect({ name, count }).toEqual({ name, count: { count: null, suppressed: true } });
        if (count.suppressed) continue;
        shown += 1;
        expect({ name, count: count.count }).toEqual({ name, count: truth });
      }
    }
    // The seeded year has level 2/3 meetings and decisions to show.
    expect(meetingCount(expectedFor(decisions, meetings, YEAR, null), null, null)).toBeGreaterThan(10);
    expect(decisionCount(expectedFor(decisions, meetings, YEAR, null), 'proposed', null, null)).toBeGreaterThan(4);
    expect(shown).toBeGreaterThan(0);
  });

  it('C.93: protected like every statistic: 1-4 withheld, every shown count a multiple of 5 within 4 of the truth, no line with a single withheld count', async () => {
    for (const quarter of [null, 3]) {
      const expected = expectedFor(decisions, meetings, YEAR, quarter);
      const answer = (await ask({ area: AREA, year: YEAR, quarter }, LAY_ADVISER)).data!.disclosureStatistics!;
      for (const [name, count, truth] of pairsOf(answer, expected)) {
        if (truth >= 1 && truth <= 4) expect({ name, count }).toEqual({ name, count: { count: null, suppressed: true } });
        if (count.suppressed) expect(count.count).toBeNull();
        else {
          expect({ name, remainder: count.count! % 5 }).toEqual({ name, remainder: 0 });
          expect(Math.abs(count.count! - truth)).toBeLessThan(5);
        }
      }
      // Each measure is one kind x level table: its lines are the kinds' (with their totals), the levels' and the totals'.
      for (const measure of DECISION_MEASURES) {
        expect(
          [...answer.byRecipientKind.map((line) => line[measure]), answer[measure]].filter((count) => count.suppressed),
        ).not.toHaveLength(1);
        expect([...answer.byLevel.map((line) => line[measure]), answer[measure]].filter((count) => count.suppressed)).not.toHaveLength(1);
      }
      expect(
        [...answer.byLevel.map((line) => line.meetingsHeld), answer.meetingsHeld].filter((count) => count.suppressed),
      ).not.toHaveLength(1);
    }
  });

  it('C.93: no identifier, date or free text in any answer; the same question twice gets the same answer', async () => {
    const first = await ask({ area: AREA, year: YEAR }, COORDINATOR);
    const second = await ask({ area: AREA, year: YEAR }, LAY_ADVISER);
    expect(first.errors).toBeUndefined();
    expectNoIdentifier(first.data, new Set([...RECIPIENT_KINDS, AREA]));
    expect(second.data).toEqual(first.data);
  });
});

describe('differencing (C.93): no two answers a caller can get differ by exactly one decision', () => {
  it("C.93: a period the caller chooses, a day longer than another, cannot be asked: not through the statistics path, nor the MAPPA unit's raw cells, nor the old free-period query", async () => {
    // The attack the free periods allowed: a day on which exactly one decision was made in the area.
    const days = new Map<string, number>();
    for (const decision of decisions)
      if (decision.level >= 2 && decision.status === 'MADE' && decision.made_day !== null)
        days.set(decision.made_day, (days.get(decision.made_day) ?? 0) + 1);
    const lone = [...days.entries()].find(([, count]) => count === 1)?.[0];
    expect(lone).toBeDefined();
    const dayBefore = new Date(Date.parse(`${lone!}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const attempts = [
      [`query { disclosureStatistics(area: ${AREA}, from: "2025-04-01", to: "${dayBefore}") { made { count } } }`, 'disclosureStatistics'],
      [`query { disclosureDecisions(area: ${AREA}, from: "2025-04-01", to: "${lone!}") { made { count } } }`, 'disclosureDecisions'],
      [
        `query { mappaStatisticsDisclosure(area: ${AREA}, from: "2025-04-01", to: "${lone!}", keySecret: "${'k'.repeat(40)}") { measure count } }`,
        'mappaStatisticsDisclosure',
      ],
    ] as const;
    for (const [query, field] of attempts) {
      const answer = await ask({}, COORDINATOR, undefined, query, postRawGraphQL);
      expect({ field, data: answer.data?.[field as 'disclosureStatistics'] ?? null, code: answer.errors?.[0]?.extensions?.code }).toEqual({
        field,
        data: null,
        code: 'GRAPHQL_VALIDATION_FAILED',
      });
    }
  });

  it('C.93: the answers before and after one more decision in the period (the adversarial pair the fixed periods still allow) never differ by exactly one; every shown count is a multiple of 5', async () => {
    // The reporting year: its total is large enough to be shown both times, so the pair is a real one.
    const quarter = null;
    const before = (await ask({ area: AREA, year: YEAR, quarter }, LAY_ADVISER)).data!.disclosureStatistics!;
    const truthBefore = decisionCount(expectedFor(decisions, meetings, YEAR, quarter), 'proposed', null, null);
    expect(truthBefore).toBeGreaterThanOrEqual(10);
    // One more level 2 decision proposed in the quarter, about a subject of a meeting held then.
    const [meeting] = await rowsOf<{ meeting_id: string; case_id: string; pnc_id: string }>(sql`
      select m.meeting_id, m.case_id, m.pnc_id from mappa.meeting m
      where m.area = ${AREA} and m.status = 'HELD' and m.closed_at >= '2025-10-01' and m.closed_at < '2025-12-01' order by m.meeting_id limit 1`);
    expect(meeting).toBeDefined();
    await env.connection.database().transaction(async (tx) => {
      await tx.execute(sql`set local mappa.loading_history = 'on'`);
      await tx.execute(sql`insert into mappa.disclosure_decision (decision_id, pnc_id, area, level, case_id, meeting_id, subject_under_18, status, recipient_kind, recipient_description,
          recipient_is_child, recipient_is_adult_at_risk, purpose, lawful_basis, alternatives_considered, recipient_guidance, proposed_by_staff_id, proposed_by_issuer, proposed_by_agency, proposed_at)
        values ('DSC-MAPPA-DIFFERENCING-1', ${meeting!.pnc_id}, ${AREA}, 2, ${meeting!.case_id}, ${meeting!.meeting_id}, false, 'PROPOSED',
          'EMPLOYER', 'Test: the employer safeguarding lead', false, false, 'Test: protect colleagues', 'COMMON_LAW', 'Test: none would protect', 'Test: report concerns to the PPU',
          'PPU0011', ${TEST_ISSUER}, 'police', '2025-11-15T10:00:00Z')`);
    });
    const after = (await ask({ area: AREA, year: YEAR, quarter }, LAY_ADVISER)).data!.disclosureStatistics!;
    const truthAfter = decisionCount(expectedFor(await readDecisions(), meetings, YEAR, quarter), 'proposed', null, null);
    expect(truthAfter).toBe(truthBefore + 1);
    const pairs: [string, Count, Count][] = [['proposed', before.proposed, after.proposed]];
    for (const [index, line] of after.byLevel.entries())
      pairs.push([`${line.level}.proposed`, before.byLevel[index]!.proposed, line.proposed]);
    for (const [index, line] of after.byRecipientKind.entries())
      pairs.push([`${line.recipientKind}.proposed`, before.byRecipientKind[index]!.proposed, line.proposed]);
    for (const [name, first, second] of pairs) {
      for (const count of [first, second])
        if (!count.suppressed) expect({ name, remainder: count.count! % 5 }).toEqual({ name, remainder: 0 });
      if (!first.suppressed && !second.suppressed)
        expect({ name, difference: Math.abs(second.count! - first.count!) }).not.toEqual({ name, difference: 1 });
    }
    // The year's total is shown both times (at least 10): the same, or a step of 5.
    expect(before.proposed.suppressed || after.proposed.suppressed).toBe(false);
    expect([0, 5]).toContain(after.proposed.count! - before.proposed.count!);
  });
});

describe('who may ask (principle 8, principle 9, A.R27, C.92)', () => {
  it('A.R27: a lay adviser of the board reads the same statistics as the co-ordinator', async () => {
    const coordinator = await ask({ area: AREA, year: YEAR, quarter: 2 }, COORDINATOR);
    const layAdviser = await ask({ area: AREA, year: YEAR, quarter: 2 }, LAY_ADVISER);
    expect(layAdviser.errors).toBeUndefined();
    expect(layAdviser.data).toEqual(coordinator.data);
  });

  it("principle 8: an analyst (not the MAPPA unit's co-ordinator or lay adviser) is FORBIDDEN and gets no figure", async () => {
    const answer = await ask({ area: AREA, year: YEAR }, ANALYST);
    expect(answer.data?.disclosureStatistics ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("principle 9: another area's statistics are null with no error", async () => {
    const answer = await ask({ area: AREA, year: YEAR }, OTHER_AREA_COORDINATOR);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.disclosureStatistics).toBeNull();
  });

  it('a quarter outside 1-4 is BAD_USER_INPUT', async () => {
    const answer = await ask({ area: AREA, year: YEAR, quarter: 0 }, COORDINATOR);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
