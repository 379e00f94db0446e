import { Writable } from 'node:stream';
import pino from 'pino';
import { yearsBetween } from '@mappa/shared';
import { startTestStack } from './support/test-stack';
import type { TestStack } from './support/test-stack';

const asOf = '2026-11-01';
let env: TestStack;

const OFFENDER_VIEW = `query OffenderView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName dateOfBirth croNumber }
    visorNominal { status restrictedAccess }
    sexOffenderNotification { indefinite }
    mappaCase { category level leadAgency area startDate nextReviewDate status }
    probationCase { crn status area }
    licences { status startDate: conditionalReleaseDate expiryDate: licenceExpiryDate }
    riskOfSeriousHarm { overallRiskLevel }
    riskManagementPlan { supervision }
    custody { prisonNumber inOutStatus }
    sentence { conditionalReleaseDate licenceExpiryDate }
    youthCase { yotReference }
    adultTransition { plannedTransferDate }
  }
}`;

interface OffenderView {
  pncId: string;
  identity: { firstName: string; lastName: string; dateOfBirth: string; croNumber: string } | null;
  visorNominal: { status: string; restrictedAccess: boolean } | null;
  sexOffenderNotification: { indefinite: boolean } | null;
  mappaCase: { category: number; level: number; leadAgency: string; area: string; startDate: string; nextReviewDate: string; status: string } | null;
  probationCase: { crn: string; status: string; area: string } | null;
  licences: { status: string; startDate: string; expiryDate: string | null }[] | null;
  riskOfSeriousHarm: { overallRiskLevel: string } | null;
  riskManagementPlan: { supervision: string } | null;
  custody: { prisonNumber: string; inOutStatus: string } | null;
  sentence: { conditionalReleaseDate: string; licenceExpiryDate: string | null } | null;
  youthCase: { yotReference: string } | null;
  adultTransition: { plannedTransferDate: string } | null;
}

const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  env = await startTestStack({ dataset: { offenders: 1_500, seed: 42, asOf }, log: pino({ level: 'info' }, sink) });
});

afterAll(async () => {
  await env.close();
});

async function view(pncId: string): Promise<OffenderView> {
  const result = await env.query<{ offender: OffenderView }>(OFFENDER_VIEW, { pncId });
  expect(result.errors).toBeUndefined();
  return result.data!.offender;
}

describe('the single offender view', () => {
  it('brings each agency\'s record of one person together, consistent across agencies', async () => {
    const person = env.people.find((p) => p.supervision === 'CUSTODY' && p.category === 1)!;
    const offender = await view(person.pncId);
    expect(offender.identity).toEqual({ firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth, croNumber: person.croNumber });
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
    expect(offender.youthCase).toBeNull();
  });

  it('shows someone on licence with the same licence dates at probation and prison', async () => {
    const person = env.people.find((p) => p.supervision === 'LICENCE' && p.sentence?.licenceExpiryDate)!;
    const offender = await view(person.pncId);
    const active = offender.licences?.find((licence) => licence.status === 'ACTIVE');
    expect(active).toEqual({ status: 'ACTIVE', startDate: person.sentence!.conditionalReleaseDate, expiryDate: person.sentence!.licenceExpiryDate });
    expect(offender.sentence?.licenceExpiryDate).toBe(active?.expiryDate);
    expect(offender.custody?.inOutStatus).toBe('OUT');
  });

  it('shows an under-18 through the YOT and never in an adult prison', async () => {
    const youth = env.people.find((p) => p.isYouth)!;
    const offender = await view(youth.pncId);
    expect(yearsBetween(youth.dateOfBirth, asOf)).toBeLessThan(18);
    expect(offender.youthCase).toEqual({ yotReference: youth.yotReference });
    expect(offender.mappaCase?.leadAgency).toBe('YOT');
    expect(offender.custody).toBeNull();
    expect(offender.sentence).toBeNull();
    expect(offender.probationCase).toBeNull();
  });

  it('A.R4: shows no ViSOR nominal for a category 2 level 1 offender', async () => {
    const person = env.people.find((p) => p.category === 2 && p.level === 1)!;
    expect((await view(person.pncId)).visorNominal).toBeNull();
  });

  it('answers null for an unknown PNC ID, without an error', async () => {
    const result = await env.query(OFFENDER_VIEW, { pncId: '2008/0545166T' });
    expect(result).toEqual({ data: { offender: null } });
  });

  it('rejects a malformed PNC ID with BAD_USER_INPUT', async () => {
    const result = await env.query(OFFENDER_VIEW, { pncId: '2008/054516' });
    expect(result.data?.offender).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('forwards the request id to every subgraph it calls and logs no variables', async () => {
    const person = env.people.find((p) => p.supervision === 'CUSTODY')!;
    logLines.length = 0;
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-offender-view-1', ...(await env.headersFor()) },
      body: JSON.stringify({ query: OFFENDER_VIEW, variables: { pncId: person.pncId } }),
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
