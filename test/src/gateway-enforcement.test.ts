import { ASSERTION_HEADER } from '@mappa/shared';
import type { Caller, DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { postGraphQL, postSubgraphGraphQL } from '@mappa/testing';
import { startTestStack, vouched } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// The gateway removes, before planning, the fields a principal can never see (roles, purpose, agency,
// clearance), so no subgraph is asked for them; the owner still enforces everything it is asked.
// These tests count the requests each subgraph serves and the denied selections it receives.

let env: TestStack;
const SUBGRAPHS = ['police', 'probation', 'prison', 'yot', 'mappa'] as const;
type SubgraphName = (typeof SUBGRAPHS)[number];

const SCREENING: DeclaredPurpose = { purpose: 'MAPPA_SCREENING', caseId: null };
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };

// Principals are put in the person's own area, so the tests hold when row scope by area applies.
const coordinator = (person: SyntheticPerson): PrincipalClaims => ({
  staffId: 'MCU0101',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: person.area,
  clearance: 'SC',
});
const yotCaseManager = (person: SyntheticPerson): PrincipalClaims => ({
  staffId: 'YOT0101',
  agency: 'yot',
  roles: ['yot_case_manager'],
  area: person.area,
  clearance: 'BPSS',
});

beforeAll(async () => {
  env = await startTestStack();
});

afterAll(async () => {
  await env.close();
});

async function ask<Data = Record<string, unknown>>(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

function requests(): Record<SubgraphName, number> {
  return Object.fromEntries(SUBGRAPHS.map((name) => [name, env.stack.subgraphs[name].requests.count])) as Record<SubgraphName, number>;
}

function deniedAtOwners(): number {
  return SUBGRAPHS.reduce((total, name) => total + env.stack.subgraphs[name].deniedSelections.count, 0);
}

/** The errors as [path, code, policy, serviceName], in a fixed order (agencies answer in parallel). */
function denials(result: GraphQLResponse): (string | undefined)[][] {
  return (result.errors ?? [])
    .map((error) => [
      error.path?.join('.'),
      String(error.extensions?.code),
      String(error.extensions?.policy),
      String(error.extensions?.serviceName),
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

const youth = () => env.people.find((person) => person.isYouth && person.yotReference !== null)!;
const probationAdult = () => env.people.find((person) => !person.isYouth && person.probationStatus === 'CURRENT')!;

describe('gateway early enforcement', () => {
  it('A.R10: the co-ordinator asking only for youth records causes zero requests to the youth offending team', async () => {
    const person = youth();
    env.resetCounters();
    const result = await ask<{ offender: { mappaCase: { level: number }; youthCase: unknown; assetPlusAssessment: unknown } }>(
      coordinator(person),
      SCREENING,
      'query($pncId: ID!) { offender(pncId: $pncId) { mappaCase { level } youthCase { yotReference } assetPlusAssessment { roshLevel } } }',
      { pncId: person.pncId },
    );
    expect(result.data).toEqual({ offender: { mappaCase: { level: person.level }, youthCase: null, assetPlusAssessment: null } });
    expect(denials(result)).toEqual([
      ['offender.assetPlusAssessment', 'FORBIDDEN', 'yot.assetPlus', 'yot'],
      ['offender.youthCase', 'FORBIDDEN', 'yot.youthCase', 'yot'],
    ]);
    expect(requests()).toEqual({ police: 1, probation: 0, prison: 0, yot: 0, mappa: 1 });
  });

  it("principle 4: a denied error is the owner's own denial, word for word", async () => {
    const person = youth();
    const viaGateway = await ask(
      coordinator(person),
      SCREENING,
      'query($pncId: ID!) { offender(pncId: $pncId) { youthCase { yotReference } } }',
      { pncId: person.pncId },
    );
    // Ask the owner directly, as the gateway would have before early enforcement.
    const caller: Caller = { principal: vouched(coordinator(person)), declaredPurpose: SCREENING };
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { youthCase { yotReference } } } }';
    const variables = { r: [{ __typename: 'Offender', pncId: person.pncId }] };
    const owner = await postSubgraphGraphQL(
      'yot',
      `${env.stack.subgraphs.yot.url}/graphql`,
      query,
      variables,
      await signedHeaders('yot', caller, JSON.stringify({ query, variables })),
    );
    expect(owner.errors).toHaveLength(1);
    expect(viaGateway.errors).toHaveLength(1);
    const [fromOwner] = owner.errors!;
    const [fromGateway] = viaGateway.errors!;
    expect(fromGateway!.message).toBe(fromOwner!.message);
    expect(fromGateway!.path).toEqual(['offender', 'youthCase']);
    // The gateway adds `serviceName` to every subgraph error it passes on; so does early enforcement.
    const { stacktrace: _ownerTrace, ...ownerExtensions } = fromOwner!.extensions ?? {};
    const { stacktrace: _gatewayTrace, ...gatewayExtensions } = fromGateway!.extensions ?? {};
    expect(gatewayExtensions).toEqual({ ...ownerExtensions, serviceName: 'yot' });
  });

  it('principle 4: a partly denied selection reaches the owner without the denied fields (B.15: narrative and plan stay with probation)', async () => {
    const person = probationAdult();
    env.resetCounters();
    const result = await ask<{
      offender: { riskOfSeriousHarm: Record<string, unknown>; riskManagementPlan: unknown; probationCase: { crn: string } };
    }>(
      coordinator(person),
      SCREENING,
      `query($pncId: ID!) { offender(pncId: $pncId) {
        probationCase { crn }
        riskOfSeriousHarm { overallRiskLevel whoIsAtRisk natureOfRisk }
        riskManagementPlan { supervision }
      } }`,
      { pncId: person.pncId },
    );
    expect(result.data?.offender).toEqual({
      probationCase: { crn: person.crn },
      riskOfSeriousHarm: { overallRiskLevel: person.roshLevel, whoIsAtRisk: null, natureOfRisk: null },
      riskManagementPlan: null,
    });
    expect(denials(result)).toEqual([
      ['offender.riskManagementPlan', 'FORBIDDEN', 'probation.riskManagementPlanRecord', 'probation'],
      ['offender.riskOfSeriousHarm.natureOfRisk', 'FORBIDDEN', 'probation.riskNarrative', 'probation'],
      ['offender.riskOfSeriousHarm.whoIsAtRisk', 'FORBIDDEN', 'probation.riskNarrative', 'probation'],
    ]);
    // Probation was asked once, and for nothing it had to refuse.
    expect(requests().probation).toBe(1);
    expect(deniedAtOwners()).toBe(0);
  });

  it('A.R10: across a register page, fragments, inline fragments, aliases and __typename keep their shape, with one error per field path', async () => {
    const area = youth().area;
    const principal: PrincipalClaims = { ...coordinator(youth()), area };
    env.resetCounters();
    const result = await ask<{ offenders: { edges: { node: Record<string, unknown> }[] } }>(
      principal,
      SCREENING,
      `query Page { offenders(first: 25) { edges { node { __typename pncId ...Youth ... on Offender { plan: assetPlusAssessment { roshLevel } } } } } }
       fragment Youth on Offender { young: youthCase { yotReference } h: mappaHNotification { notifiedDate } again: youthCase { yotReference } }`,
    );
    const nodes = result.data!.offenders.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(1);
    for (const node of nodes) {
      expect(Object.keys(node)).toEqual(['__typename', 'pncId', 'young', 'h', 'again', 'plan']);
      expect(node).toMatchObject({ __typename: 'Offender', young: null, again: null, plan: null });
    }
    expect(denials(result)).toEqual([
      ['offenders.edges.0.node.again', 'FORBIDDEN', 'yot.youthCase', 'yot'],
      ['offenders.edges.0.node.plan', 'FORBIDDEN', 'yot.assetPlus', 'yot'],
      ['offenders.edges.0.node.young', 'FORBIDDEN', 'yot.youthCase', 'yot'],
    ]);
    // The youth offending team is asked once, for the MAPPA H notification only.
    expect(requests().yot).toBe(1);
    expect(deniedAtOwners()).toBe(0);
  });

  it('principle 8, A.R27: a lay adviser asking for pncId asks no agency at all, and gets null with one FORBIDDEN error', async () => {
    const person = probationAdult();
    const layAdviser: PrincipalClaims = {
      staffId: 'LAY0101',
      agency: 'mappa_unit',
      roles: ['lay_adviser'],
      area: person.area,
      clearance: 'BPSS',
    };
    env.resetCounters();
    const single = await ask(
      layAdviser,
      { purpose: 'MAPPA_MEETING', caseId: 'MTG-LAY-0001' },
      'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } } }',
      {
        pncId: person.pncId,
      },
    );
    expect(single.data).toEqual({ offender: null });
    expect(denials(single)).toEqual([['offender', 'FORBIDDEN', 'police.subjectKey', 'police']]);
    expect(requests()).toEqual({ police: 0, probation: 0, prison: 0, yot: 0, mappa: 0 });
  });

  it("principle 8, A.R29: an analyst asking for the register's PNC IDs asks no agency at all", async () => {
    const analyst: PrincipalClaims = {
      staffId: 'ANL0101',
      agency: 'mappa_unit',
      roles: ['analyst'],
      area: youth().area,
      clearance: 'BPSS',
    };
    env.resetCounters();
    const result = await ask(
      analyst,
      { purpose: 'STATISTICS', caseId: null },
      '{ offenders(first: 5) { totalCount edges { node { pncId } } } __typename }',
    );
    expect(result.data).toEqual({ offenders: null, __typename: 'Query' });
    expect(denials(result)).toEqual([['offenders', 'FORBIDDEN', 'mappa.register', 'mappa']]);
    expect(requests()).toEqual({ police: 0, probation: 0, prison: 0, yot: 0, mappa: 0 });
  });

  it.each([
    ['named', 'query YouthView($pncId: ID!) { offender(pncId: $pncId) { youthCase { yotReference } mappaCase { level } } }'],
    ['anonymous', 'query($pncId: ID!) { offender(pncId: $pncId) { youthCase { yotReference } mappaCase { level } } }'],
  ])(
    "A.R10: the plan cache never serves one permission set's plan to another (%s operation, interleaved and repeated)",
    async (_kind, query) => {
      const person = youth();
      type Answer = { offender: { youthCase: { yotReference: string } | null; mappaCase: { level: number } | null } };
      const askers = [
        {
          principal: coordinator(person),
          purpose: SCREENING,
          youthCase: null,
          denials: [['offender.youthCase', 'FORBIDDEN', 'yot.youthCase', 'yot']],
          // Never the youth offending team: its only field here is one the co-ordinator can never see.
          asked: { police: 1, probation: 0, prison: 0, yot: 0, mappa: 1 },
        },
        {
          principal: yotCaseManager(person),
          purpose: CASE_MANAGEMENT,
          youthCase: { yotReference: person.yotReference },
          denials: [],
          asked: { police: 1, probation: 0, prison: 0, yot: 1, mappa: 1 },
        },
      ];
      for (let round = 0; round < 3; round += 1) {
        for (const asker of round % 2 === 0 ? askers : [...askers].reverse()) {
          env.resetCounters();
          const result = await ask<Answer>(asker.principal, asker.purpose, query, { pncId: person.pncId });
          expect(result.data?.offender.youthCase).toEqual(asker.youthCase);
          expect(denials(result)).toEqual(asker.denials);
          expect(requests()).toEqual(asker.asked);
          expect(deniedAtOwners()).toBe(0);
        }
      }
    },
  );
});

/** Headers that let a test call a subgraph directly, signed as the gateway signs, for exactly `body`. */
async function signedHeaders(audience: string, caller: Caller, body: string): Promise<Record<string, string>> {
  return { [ASSERTION_HEADER]: await env.stack.assertionSigner.sign(audience, caller, 'test-gateway-enforcement-1', body) };
}
