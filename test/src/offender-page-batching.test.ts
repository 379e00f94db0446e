import { startTestStack } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

// Fields from all five agencies, including nested lists, for every offender on the page.
const PAGE = `query Page($first: Int!, $after: String) {
  offenders(first: $first, after: $after) {
    totalCount
    edges { cursor node {
      pncId
      identity { lastName aliases { lastName } }
      visorNominal { status }
      warningMarkers { code }
      mappaCase { category level history { field } }
      probationCase { crn }
      licences { status conditions { code } }
      riskOfSeriousHarm { overallRiskLevel }
      custody { prisonNumber }
      sentence { sentenceType offences { code } }
      mappaHNotification { category }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  offenders: {
    totalCount: number;
    edges: { node: { pncId: string; mappaHNotification: unknown } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

let env: TestStack;

beforeAll(async () => {
  env = await startTestStack();
});

afterAll(async () => {
  await env.close();
});

function counts() {
  return Object.fromEntries(
    Object.values(env.stack.subgraphs).map((subgraph) => [
      subgraph.name,
      { requests: subgraph.requests.count, statements: subgraph.statements.count },
    ]),
  );
}

async function measure(first: number, after?: string) {
  env.resetCounters();
  const result = await env.query<Page>(PAGE, { first, after });
  expect(result.errors).toBeUndefined();
  return { page: result.data!.offenders, counts: counts() };
}

// What each agency's statements are for (reference resolution goes through the same loader as
// the agency's main record, so it costs one statement however many offenders are on the page; and,
// as the page asks for both, that statement also reads the record's 1:1 companion: issue 15):
//   police    person with ViSOR nominal (reference + identity + nominal), aliases, warning markers = 3
//   probation case with RoSH (reference + probationCase + RoSH), licences, licence conditions   = 3
//   prison    custody with sentence (reference + custody + sentence), offences                  = 2
//   yot       young person's case (reference); no other loader runs when nobody is held    = 1
// The caller is the co-ordinator screening cases (see testing/src/stack/test-stack.ts): every field asked
// for here is one the co-ordinator may read, so each loader runs.
//   mappa     the page (which also primes mappaCase), totalCount, case history             = 3
const EXPECTED = {
  police: { requests: 1, statements: 3 },
  probation: { requests: 1, statements: 3 },
  prison: { requests: 1, statements: 2 },
  yot: { requests: 1, statements: 1 },
  mappa: { requests: 1, statements: 3 },
  // The page asks nothing the Home Office holds: it is not called at all.
  'home-office': { requests: 0, statements: 0 },
};

describe('a 50-offender page with fields from all five agencies', () => {
  it('costs one request per subgraph and a fixed number of SQL statements, not one per offender', async () => {
    const { page, counts: measured } = await measure(50);
    expect(page.edges).toHaveLength(50);
    expect(page.edges.filter((edge) => edge.node.mappaHNotification !== null)).toHaveLength(0);
    expect(measured).toEqual(EXPECTED);
  });

  it('costs the same for a page twice the size', async () => {
    const first = await measure(50);
    const { page, counts: measured } = await measure(100, first.page.pageInfo.endCursor);
    expect(page.edges).toHaveLength(100);
    expect(page.edges.filter((edge) => edge.node.mappaHNotification !== null)).toHaveLength(0);
    expect(measured).toEqual(EXPECTED);
  });

  it("A.R10: runs the youth offending team's MAPPA H loader once when the page holds young people", async () => {
    env.resetCounters();
    const result = await env.query<Page>(
      PAGE.replace('offenders(first: $first, after: $after)', 'offenders(first: $first, after: $after, filter: { leadAgency: YOT })'),
      {
        first: 50,
      },
    );
    expect(result.errors).toBeUndefined();
    const youths = env.people.filter((p) => p.isYouth);
    expect(result.data!.offenders.edges.map((edge) => edge.node.pncId).sort()).toEqual(youths.map((p) => p.pncId).sort());
    // yot: the young person's case (reference) and the MAPPA H notification, the one YOT record the
    // co-ordinator may read (A.R10). Probation and prison hold none of these people, so each answers
    // with its reference statement alone.
    expect(counts()).toEqual({
      police: { requests: 1, statements: 3 },
      probation: { requests: 1, statements: 1 },
      prison: { requests: 1, statements: 1 },
      yot: { requests: 1, statements: 2 },
      mappa: { requests: 1, statements: 3 },
      'home-office': { requests: 0, statements: 0 },
    });
  });

  it('pages through the whole register once, in order, with cursors', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await env.query<Page>(
        'query($after: String) { offenders(first: 100, after: $after) { edges { node { pncId } } pageInfo { hasNextPage endCursor } } }',
        {
          after,
        },
      );
      const page = result.data!.offenders;
      seen.push(...page.edges.map((edge) => edge.node.pncId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(env.people.map((p) => p.pncId).sort());
  });

  it('filters by category, level, area and lead agency together', async () => {
    const target = env.people.find((p) => p.level === 1 && p.category === 1)!;
    const expected = env.people
      .filter((p) => p.category === 1 && p.level === 1 && p.area === target.area && p.leadAgency === target.leadAgency)
      .map((p) => p.pncId)
      .sort();
    const result = await env.query<Page>(
      `query($area: MappaArea, $lead: Agency) { offenders(first: 100, filter: { category: 1, level: 1, area: $area, leadAgency: $lead }) { totalCount edges { node { pncId } } } }`,
      { area: target.area, lead: target.leadAgency },
    );
    // Everyone is in the caller's area (row scope, R-3), so more than a page may match: the first page and the whole count.
    expect(result.data!.offenders.edges.map((edge) => edge.node.pncId)).toEqual(expected.slice(0, 100));
    expect(result.data!.offenders.totalCount).toBe(expected.length);
  });

  it.each([
    ['first: 0', '{ offenders(first: 0) { totalCount } }'],
    ['first: 101', '{ offenders(first: 101) { totalCount } }'],
    ['category 5', '{ offenders(filter: { category: 5 }) { totalCount } }'],
    ['level 0', '{ offenders(filter: { level: 0 }) { totalCount } }'],
    ['a forged cursor', '{ offenders(after: "bm90LWEtY3Vyc29y") { totalCount } }'],
  ])('rejects %s with BAD_USER_INPUT', async (_case, query) => {
    const result = await env.query(query);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
