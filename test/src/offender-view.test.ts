import { Writable } from 'node:stream';
import pino from 'pino';
import { FIVE_AGENCY_VIEW, yearsBetween } from '@mappa/shared';
import { insertMeeting, startTestStack } from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

const asOf = '2026-11-01';
let env: TestStack;

interface OffenderView {
  pncId: string;
  identity: { firstName: string; lastName: string; dateOfBirth: string; croNumber: string } | null;
  visorNominal: { status: string; restrictedAccess: boolean } | null;
  sexOffenderNotification: { indefinite: boolean } | null;
  mappaCase: {
    category: number;
    level: number;
    leadAgency: string;
    area: string;
    startDate: string;
    nextReviewDate: string;
    status: string;
  } | null;
  probationCase: { crn: string; status: string; area: string } | null;
  licences: { status: string; startDate: string; expiryDate: string | null }[] | null;
  riskOfSeriousHarm: { overallRiskLevel: string } | null;
  custody: { prisonNumber: string; inOutStatus: string } | null;
  sentence: { conditionalReleaseDate: string; licenceExpiryDate: string | null } | null;
  mappaHNotification: { notifiedDate: string } | null;
}

const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  env = await startTestStack({ log: pino({ level: 'info' }, sink) });
});

afterAll(async () => {
  await env.close();
});

async function view(pncId: string): Promise<OffenderView> {
  const result = await env.query<{ offender: OffenderView }>(FIVE_AGENCY_VIEW, { pncId });
  expect(result.errors).toBeUndefined();
  return result.data!.offender;
}

describe('the single offender view', () => {
  it("principle 3: brings each agency's MAPPA summary of one person together for the co-ordinator screening the case, consistent across agencies", async () => {
    const person = env.people.find((p) => p.supervision === 'CUSTODY' && p.category === 1)!;
    const offender = await view(person.pncId);
    expect(offender.identity).toEqual({
      firstName: person.firstName,
      lastName: person.lastName,
      dateOfBirth: person.dateOfBirth,
      croNumber: person.croNumber,
    });
    expect(offender.visorNominal).toEqual({ status: 'ACTIVE', restrictedAccess: person.restrictedAccess });
    expect(offender.sexOffenderNotification).not.toBeNull();
    expect(offender.mappaCase).toEqual({
      category: person.category,
      level: person.level,
      leadAgency: person.leadAgency,
      area: person.area,
      startDate: person.mappaStartDate,
      nextReviewDate: person.nextReviewDate,
      status: 'ACTIVE',
    });
    expect(offender.probationCase).toEqual({ crn: person.crn, status: 'CURRENT', area: person.area });
    expect(offender.riskOfSeriousHarm).toEqual({ overallRiskLevel: person.roshLevel });
    expect(offender.custody).toEqual({ prisonNumber: person.prisonNumber, inOutStatus: 'IN' });
    expect(offender.sentence).toEqual({
      conditionalReleaseDate: person.sentence!.conditionalReleaseDate,
      licenceExpiryDate: person.sentence!.licenceExpiryDate,
    });
    // An adult: the youth offending team holds nothing, and says so with null rather than an error.
    expect(offender.mappaHNotification).toBeNull();
  });

  it('principle 4: keeps the risk management plan for the meeting, not for screening', async () => {
    const person = env.people.find((p) => p.probationStatus === 'CURRENT')!;
    const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { riskManagementPlan { supervision } } }';
    const screening = await env.query<{ offender: { riskManagementPlan: unknown } }>(QUERY, { pncId: person.pncId });
    expect(screening.data?.offender.riskManagementPlan).toBeNull();
    expect(screening.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.policy])).toEqual([
      [['offender', 'riskManagementPlan'], 'FORBIDDEN', 'probation.riskManagementPlanRecord'],
    ]);
    const chair = {
      staffId: 'CHAIR0001',
      agency: 'probation' as const,
      roles: ['mappa_chair' as const],
      area: person.area,
      clearance: 'SC' as const,
    };
    // Issue 10: the meeting about this person, which the chair chairs.
    await insertMeeting(env, person.pncId, { meetingId: 'MTG-TEST-0001', chair });
    const meeting = await postGraphQL<{ offender: { riskManagementPlan: { supervision: string } | null } }>(
      `${env.stack.gateway.url}/graphql`,
      QUERY,
      { pncId: person.pncId },
      await env.headersFor(chair, { purpose: 'MAPPA_MEETING', caseId: 'MTG-TEST-0001' }),
    );
    expect(meeting.errors).toBeUndefined();
    expect(meeting.data?.offender.riskManagementPlan?.supervision).toMatch(/\S/);
  });

  it('shows someone on licence with the same licence dates at probation and prison', async () => {
    const person = env.people.find((p) => p.supervision === 'LICENCE' && p.sentence?.licenceExpiryDate)!;
    const offender = await view(person.pncId);
    const active = offender.licences?.find((licence) => licence.status === 'ACTIVE');
    expect(active).toEqual({
      status: 'ACTIVE',
      startDate: person.sentence!.conditionalReleaseDate,
      expiryDate: person.sentence!.licenceExpiryDate,
    });
    expect(offender.sentence?.licenceExpiryDate).toBe(active?.expiryDate);
    expect(offender.custody?.inOutStatus).toBe('OUT');
  });

  it('shows an under-18 to the youth offending team, and never in an adult prison', async () => {
    const youth = env.people.find((p) => p.isYouth)!;
    expect(yearsBetween(youth.dateOfBirth, asOf)).toBeLessThan(18);
    const screening = await view(youth.pncId);
    expect(screening.custody).toBeNull();
    expect(screening.sentence).toBeNull();
    expect(screening.probationCase).toBeNull();
    const caseManager = {
      staffId: 'YOT0001',
      agency: 'yot' as const,
      roles: ['yot_case_manager' as const],
      area: youth.area,
      clearance: 'BPSS' as const,
    };
    const result = await postGraphQL<{
      offender: {
        youthCase: { yotReference: string };
        adultTransition: { plannedTransferDate: string };
        mappaCase: { leadAgency: string };
      };
    }>(
      `${env.stack.gateway.url}/graphql`,
      'query($pncId: ID!) { offender(pncId: $pncId) { youthCase { yotReference } adultTransition { plannedTransferDate } mappaCase { leadAgency } } }',
      { pncId: youth.pncId },
      await env.headersFor(caseManager, { purpose: 'CASE_MANAGEMENT', caseId: null }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender.youthCase).toEqual({ yotReference: youth.yotReference });
    expect(result.data?.offender.mappaCase.leadAgency).toBe('YOT');
  });

  it('A.R10: the co-ordinator sees no youth record, only what the MAPPA H notification carries', async () => {
    const youth = env.people.find((p) => p.isYouth)!;
    const result = await env.query<{ offender: { youthCase: unknown; mappaHNotification: { category: number } | null } }>(
      'query($pncId: ID!) { offender(pncId: $pncId) { youthCase { yotReference } mappaHNotification { category } } }',
      { pncId: youth.pncId },
    );
    expect(result.data?.offender.youthCase).toBeNull();
    expect(result.data?.offender.mappaHNotification?.category).toBe(youth.category);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.policy])).toEqual([
      [['offender', 'youthCase'], 'FORBIDDEN', 'yot.youthCase'],
    ]);
  });

  it('principle 9: a refused field gives the same answer whether or not the agency holds the person', async () => {
    const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { youthCase { yotReference } victimContacts { victimReference } } }';
    const youth = env.people.find((p) => p.isYouth)!;
    const adult = env.people.find((p) => !p.isYouth && p.category === 1 && p.probationStatus === 'CURRENT')!;
    const answers = await Promise.all([youth, adult].map((person) => env.query(QUERY, { pncId: person.pncId })));
    for (const answer of answers) {
      expect(answer.data).toEqual({ offender: { youthCase: null, victimContacts: null } });
    }
    // Agencies answer in parallel, so compare the errors in a fixed order (and without stack traces).
    const normalised = (errors: GraphQLResponse['errors']) =>
      (errors ?? []).map((error) => [error.path?.join('.'), error.message, error.extensions?.code, error.extensions?.policy]).sort();
    expect(normalised(answers[0]!.errors)).toEqual(normalised(answers[1]!.errors));
    expect(normalised(answers[0]!.errors).map((entry) => entry[3])).toEqual(['probation.victimContacts', 'yot.youthCase']);
  });

  it('A.R4: shows no ViSOR nominal for a category 2 level 1 offender', async () => {
    const person = env.people.find((p) => p.category === 2 && p.level === 1)!;
    expect((await view(person.pncId)).visorNominal).toBeNull();
  });

  it('answers null for an unknown PNC ID, without an error', async () => {
    const result = await env.query(FIVE_AGENCY_VIEW, { pncId: '2008/0545166T' });
    expect(result).toEqual({ data: { offender: null } });
  });

  it('rejects a malformed PNC ID with BAD_USER_INPUT', async () => {
    const result = await env.query(FIVE_AGENCY_VIEW, { pncId: '2008/054516' });
    expect(result.data?.offender).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('forwards the request id to every subgraph it calls and logs no variables', async () => {
    const person = env.people.find((p) => p.supervision === 'CUSTODY')!;
    logLines.length = 0;
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-offender-view-1', ...(await env.headersFor()) },
      body: JSON.stringify({ query: FIVE_AGENCY_VIEW, variables: { pncId: person.pncId } }),
    });
    expect(response.status).toBe(200);
    const operations = logLines.filter((line) => line.msg === 'graphql operation' && line.requestId === 'trace-offender-view-1');
    const services = new Set(operations.map((line) => line.subgraph ?? 'gateway'));
    expect(services).toEqual(new Set(['gateway', 'police', 'probation', 'prison', 'yot', 'mappa']));
    const everything = JSON.stringify(logLines);
    expect(everything).not.toContain(person.pncId);
    expect(everything).not.toContain(person.lastName);
    // Nor any credential: the bearer token and the gateway's assertions stay out of the logs.
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
