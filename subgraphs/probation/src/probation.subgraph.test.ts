import { addMonths, createLogger, createTestGatewayKeys, openTestDatabase, prepareSubgraphDatabase, startSubgraph, syntheticPeople } from '@mappa/shared';
import type { DatabaseConnection, RunningSubgraph, TestGatewayKeys, SyntheticPerson } from '@mappa/shared';
import { probationSubgraph } from './index';

const dataset = { offenders: 300, seed: 7, asOf: '2026-11-01' };
const people = syntheticPeople(0, dataset.offenders, dataset);
const UNKNOWN_PNC_ID = '2008/0545166T';
const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];
let database: { connection: DatabaseConnection; drop: () => Promise<void> };
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

type GraphQLResponse = { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };

async function post(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const response = await fetch(`${subgraph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await gateway.headersFor('probation')) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

interface Groups {
  children: string;
  public: string;
  knownAdult: string;
  staff: string;
  prisoners: string;
}
interface Score {
  score: number;
  band: string;
}
interface Condition {
  kind: string;
  period: string;
  code: string;
  category: string;
  text: string;
  identifiesVictim: boolean;
  isExclusionZone: boolean;
}
interface Licence {
  licenceId: string;
  typeCode: string;
  status: string;
  version: string;
  variationOf: string | null;
  prisonNumber: string | null;
  sentenceStartDate: string;
  conditionalReleaseDate: string;
  licenceStartDate: string;
  licenceExpiryDate: string | null;
  sentenceExpiryDate: string | null;
  topUpSupervisionExpiryDate: string | null;
  createdDate: string;
  approvedDate: string | null;
  conditions: Condition[];
}
interface Victim {
  victimReference: string;
  scheme: string;
  firstName: string;
  lastName: string;
  vloStaffId: string;
  contactDate: string;
  contactDetails: { postcode: string; telephoneNumber: string | null; email: string | null };
  wishes: { noContactRequested: boolean; exclusionZoneRequested: boolean };
}
interface Address {
  type: string;
  status: string;
  buildingName: string | null;
  addressLine1: string;
  town: string;
  postcode: string;
  verified: boolean;
  startDate: string;
  endDate: string | null;
}
interface ProbationOffender {
  pncId: string;
  probationCase: {
    crn: string;
    status: string;
    previouslyKnownTerminationDate: string | null;
    supervisionType: string | null;
    area: string;
    tier: string | null;
    inBreach: boolean;
    currentRestriction: boolean;
    provider: { code: string; description: string };
    communityOffenderManager: { staffCode: string; allocated: boolean; forenames: string | null; surname: string | null; team: { code: string; description: string } };
    mainOffence: { code: string; description: string; convictionDate: string };
  } | null;
  licences: Licence[] | null;
  riskOfSeriousHarm: {
    assessmentId: string;
    assessedDate: string;
    overallRiskLevel: string;
    riskInCommunity: Groups;
    riskInCustody: Groups;
    whoIsAtRisk: string;
    natureOfRisk: string;
    predictors: { ogrs: Score; rsr: Score; ospContact: Score | null; ospIndecent: Score | null; ovp: Score };
  } | null;
  riskManagementPlan: { assessmentId: string; dateCompleted: string; supervision: string; contingencyPlans: string } | null;
  victimContacts: Victim[] | null;
  probationAddresses: Address[] | null;
}

const FULL_SELECTION = `
  pncId
  probationCase {
    crn status previouslyKnownTerminationDate supervisionType area tier inBreach currentRestriction
    provider { code description }
    communityOffenderManager { staffCode allocated forenames surname team { code description } }
    mainOffence { code description convictionDate }
  }
  licences {
    licenceId typeCode status version variationOf prisonNumber sentenceStartDate conditionalReleaseDate licenceStartDate
    licenceExpiryDate sentenceExpiryDate topUpSupervisionExpiryDate createdDate approvedDate
    conditions { kind period code category text identifiesVictim isExclusionZone }
  }
  riskOfSeriousHarm {
    assessmentId assessedDate overallRiskLevel whoIsAtRisk natureOfRisk
    riskInCommunity { children public knownAdult staff prisoners }
    riskInCustody { children public knownAdult staff prisoners }
    predictors { ogrs { score band } rsr { score band } ospContact { score band } ospIndecent { score band } ovp { score band } }
  }
  riskManagementPlan { assessmentId dateCompleted supervision contingencyPlans }
  victimContacts {
    victimReference scheme firstName lastName vloStaffId contactDate
    contactDetails { postcode telephoneNumber email }
    wishes { noContactRequested exclusionZoneRequested }
  }
  probationAddresses { type status buildingName addressLine1 town postcode verified startDate endDate }
`;

async function entities(pncIds: readonly string[], selection: string): Promise<GraphQLResponse> {
  return post(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { ${selection} } } }`, {
    r: pncIds.map((pncId) => ({ __typename: 'Offender', pncId })),
  });
}

/** Every seeded person with what probation returns for them (null when not held). */
let everyone: { person: SyntheticPerson; offender: ProbationOffender | null }[];

const releaseWindowEnd = addMonths(dataset.asOf, 6);
const dueForRelease = (p: SyntheticPerson) => p.supervision === 'CUSTODY' && p.sentence !== null && p.sentence.conditionalReleaseDate <= releaseWindowEnd;
const highest = (levels: readonly string[]) => levels.reduce((top, level) => (LEVELS.indexOf(level) > LEVELS.indexOf(top) ? level : top), 'LOW');
const held = () => everyone.filter((entry): entry is { person: SyntheticPerson; offender: ProbationOffender } => entry.offender !== null);

beforeAll(async () => {
  database = await openTestDatabase();
  const log = createLogger('probation-test', 'silent');
  await prepareSubgraphDatabase(probationSubgraph, database.connection, { seedIfEmpty: dataset, log });
  gateway = await createTestGatewayKeys();
  subgraph = await startSubgraph(probationSubgraph, { connection: database.connection, host: '127.0.0.1', port: 0, production: false, log, gatewayKeys: gateway.gatewayKeys });
  const result = await entities(
    people.map((p) => p.pncId),
    FULL_SELECTION,
  );
  expect(result.errors).toBeUndefined();
  const offenders = result.data?._entities as (ProbationOffender | null)[];
  everyone = people.map((person, index) => ({ person, offender: offenders[index] ?? null }));
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('probation subgraph', () => {
  it('returns the case probation holds for a CURRENT person, consistent with the synthetic person', async () => {
    const person = people.find((p) => p.probationStatus === 'CURRENT' && p.supervision === 'LICENCE')!;
    const result = await entities([person.pncId], 'pncId probationCase { crn status area tier supervisionType mainOffence { code convictionDate } communityOffenderManager { staffCode allocated team { code } } }');
    expect(result.errors).toBeUndefined();
    const [offender] = result.data?._entities as ProbationOffender[];
    expect(offender?.probationCase).toMatchObject({
      crn: person.crn,
      status: 'CURRENT',
      area: person.area,
      supervisionType: 'LICENCE',
      mainOffence: { code: person.offence.code, convictionDate: person.offence.convictionDate },
    });
    expect(offender?.probationCase?.tier).toMatch(/^[ABCD][0-3]$/);
    expect(offender?.probationCase?.communityOffenderManager.team.code).toMatch(/^N\d{2}[A-Z]T\d{2}$/);
  });

  it('holds exactly the people with a CRN, and no youth', () => {
    for (const { person, offender } of everyone) {
      expect(offender === null).toBe(person.crn === null);
      if (person.isYouth) expect(offender).toBeNull();
      if (offender) {
        expect(offender.pncId).toBe(person.pncId);
        expect(offender.probationCase?.crn).toBe(person.crn);
        expect(offender.probationCase?.status).toBe(person.probationStatus);
      }
    }
    expect(everyone.some((entry) => entry.offender === null)).toBe(true);
    expect(everyone.some((entry) => entry.person.isYouth)).toBe(true);
  });

  it('gives each case its area, offence, tier and offender manager', () => {
    for (const { person, offender } of held()) {
      const probationCase = offender.probationCase!;
      const manager = probationCase.communityOffenderManager;
      expect(probationCase.area).toBe(person.area);
      expect(probationCase.currentRestriction).toBe(person.restrictedAccess);
      expect(probationCase.mainOffence).toEqual({ code: person.offence.code, description: person.offence.description, convictionDate: person.offence.convictionDate });
      expect(manager.allocated).toBe(!manager.staffCode.endsWith('U'));
      expect(manager.staffCode).toMatch(/^N\d{2}([A-Z]\d{3}|UATU)$/);
      if (!manager.allocated) expect(manager.forenames).toBeNull();
      if (probationCase.status === 'CURRENT') {
        expect(probationCase.supervisionType).toBe(person.supervision);
        expect(probationCase.previouslyKnownTerminationDate).toBeNull();
        const tierLetter = { VERY_HIGH: 'A', HIGH: 'B', MEDIUM: 'C', LOW: 'D' }[person.roshLevel];
        expect(probationCase.tier?.charAt(0)).toBe(tierLetter);
        if (person.supervision === 'CUSTODY') expect(probationCase.inBreach).toBe(false);
      } else {
        expect(probationCase.supervisionType).toBeNull();
        expect(probationCase.tier).toBeNull();
        expect(probationCase.inBreach).toBe(false);
        expect(manager.allocated).toBe(false);
        expect(probationCase.previouslyKnownTerminationDate! < dataset.asOf).toBe(true);
      }
    }
    expect(held().some((e) => e.offender.probationCase?.status === 'CURRENT' && !e.offender.probationCase.communityOffenderManager.allocated)).toBe(true);
    expect(held().some((e) => e.offender.probationCase?.inBreach)).toBe(true);
  });

  it('gives people on licence one ACTIVE licence whose dates are their sentence dates', () => {
    const onLicence = held().filter((e) => e.person.supervision === 'LICENCE');
    expect(onLicence.length).toBeGreaterThan(10);
    for (const { person, offender } of onLicence) {
      const sentence = person.sentence!;
      const active = offender.licences!.filter((licence) => licence.status === 'ACTIVE');
      expect(active).toHaveLength(1);
      for (const licence of offender.licences!) {
        expect(licence).toMatchObject({
          sentenceStartDate: sentence.startDate,
          conditionalReleaseDate: sentence.conditionalReleaseDate,
          licenceStartDate: sentence.conditionalReleaseDate,
          licenceExpiryDate: sentence.licenceExpiryDate,
          sentenceExpiryDate: sentence.sentenceExpiryDate,
          topUpSupervisionExpiryDate: sentence.topUpSupervisionExpiryDate,
          prisonNumber: person.prisonNumber,
          typeCode: sentence.topUpSupervisionExpiryDate ? 'AP_PSS' : 'AP',
        });
      }
    }
  });

  it('gives people in custody due for release within six months a licence in preparation, and nobody else a licence', () => {
    const due = held().filter((e) => dueForRelease(e.person));
    expect(due.length).toBeGreaterThan(0);
    for (const { person, offender } of held()) {
      if (person.supervision === 'LICENCE') continue;
      if (dueForRelease(person)) {
        expect(offender.licences).toHaveLength(1);
        const [licence] = offender.licences!;
        expect(['IN_PROGRESS', 'APPROVED']).toContain(licence?.status);
        expect(licence?.licenceStartDate).toBe(person.sentence!.conditionalReleaseDate);
        expect(licence?.licenceExpiryDate).toBe(person.sentence!.licenceExpiryDate);
        expect(licence?.approvedDate === null).toBe(licence?.status === 'IN_PROGRESS');
      } else {
        expect(offender.licences).toEqual([]);
      }
    }
  });

  it('writes standard conditions on every licence and flags victim-identifying and exclusion zone conditions', () => {
    const licences = held().flatMap((e) => e.offender.licences!.map((licence) => ({ ...e, licence })));
    for (const { licence, offender } of licences) {
      const standardAp = licence.conditions.filter((c) => c.kind === 'STANDARD' && c.period === 'AP');
      expect(standardAp.map((c) => c.code)).toContain('NOT_OFFEND');
      expect(standardAp).toHaveLength(7);
      expect(licence.conditions.some((c) => c.period === 'PSS')).toBe(licence.typeCode === 'AP_PSS');
      for (const condition of licence.conditions) {
        expect(condition.isExclusionZone).toBe(condition.code === 'EXCLUSION_ZONE');
        if (condition.code === 'NO_CONTACT_NAMED_PERSON') expect(condition.identifiesVictim).toBe(true);
      }
      for (const victim of offender.victimContacts!.filter((v) => v.wishes.noContactRequested)) {
        const naming = licence.conditions.find((c) => c.text.includes(`${victim.firstName} ${victim.lastName}`));
        expect(naming?.identifiesVictim).toBe(true);
      }
      const zonesAsked = offender.victimContacts!.filter((v) => v.wishes.exclusionZoneRequested).length;
      expect(licence.conditions.filter((c) => c.isExclusionZone && c.identifiesVictim)).toHaveLength(zonesAsked);
    }
    const all = licences.flatMap((e) => e.licence.conditions);
    expect(all.some((c) => c.identifiesVictim)).toBe(true);
    expect(all.some((c) => c.isExclusionZone)).toBe(true);
    expect(all.some((c) => c.kind === 'BESPOKE')).toBe(true);
    expect(all.some((c) => c.kind === 'ADDITIONAL')).toBe(true);
    const statuses = new Set(licences.map((e) => e.licence.status));
    for (const status of ['ACTIVE', 'IN_PROGRESS', 'APPROVED', 'INACTIVE']) expect(statuses).toContain(status);
    expect([...statuses].some((status) => status.startsWith('VARIATION_'))).toBe(true);
    expect(licences.some((e) => e.licence.typeCode === 'AP_PSS')).toBe(true);
    for (const { licence, offender } of licences.filter((e) => e.licence.variationOf !== null)) {
      expect(offender.licences!.map((l) => l.licenceId)).toContain(licence.variationOf);
    }
  });

  it('holds risk of serious harm for CURRENT cases: overall equals the person\'s RoSH and the highest group level', () => {
    for (const { person, offender } of held()) {
      const rosh = offender.riskOfSeriousHarm;
      if (person.probationStatus !== 'CURRENT') {
        expect(rosh).toBeNull();
        expect(offender.riskManagementPlan).toBeNull();
        continue;
      }
      expect(rosh?.overallRiskLevel).toBe(person.roshLevel);
      const groups = [...Object.values(rosh!.riskInCommunity), ...Object.values(rosh!.riskInCustody)];
      expect(highest(groups)).toBe(person.roshLevel);
      expect(rosh!.whoIsAtRisk).toMatch(/^Synthetic: /);
      expect(rosh!.assessedDate < dataset.asOf).toBe(true);
      expect(offender.probationCase?.tier?.charAt(1)).toBe(String(LEVELS.indexOf(rosh!.predictors.ogrs.band)));
      expect(rosh!.predictors.ospContact === null).toBe(person.category !== 1);
      expect(rosh!.predictors.ospIndecent === null).toBe(person.category !== 1);
      const { ogrs, rsr, ovp } = rosh!.predictors;
      expect(ogrs.band).toBe(ogrs.score >= 90 ? 'VERY_HIGH' : ogrs.score >= 75 ? 'HIGH' : ogrs.score >= 50 ? 'MEDIUM' : 'LOW');
      expect(rsr.band).toBe(rsr.score >= 6.9 ? 'HIGH' : rsr.score >= 3 ? 'MEDIUM' : 'LOW');
      expect(ovp.band).toBe(ovp.score >= 80 ? 'VERY_HIGH' : ovp.score >= 60 ? 'HIGH' : ovp.score >= 30 ? 'MEDIUM' : 'LOW');
      expect(offender.riskManagementPlan).toMatchObject({ assessmentId: rosh!.assessmentId, dateCompleted: rosh!.assessedDate });
      expect(offender.riskManagementPlan?.contingencyPlans).toMatch(/^Synthetic: /);
    }
  });

  it('records victims only for category 1 and 2 CURRENT cases, with synthetic contact details', () => {
    const withVictims = held().filter((e) => e.offender.victimContacts!.length > 0);
    expect(withVictims.length).toBeGreaterThan(0);
    const references = new Set<string>();
    for (const { person, offender } of held()) {
      if (person.probationStatus !== 'CURRENT' || (person.category !== 1 && person.category !== 2)) expect(offender.victimContacts).toEqual([]);
      for (const victim of offender.victimContacts!) {
        expect(references.has(victim.victimReference)).toBe(false);
        references.add(victim.victimReference);
        expect(victim.scheme).toBe(person.sentence ? 'STATUTORY' : 'NON_STATUTORY');
        expect(victim.contactDetails.postcode).toMatch(/^ZZ\d{1,2} \d[A-Z]{2}$/);
        if (victim.contactDetails.telephoneNumber) expect(victim.contactDetails.telephoneNumber).toMatch(/^07700 900\d{3}$/);
        if (victim.contactDetails.email) expect(victim.contactDetails.email).toMatch(/@example\.org$/);
        expect(victim.vloStaffId).toMatch(/^N\d{2}V\d{3}$/);
        expect(victim.contactDate <= dataset.asOf).toBe(true);
      }
    }
  });

  it('keeps the person\'s address as the main address and a proposed release address when a licence is in preparation', () => {
    for (const { person, offender } of held()) {
      const addresses = offender.probationAddresses!;
      const main = addresses.filter((a) => a.status === 'MAIN');
      expect(main).toHaveLength(1);
      expect(main[0]).toMatchObject({ addressLine1: person.address.line1, town: person.address.town, postcode: person.address.postcode, endDate: null });
      if (person.supervision === 'LICENCE') expect(main[0]?.startDate).toBe(person.sentence!.conditionalReleaseDate);
      const proposed = addresses.filter((a) => a.status === 'PROPOSED');
      if (dueForRelease(person)) {
        expect(proposed).toHaveLength(1);
        expect(proposed[0]?.startDate).toBe(person.sentence!.conditionalReleaseDate);
        expect(proposed[0]?.verified).toBe(offender.licences![0]?.status === 'APPROVED');
        if (proposed[0]?.type === 'APPROVED_PREMISES') {
          expect(offender.licences![0]?.conditions.some((c) => c.code === 'RESIDE_AT_APPROVED_PREMISES' && c.text.includes(proposed[0]?.buildingName ?? '?'))).toBe(true);
        }
      } else {
        expect(proposed).toEqual([]);
      }
      for (const previous of addresses.filter((a) => a.status === 'PREVIOUS')) expect(previous.endDate! < main[0]!.startDate).toBe(true);
    }
    const all = held().flatMap((e) => e.offender.probationAddresses!);
    expect(all.some((a) => a.type === 'APPROVED_PREMISES')).toBe(true);
    expect(all.some((a) => a.status === 'PROPOSED' && a.type === 'HOME')).toBe(true);
    expect(all.some((a) => a.status === 'PREVIOUS')).toBe(true);
  });

  it('gives a PREVIOUSLY_KNOWN case empty lists, not nulls, for what it no longer has', () => {
    const entry = held().find((e) => e.person.probationStatus === 'PREVIOUSLY_KNOWN');
    expect(entry).toBeDefined();
    expect(entry?.offender).toMatchObject({ licences: [], victimContacts: [], riskOfSeriousHarm: null, riskManagementPlan: null });
    expect(entry?.offender.probationAddresses?.length).toBeGreaterThan(0);
  });

  it('resolves entity references in one SQL statement per batch, in order, and null for unknown keys', async () => {
    const sample = people.slice(0, 50);
    subgraph.statements.reset();
    const result = await entities(
      [...sample.map((p) => p.pncId), UNKNOWN_PNC_ID],
      `pncId
       probationCase { crn tier communityOffenderManager { staffCode team { code } } }
       licences { status conditions { code } }
       riskOfSeriousHarm { overallRiskLevel riskInCommunity { children } predictors { ogrs { score } } }
       riskManagementPlan { assessmentId }
       victimContacts { victimReference wishes { noContactRequested } }
       probationAddresses { status }`,
    );
    expect(result.errors).toBeUndefined();
    const resolved = result.data?._entities as (ProbationOffender | null)[];
    expect(resolved).toHaveLength(51);
    expect(resolved[50]).toBeNull();
    expect(resolved.slice(0, 50).map((e) => e?.pncId ?? null)).toEqual(sample.map((p) => (p.crn === null ? null : p.pncId)));
    expect(sample.some((p) => p.crn === null)).toBe(true);
    expect(resolved.some((e) => (e?.licences?.length ?? 0) > 0)).toBe(true);
    // References (cases), then licences, their conditions, RoSH, plans, victims and addresses: one each.
    expect(subgraph.statements.count).toBe(7);
  });

  it('resolves a person probation does not hold to null', async () => {
    const notHeld = people.filter((p) => p.crn === null).slice(0, 3);
    expect(notHeld.length).toBeGreaterThan(0);
    const result = await entities(
      notHeld.map((p) => p.pncId),
      'pncId probationCase { crn } licences { status }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(notHeld.map(() => null));
  });

  it('finds an offender by CRN in one statement', async () => {
    const person = people.find((p) => p.probationStatus === 'CURRENT')!;
    subgraph.statements.reset();
    const result = await post('query($crn: ID!) { offenderByCrn(crn: $crn) { pncId probationCase { crn } } }', { crn: person.crn });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offenderByCrn).toEqual({ pncId: person.pncId, probationCase: { crn: person.crn } });
    expect(subgraph.statements.count).toBe(1);
  });

  it('answers null, not an error, for a well-formed CRN it does not hold', async () => {
    const result = await post('{ offenderByCrn(crn: "Z999999") { pncId } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.offenderByCrn).toBeNull();
  });

  it('rejects a malformed CRN with BAD_USER_INPUT', async () => {
    const result = await post('{ offenderByCrn(crn: "12345X") { pncId } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('clears to empty and re-seeds the same data from the same seed', async () => {
    const db = database.connection.database();
    await probationSubgraph.clear(db);
    expect(await probationSubgraph.isEmpty(db)).toBe(true);
    await probationSubgraph.seed(db, people, dataset);
    expect(await probationSubgraph.isEmpty(db)).toBe(false);
    const result = await entities(
      people.map((p) => p.pncId),
      FULL_SELECTION,
    );
    expect(result.data?._entities).toEqual(everyone.map((entry) => entry.offender));
  });

  it('serves its SDL with the Offender entity keyed by PNC ID', async () => {
    const result = await post('{ _service { sdl } }');
    const sdl = (result.data?._service as { sdl: string }).sdl;
    expect(sdl).toMatch(/type Offender\s+@key\(fields: "pncId"\)/);
    for (const field of ['probationCase', 'licences', 'riskOfSeriousHarm', 'riskManagementPlan', 'victimContacts', 'probationAddresses']) {
      expect(sdl).toContain(`${field}:`);
    }
  });
});
