import {
  TEST_ISSUER,
  expectJoinedReadAsSeparate,
  askAtEachDecision,
  askAtEachMeeting,
  startTestSubgraph,
  withCaseGrants,
  querySubgraph,
} from '@mappa/testing';
import { addMonths, MappaArea, syntheticPeople } from '@mappa/shared';
import type { GraphQLResponse, TestDatabase, TestGatewayKeys } from '@mappa/testing';
import type { Caller, Clearance, PrincipalAgency, Purpose, Role, RunningSubgraph, SyntheticPerson } from '@mappa/shared';
import { eq, inArray } from 'drizzle-orm';
import { probationCaseTable } from './case/probation-case.table';
import { probationSubgraph } from './index';
import { createProbationLoaders } from './probation.loaders';
import { victimContactTable } from './victim/victim-contact.table';

// Everyone in London, the callers' area: row scope (R-3) is by area, and most tests here are about other rules.
const dataset = { offenders: 300, seed: 7, asOf: '2026-11-01', areas: [MappaArea.LONDON] };
const people = syntheticPeople(0, dataset.offenders, dataset);
const UNKNOWN_PNC_ID = '2008/0545166T';
const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];
let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

/** A principal of `agency` with `roles`, declaring `purpose` (with a meeting or decision id where it needs one). */
function callerWith(
  roles: Role[],
  purpose: Purpose = 'CASE_MANAGEMENT',
  agency: PrincipalAgency = 'probation',
  staffId = 'N07A001',
): Caller {
  const needsCase = purpose === 'MAPPA_MEETING' || purpose === 'DISCLOSURE_DECISION';
  return {
    principal: { issuer: TEST_ISSUER, staffId, agency, roles, area: MappaArea.LONDON, clearance: 'SC' },
    declaredPurpose: { purpose, caseId: needsCase ? (purpose === 'DISCLOSURE_DECISION' ? 'DSC-MAPPA-1' : 'MTG-1') : null },
  };
}

/** The owner's case manager: reads every probation field except victim contacts. */
const PRACTITIONER = callerWith(['probation_practitioner']);
/** A victim liaison officer allocated to no victim of the dataset: reads licences, never victims. */
const VLO = callerWith(['victim_liaison_officer'], 'CASE_MANAGEMENT', 'probation', 'N07V001');
/** The victim liaison officer with this staff code: the only reader of the victims allocated to them. */
const vloWithStaffId = (staffId: string, purpose: Purpose = 'CASE_MANAGEMENT') =>
  callerWith(['victim_liaison_officer'], purpose, 'probation', staffId);

async function post(query: string, variables: Record<string, unknown> = {}, caller: Caller = PRACTITIONER): Promise<GraphQLResponse> {
  return querySubgraph(subgraph, gateway, query, variables, caller);
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
    communityOffenderManager: {
      staffCode: string;
      allocated: boolean;
      forenames: string | null;
      surname: string | null;
      team: { code: string; description: string };
    };
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

/** Everything but victim contacts: what the practitioner reads. */
const CASE_SELECTION = `
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
  probationAddresses { type status buildingName addressLine1 town postcode verified startDate endDate }
`;

/** Victim contacts: what the victim liaison officer reads. */
const VICTIM_SELECTION = `
  pncId
  victimContacts {
    victimReference scheme firstName lastName vloStaffId contactDate
    contactDetails { postcode telephoneNumber email }
    wishes { noContactRequested exclusionZoneRequested }
  }
`;

async function entities(pncIds: readonly string[], selection: string, caller: Caller = PRACTITIONER): Promise<GraphQLResponse> {
  // Issue 10: under MAPPA_MEETING each subject is asked about at the meeting about them; issue 11: under
  // DISCLOSURE_DECISION as a party to a decision about them.
  const ask = (batch: readonly string[], asked: Caller) =>
    post(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { ${selection} } } }`,
      { r: batch.map((pncId) => ({ __typename: 'Offender', pncId })) },
      asked,
    );
  return caller.declaredPurpose.purpose === 'DISCLOSURE_DECISION'
    ? askAtEachDecision(caller, pncIds, ask)
    : askAtEachMeeting(caller, pncIds, ask);
}

/**
 * Everything probation holds for these people, read as the owner reads it. No single caller may read
 * it all: the practitioner reads the case (with a grant for each person, since limited-access cases
 * are otherwise the allocated COM's alone, R-4), and each victim liaison officer reads the victims
 * allocated to them (as the seed allocated them), which no one else may.
 */
async function readAll(pncIds: readonly string[]): Promise<{ errors: unknown[]; offenders: (ProbationOffender | null)[] }> {
  // Victim-identifying material (flagged condition wording, the RoSH narrative) is the allocated
  // COM's and their line manager's alone (B.15): each case is read by the senior probation officer
  // who line-manages it, as the seed records them. In chunks: every grant rides in the assertion
  // header, which HTTP servers cap (Node: 16 KB).
  const lineManagers = await database.connection
    .database()
    .select({ pncId: probationCaseTable.pncId, lineManager: probationCaseTable.lineManagerStaffCode })
    .from(probationCaseTable)
    .where(inArray(probationCaseTable.pncId, [...pncIds]));
  const lineManagerOf = new Map(lineManagers.map((row) => [row.pncId, row.lineManager ?? 'NONE']));
  const casesByPncId = new Map<string, Omit<ProbationOffender, 'victimContacts'> | null>();
  const errors: unknown[] = [];
  for (const lineManager of new Set(pncIds.map((pncId) => lineManagerOf.get(pncId) ?? 'NONE'))) {
    const managed = pncIds.filter((pncId) => (lineManagerOf.get(pncId) ?? 'NONE') === lineManager);
    for (let start = 0; start < managed.length; start += 40) {
      const chunk = managed.slice(start, start + 40);
      const asLineManager = await entities(
        chunk,
        CASE_SELECTION,
        withCaseGrants(callerWith(['senior_probation_officer'], 'CASE_MANAGEMENT', 'probation', lineManager), chunk),
      );
      (asLineManager.data?._entities as (Omit<ProbationOffender, 'victimContacts'> | null)[]).forEach((offender, index) =>
        casesByPncId.set(chunk[index]!, offender),
      );
      errors.push(...(asLineManager.errors ?? []));
    }
  }
  const cases = pncIds.map((pncId) => casesByPncId.get(pncId) ?? null);
  const allocations = await database.connection
    .database()
    .selectDistinct({ pncId: probationCaseTable.pncId, vloStaffId: victimContactTable.vloStaffId })
    .from(victimContactTable)
    .innerJoin(probationCaseTable, eq(probationCaseTable.crn, victimContactTable.crn))
    .where(inArray(probationCaseTable.pncId, [...pncIds]));
  const pncIdsByVlo = new Map<string, string[]>();
  for (const { pncId, vloStaffId } of allocations) pncIdsByVlo.set(vloStaffId, [...(pncIdsByVlo.get(vloStaffId) ?? []), pncId]);
  const victimsByPncId = new Map<string, Victim[]>();
  for (const [vloStaffId, keys] of pncIdsByVlo) {
    const asVlo = await entities(keys, VICTIM_SELECTION, withCaseGrants(vloWithStaffId(vloStaffId), keys));
    errors.push(...(asVlo.errors ?? []));
    for (const victim of asVlo.data?._entities as ({ pncId: string; victimContacts: Victim[] | null } | null)[]) {
      if (victim?.victimContacts) victimsByPncId.set(victim.pncId, [...(victimsByPncId.get(victim.pncId) ?? []), ...victim.victimContacts]);
    }
  }
  return {
    errors,
    offenders: cases.map((offender) => (offender ? { ...offender, victimContacts: victimsByPncId.get(offender.pncId) ?? null } : null)),
  };
}

/**
 * What a practitioner the case is not allocated to reads of `offender` under CASE_SELECTION: everything
 * but the victim-identifying material, which is the allocated COM's and their line manager's (B.15):
 * the RoSH narrative and the wording of a condition that identifies a victim or maps a zone.
 */
function asAnotherPractitioner(offender: ProbationOffender): Omit<ProbationOffender, 'victimContacts'> {
  const { victimContacts: _victims, ...read } = offender;
  return {
    ...read,
    licences:
      read.licences?.map((licence) => ({
        ...licence,
        conditions: licence.conditions.map((c) =>
          c.identifiesVictim || c.isExclusionZone ? { ...c, text: null as unknown as string } : c,
        ),
      })) ?? null,
    riskOfSeriousHarm: read.riskOfSeriousHarm
      ? { ...read.riskOfSeriousHarm, whoIsAtRisk: null as unknown as string, natureOfRisk: null as unknown as string }
      : null,
  };
}

/** The denied field paths (list indices removed) and the policy each names, sorted. */
function denials(result: GraphQLResponse): string[] {
  return (result.errors ?? [])
    .map((error) => {
      expect(error.extensions?.code).toBe('FORBIDDEN');
      return `${(error.path ?? []).filter((segment) => typeof segment === 'string').join('.')} ${error.extensions?.policy ?? '?'}`;
    })
    .sort();
}

/** Every seeded person with what probation returns for them (null when not held). */
let everyone: { person: SyntheticPerson; offender: ProbationOffender | null }[];

const releaseWindowEnd = addMonths(dataset.asOf, 6);
const dueForRelease = (p: SyntheticPerson) =>
  p.supervision === 'CUSTODY' && p.sentence !== null && p.sentence.conditionalReleaseDate <= releaseWindowEnd;
const highest = (levels: readonly string[]) =>
  levels.reduce((top, level) => (LEVELS.indexOf(level) > LEVELS.indexOf(top) ? level : top), 'LOW');
const held = () => everyone.filter((entry): entry is { person: SyntheticPerson; offender: ProbationOffender } => entry.offender !== null);

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(probationSubgraph, dataset));
  const { errors, offenders } = await readAll(people.map((p) => p.pncId));
  expect(errors).toEqual([]);
  everyone = people.map((person, index) => ({ person, offender: offenders[index] ?? null }));
  // Seeding and reading every case (one request per team's line manager) on a shared machine.
}, 180_000);

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('probation subgraph', () => {
  it('returns the case probation holds for a CURRENT person, consistent with the synthetic person', async () => {
    const person = people.find((p) => p.probationStatus === 'CURRENT' && p.supervision === 'LICENCE')!;
    const result = await entities(
      [person.pncId],
      'pncId probationCase { crn status area tier supervisionType mainOffence { code convictionDate } communityOffenderManager { staffCode allocated team { code } } }',
    );
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
      expect(probationCase.mainOffence).toEqual({
        code: person.offence.code,
        description: person.offence.description,
        convictionDate: person.offence.convictionDate,
      });
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
    expect(
      held().some((e) => e.offender.probationCase?.status === 'CURRENT' && !e.offender.probationCase.communityOffenderManager.allocated),
    ).toBe(true);
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
      for (const victim of (offender.victimContacts ?? []).filter((v) => v.wishes.noContactRequested)) {
        const naming = licence.conditions.find((c) => c.text.includes(`${victim.firstName} ${victim.lastName}`));
        expect(naming?.identifiesVictim).toBe(true);
      }
      const zonesAsked = (offender.victimContacts ?? []).filter((v) => v.wishes.exclusionZoneRequested).length;
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

  it("holds risk of serious harm for CURRENT cases: overall equals the person's RoSH and the highest group level", () => {
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
    const withVictims = held().filter((e) => (e.offender.victimContacts?.length ?? 0) > 0);
    expect(withVictims.length).toBeGreaterThan(0);
    const references = new Set<string>();
    for (const { person, offender } of held()) {
      if (person.probationStatus !== 'CURRENT' || (person.category !== 1 && person.category !== 2))
        expect(offender.victimContacts).toBeNull();
      for (const victim of offender.victimContacts ?? []) {
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

  it("keeps the person's address as the main address and a proposed release address when a licence is in preparation", () => {
    for (const { person, offender } of held()) {
      const addresses = offender.probationAddresses!;
      const main = addresses.filter((a) => a.status === 'MAIN');
      expect(main).toHaveLength(1);
      // A resident of approved premises (someone on licence) lives at the premises (C.11).
      if (main[0]?.type === 'APPROVED_PREMISES') expect(person.supervision).toBe('LICENCE');
      else
        expect(main[0]).toMatchObject({
          addressLine1: person.address.line1,
          town: person.address.town,
          postcode: person.address.postcode,
          endDate: null,
        });
      if (person.supervision === 'LICENCE') expect(main[0]?.startDate).toBe(person.sentence!.conditionalReleaseDate);
      const proposed = addresses.filter((a) => a.status === 'PROPOSED');
      if (dueForRelease(person)) {
        expect(proposed).toHaveLength(1);
        expect(proposed[0]?.startDate).toBe(person.sentence!.conditionalReleaseDate);
        expect(proposed[0]?.verified).toBe(offender.licences![0]?.status === 'APPROVED');
        if (proposed[0]?.type === 'APPROVED_PREMISES') {
          expect(
            offender.licences![0]?.conditions.some(
              (c) => c.code === 'RESIDE_AT_APPROVED_PREMISES' && c.text.includes(proposed[0]?.buildingName ?? '?'),
            ),
          ).toBe(true);
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

  // Victim contacts are the exception: a list only of the caller's own victims, else null (principle 9).
  it('gives a PREVIOUSLY_KNOWN case empty lists, not nulls, for what it no longer has', () => {
    const entry = held().find((e) => e.person.probationStatus === 'PREVIOUSLY_KNOWN');
    expect(entry).toBeDefined();
    expect(entry?.offender).toMatchObject({ licences: [], victimContacts: null, riskOfSeriousHarm: null, riskManagementPlan: null });
    expect(entry?.offender.probationAddresses?.length).toBeGreaterThan(0);
  });

  it('resolves entity references in one SQL statement per batch, in order, and null for unknown keys', async () => {
    const sample = people.slice(0, 50);
    const representations = [...sample.map((p) => p.pncId), UNKNOWN_PNC_ID];
    const expectedKeys = sample.map((p) => (p.crn === null ? null : p.pncId));
    // No caller may read both the case and the victims, so the batch is read twice: as the practitioner...
    subgraph.statements.reset();
    const result = await entities(
      representations,
      `pncId
       probationCase { crn tier communityOffenderManager { staffCode team { code } } }
       licences { status conditions { code } }
       riskOfSeriousHarm { overallRiskLevel riskInCommunity { children } predictors { ogrs { score } } }
       riskManagementPlan { assessmentId }
       probationAddresses { status }`,
    );
    expect(result.errors).toBeUndefined();
    const resolved = result.data?._entities as (ProbationOffender | null)[];
    expect(resolved).toHaveLength(51);
    expect(resolved[50]).toBeNull();
    expect(resolved.slice(0, 50).map((e) => e?.pncId ?? null)).toEqual(expectedKeys);
    expect(sample.some((p) => p.crn === null)).toBe(true);
    expect(resolved.some((e) => (e?.licences?.length ?? 0) > 0)).toBe(true);
    // References (cases, with RoSH as the selection asks for it: issue 15), then licences, their
    // conditions, plans and addresses: one each (six before, RoSH apart).
    const practitionerStatements = subgraph.statements.count;
    expect(practitionerStatements).toBe(5);
    // ...and as the victim liaison officer: references (cases), then victims.
    subgraph.statements.reset();
    const victims = await entities(representations, 'pncId victimContacts { victimReference wishes { noContactRequested } }', VLO);
    expect(victims.errors).toBeUndefined();
    const resolvedVictims = victims.data?._entities as ({ pncId: string } | null)[];
    expect(resolvedVictims).toHaveLength(51);
    expect(resolvedVictims[50]).toBeNull();
    expect(resolvedVictims.slice(0, 50).map((e) => e?.pncId ?? null)).toEqual(expectedKeys);
    expect(subgraph.statements.count).toBe(2);
    // References (cases with RoSH), then licences, their conditions, plans, victims and addresses: one each.
    expect(practitionerStatements + subgraph.statements.count - 1).toBe(6);
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
    const { errors, offenders } = await readAll(people.map((p) => p.pncId));
    expect(errors).toEqual([]);
    expect(offenders).toEqual(everyone.map((entry) => entry.offender));
  });

  it('serves its SDL with the Offender entity keyed by PNC ID', async () => {
    const result = await post('{ _service { sdl } }');
    const sdl = (result.data?._service as { sdl: string }).sdl;
    expect(sdl).toMatch(/type Offender\s+@key\(fields: "pncId"\)/);
    for (const field of ['probationCase', 'licences', 'riskOfSeriousHarm', 'riskManagementPlan', 'victimContacts', 'probationAddresses']) {
      expect(sdl).toContain(`${field}:`);
    }
  });

  describe('field policies (owner enforcement)', () => {
    /**
     * CURRENT cases on licence that have victims: every probation record is held for them. Not
     * limited-access ones, which only the allocated COM and grant holders may know (R-4, tested below).
     */
    const onLicenceWithVictims = () =>
      held()
        .filter((e) => e.person.supervision === 'LICENCE' && !e.person.restrictedAccess && (e.offender.victimContacts?.length ?? 0) > 0)
        .slice(0, 15);
    const keys = (sample: readonly { person: SyntheticPerson }[]) => sample.map((e) => e.person.pncId);

    it('B.15, C.29: victim contacts are null for every reader but the victim liaison officer under case management', async () => {
      const sample = onLicenceWithVictims();
      expect(sample.length).toBeGreaterThan(0);
      const others: Caller[] = [
        PRACTITIONER,
        callerWith(['senior_probation_officer']),
        callerWith(['probation_practitioner'], 'MAPPA_MEETING'),
        callerWith(['victim_liaison_officer'], 'MAPPA_MEETING'),
        callerWith(['victim_liaison_officer'], 'DISCLOSURE_DECISION'),
        callerWith(['mappa_chair'], 'MAPPA_MEETING', 'mappa_unit'),
        callerWith(['mappa_coordinator'], 'MAPPA_SCREENING', 'mappa_unit'),
        callerWith(['ppu_officer'], 'DISCLOSURE_DECISION', 'police'),
        callerWith(['approved_premises_staff']),
        // A duty-to-co-operate attendee reaches a subject only through a grant (principle 5).
        withCaseGrants(callerWith(['dtc_attendee'], 'MAPPA_MEETING', 'health'), keys(sample)),
        callerWith(['information_governance'], 'AUDIT', 'probation'),
      ];
      for (const caller of others) {
        const result = await entities(
          keys(sample),
          'victimContacts { victimReference contactDetails { postcode } wishes { notes } }',
          caller,
        );
        expect(result.data?._entities).toEqual(sample.map(() => ({ victimContacts: null })));
        // One error for the list, however many offenders were in the batch.
        expect(denials(result)).toEqual(['_entities.victimContacts probation.victimContacts']);
      }
    });

    it('C.32: the victim liaison officer reads their victims, their contact details and wishes, and no risk narrative, plan or address', async () => {
      const sample = onLicenceWithVictims();
      expect(sample.length).toBeGreaterThan(0);
      for (const { person, offender } of sample) {
        const victims = offender.victimContacts!;
        // The seed allocates all of an offender's victims to one VLO.
        const result = await entities(
          [person.pncId],
          'victimContacts { victimReference firstName vloStaffId contactDetails { postcode telephoneNumber } wishes { noContactRequested } } riskOfSeriousHarm { whoIsAtRisk } riskManagementPlan { victimSafetyPlanning } probationAddresses { postcode }',
          vloWithStaffId(victims[0]!.vloStaffId),
        );
        const [read] = result.data?._entities as {
          victimContacts: Victim[];
          riskOfSeriousHarm: unknown;
          riskManagementPlan: unknown;
          probationAddresses: unknown;
        }[];
        expect(read?.victimContacts).toEqual(
          victims.map((v) => ({
            victimReference: v.victimReference,
            firstName: v.firstName,
            vloStaffId: v.vloStaffId,
            contactDetails: { postcode: v.contactDetails.postcode, telephoneNumber: v.contactDetails.telephoneNumber },
            wishes: { noContactRequested: v.wishes.noContactRequested },
          })),
        );
        expect(read?.riskOfSeriousHarm === null && read.probationAddresses === null).toBe(true);
        // B.15, B.42: victim safety planning is the victims' VLO's too (issue 12).
        expect(read?.riskManagementPlan).toEqual({ victimSafetyPlanning: expect.stringMatching(/^Synthetic: /) });
        expect(denials(result)).toEqual([
          '_entities.probationAddresses probation.probationAddress',
          '_entities.riskOfSeriousHarm probation.riskOfSeriousHarm',
        ]);
      }
    });

    it("C.34, B.15, C.32: the victim liaison officer reads their victims' offender's licence status, dates and conditions (wording naming no victim, or their own victim's), not the rest of the licence; an officer of no victim of theirs reads nothing", async () => {
      const sample = onLicenceWithVictims();
      for (const { person, offender } of sample) {
        const victims = offender.victimContacts!;
        const result = await entities(
          [person.pncId],
          'licences { status licenceStartDate licenceExpiryDate conditionalReleaseDate sentenceExpiryDate licenceId prisonNumber conditions { code identifiesVictim text } }',
          vloWithStaffId(victims[0]!.vloStaffId),
        );
        // The seed names the victim's VLO's own victims in their no-contact conditions and draws their
        // exclusion zones; any other victim-identifying or zone wording is no VLO's (B.15, C.32).
        const theirs = (c: Condition) =>
          (!c.identifiesVictim && !c.isExclusionZone) ||
          (c.isExclusionZone && c.identifiesVictim) ||
          victims.some((v) => c.text.includes(`${v.firstName} ${v.lastName}`));
        const read = result.data?._entities as { licences: (Partial<Licence> & { conditions: Condition[] })[] }[];
        expect(read.map((e) => e.licences)).toEqual([
          offender.licences!.map((licence) => ({
            status: licence.status,
            licenceStartDate: licence.licenceStartDate,
            licenceExpiryDate: licence.licenceExpiryDate,
            conditionalReleaseDate: licence.conditionalReleaseDate,
            sentenceExpiryDate: licence.sentenceExpiryDate,
            licenceId: null,
            prisonNumber: null,
            conditions: licence.conditions.map((c) => ({
              code: c.code,
              identifiesVictim: c.identifiesVictim,
              text: theirs(c) ? c.text : null,
            })),
          })),
        ]);
        expect(denials(result)).toEqual([
          '_entities.licences.licenceId probation.licence',
          '_entities.licences.prisonNumber probation.licence',
        ]);
      }
      // Principle 9: about an offender of no victim of theirs, no licence at all, as if none were held.
      const unrelated = await entities(keys(sample), 'licences { status }', VLO);
      expect(unrelated.data?._entities).toEqual(sample.map(() => ({ licences: null })));
    });

    it('principle 3: a Responsible Authority role at a MAPP meeting reads the case summary, licence dates and RoSH levels, but no victim-identifying or probation-only field', async () => {
      const sample = onLicenceWithVictims();
      const result = await entities(
        keys(sample),
        `pncId
         probationCase { crn status area tier currentRestriction previouslyKnownTerminationDate mainOffence { code } communityOffenderManager { staffCode } }
         licences { status licenceExpiryDate conditions { code identifiesVictim isExclusionZone text } }
         riskOfSeriousHarm { overallRiskLevel riskInCommunity { public staff } riskInCustody { children } predictors { ogrs { band } } whoIsAtRisk natureOfRisk }
         riskManagementPlan { supervision contingencyPlans victimSafetyPlanning }
         victimContacts { victimReference }
         probationAddresses { postcode }`,
        callerWith(['ppu_officer'], 'MAPPA_MEETING', 'police', 'PPU0001'),
      );
      expect(result.data?._entities).toEqual(
        sample.map(({ offender }) => ({
          pncId: offender.pncId,
          probationCase: {
            crn: offender.probationCase!.crn,
            status: offender.probationCase!.status,
            area: offender.probationCase!.area,
            tier: offender.probationCase!.tier,
            currentRestriction: null,
            previouslyKnownTerminationDate: null,
            mainOffence: { code: offender.probationCase!.mainOffence.code },
            communityOffenderManager: { staffCode: offender.probationCase!.communityOffenderManager.staffCode },
          },
          licences: offender.licences!.map((licence) => ({
            status: licence.status,
            licenceExpiryDate: licence.licenceExpiryDate,
            // Principle 3, B.15: wording without victim-identifying detail or an exclusion zone (issue 12).
            conditions: licence.conditions.map((c) => ({
              code: c.code,
              identifiesVictim: c.identifiesVictim,
              isExclusionZone: c.isExclusionZone,
              text: c.identifiesVictim || c.isExclusionZone ? null : c.text,
            })),
          })),
          riskOfSeriousHarm: {
            overallRiskLevel: offender.riskOfSeriousHarm!.overallRiskLevel,
            riskInCommunity: {
              public: offender.riskOfSeriousHarm!.riskInCommunity.public,
              staff: offender.riskOfSeriousHarm!.riskInCommunity.staff,
            },
            riskInCustody: { children: offender.riskOfSeriousHarm!.riskInCustody.children },
            predictors: { ogrs: { band: offender.riskOfSeriousHarm!.predictors.ogrs.band } },
            whoIsAtRisk: null,
            natureOfRisk: null,
          },
          riskManagementPlan: {
            supervision: offender.riskManagementPlan!.supervision,
            contingencyPlans: offender.riskManagementPlan!.contingencyPlans,
            victimSafetyPlanning: null,
          },
          victimContacts: null,
          // B.1, principle 3: where they live now and are to live on release, not where they lived before.
          probationAddresses: offender
            .probationAddresses!.filter((address) => address.status === 'MAIN' || address.status === 'PROPOSED')
            .map((address) => ({ postcode: address.postcode })),
        })),
      );
      expect(sample.some((e) => e.offender.licences!.some((l) => l.conditions.some((c) => c.identifiesVictim || c.isExclusionZone)))).toBe(
        true,
      );
      expect(denials(result)).toEqual([
        '_entities.probationCase.currentRestriction probation.caseAdministration',
        '_entities.probationCase.previouslyKnownTerminationDate probation.caseAdministration',
        '_entities.riskManagementPlan.victimSafetyPlanning probation.victimSafetyPlanning',
        '_entities.riskOfSeriousHarm.natureOfRisk probation.riskNarrative',
        '_entities.riskOfSeriousHarm.whoIsAtRisk probation.riskNarrative',
        '_entities.victimContacts probation.victimContacts',
      ]);
    });

    it("principle 2: the same Responsible Authority role managing its own case reads none of probation's records", async () => {
      const sample = onLicenceWithVictims();
      const result = await entities(
        keys(sample),
        'pncId probationCase { crn } licences { status } riskOfSeriousHarm { overallRiskLevel } riskManagementPlan { supervision } victimContacts { victimReference } probationAddresses { postcode }',
        callerWith(['ppu_officer'], 'CASE_MANAGEMENT', 'police', 'PPU0001'),
      );
      expect(result.data?._entities).toEqual(
        sample.map((e) => ({
          pncId: e.person.pncId,
          // A.R6, A.R23: only the offender manager's contact, on a case probation registers as category 1 (issue 12).
          probationCase: e.person.category === 1 ? { crn: null } : null,
          licences: null,
          riskOfSeriousHarm: null,
          riskManagementPlan: null,
          victimContacts: null,
          probationAddresses: null,
        })),
      );
      expect(sample.some((e) => e.person.category === 1) && sample.some((e) => e.person.category !== 1)).toBe(true);
      expect(denials(result)).toEqual([
        '_entities.licences probation.licenceRecords',
        '_entities.probationAddresses probation.probationAddress',
        '_entities.probationCase.crn probation.caseReference',
        '_entities.riskManagementPlan probation.riskManagementPlanRecord',
        '_entities.riskOfSeriousHarm probation.riskOfSeriousHarm',
        '_entities.victimContacts probation.victimContacts',
      ]);
    });

    it('principle 2: the CRN lookup is for probation readers; a PPU officer managing a case gets null and a FORBIDDEN error', async () => {
      const person = people.find((p) => p.probationStatus === 'CURRENT')!;
      subgraph.statements.reset();
      const denied = await post(
        'query($crn: ID!) { offenderByCrn(crn: $crn) { pncId } }',
        { crn: person.crn },
        callerWith(['ppu_officer'], 'CASE_MANAGEMENT', 'police'),
      );
      expect(denied.data?.offenderByCrn).toBeNull();
      expect(denials(denied)).toEqual(['offenderByCrn probation.caseReference']);
      // Denied before the lookup: nothing is read.
      expect(subgraph.statements.count).toBe(0);
      // A victim liaison officer looks up their own victims' offender only (B.57, C.34); any other CRN is answered as unknown.
      const { person: withVictims, offender } = onLicenceWithVictims()[0]!;
      const allowed = await post(
        'query($crn: ID!) { offenderByCrn(crn: $crn) { pncId probationCase { crn } } }',
        { crn: withVictims.crn },
        vloWithStaffId(offender.victimContacts![0]!.vloStaffId),
      );
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.offenderByCrn).toEqual({ pncId: withVictims.pncId, probationCase: { crn: withVictims.crn } });
      const notTheirs = await post('query($crn: ID!) { offenderByCrn(crn: $crn) { pncId } }', { crn: withVictims.crn }, VLO);
      expect(notTheirs).toEqual({ data: { offenderByCrn: null } });
    });

    it('B.15, B.42, inventory §5.2: the allocated practitioner reads narrative, condition text and victim safety planning under case management, and the narrative at a MAPP meeting too; another practitioner only the wording naming no victim; victim safety planning never at a meeting', async () => {
      const sample = onLicenceWithVictims().filter((e) => e.offender.probationCase!.communityOffenderManager.allocated);
      expect(sample.length).toBeGreaterThan(0);
      const selection =
        'riskOfSeriousHarm { whoIsAtRisk analysisOfRiskFactors } riskManagementPlan { victimSafetyPlanning } licences { conditions { text } }';
      for (const { person, offender } of sample) {
        const allocated = callerWith(
          ['probation_practitioner'],
          'CASE_MANAGEMENT',
          'probation',
          offender.probationCase!.communityOffenderManager.staffCode,
        );
        const managing = await entities([person.pncId], selection, allocated);
        expect(managing.errors).toBeUndefined();
        const [read] = managing.data?._entities as {
          riskOfSeriousHarm: { whoIsAtRisk: string; analysisOfRiskFactors: string };
          riskManagementPlan: { victimSafetyPlanning: string };
        }[];
        expect(read?.riskOfSeriousHarm.whoIsAtRisk).toBe(offender.riskOfSeriousHarm!.whoIsAtRisk);
        expect(
          /^Synthetic: /.test(read?.riskManagementPlan.victimSafetyPlanning ?? '') &&
            (read?.riskOfSeriousHarm.analysisOfRiskFactors.length ?? 0) > 0,
        ).toBe(true);
      }
      // B.15 (issue 12): a practitioner the case is not allocated to.
      const other = await entities(keys(sample), selection, PRACTITIONER);
      expect(other.errors).toBeUndefined();
      expect(other.data?._entities).toEqual(
        sample.map((e) => ({
          riskOfSeriousHarm: { whoIsAtRisk: null, analysisOfRiskFactors: null },
          riskManagementPlan: { victimSafetyPlanning: null },
          licences: e.offender.licences!.map((licence) => ({
            conditions: licence.conditions.map((c) => ({ text: c.identifiesVictim || c.isExclusionZone ? null : c.text })),
          })),
        })),
      );
      // Inventory §5.2: the narrative is the allocated COM's and their line manager's "under any purpose"; another practitioner at the meeting reads it as if probation held none (no error: the condition is per record).
      const meeting = await entities(keys(sample), selection, callerWith(['probation_practitioner'], 'MAPPA_MEETING'));
      expect(meeting.data?._entities).toEqual(
        sample.map((e) => ({
          riskOfSeriousHarm: { whoIsAtRisk: null, analysisOfRiskFactors: null },
          riskManagementPlan: { victimSafetyPlanning: null },
          // Principle 3: at a meeting, the wording naming no victim and mapping no zone (issue 12).
          licences: e.offender.licences!.map((licence) => ({
            conditions: licence.conditions.map((c) => ({ text: c.identifiesVictim || c.isExclusionZone ? null : c.text })),
          })),
        })),
      );
      expect(denials(meeting)).toEqual(['_entities.riskManagementPlan.victimSafetyPlanning probation.victimSafetyPlanning']);
      for (const { person, offender } of sample) {
        const allocatedAtMeeting = callerWith(
          ['probation_practitioner'],
          'MAPPA_MEETING',
          'probation',
          offender.probationCase!.communityOffenderManager.staffCode,
        );
        const presenting = await entities([person.pncId], 'riskOfSeriousHarm { whoIsAtRisk }', allocatedAtMeeting);
        expect(presenting.errors).toBeUndefined();
        expect(presenting.data?._entities).toEqual([{ riskOfSeriousHarm: { whoIsAtRisk: offender.riskOfSeriousHarm!.whoIsAtRisk } }]);
      }
    });

    it('B.39, C.8, C.11: the risk management plan is read at a MAPP meeting, not for screening; approved premises staff read nothing of people who are not their residents', async () => {
      const sample = onLicenceWithVictims();
      const screening = await entities(
        keys(sample),
        'riskOfSeriousHarm { overallRiskLevel } riskManagementPlan { supervision }',
        callerWith(['mappa_coordinator'], 'MAPPA_SCREENING', 'mappa_unit'),
      );
      expect(screening.data?._entities).toEqual(
        sample.map((e) => ({
          riskOfSeriousHarm: { overallRiskLevel: e.offender.riskOfSeriousHarm!.overallRiskLevel },
          riskManagementPlan: null,
        })),
      );
      expect(denials(screening)).toEqual(['_entities.riskManagementPlan probation.riskManagementPlanRecord']);

      const apStaff = await entities(
        keys(sample),
        'probationCase { crn status communityOffenderManager { staffCode } } riskOfSeriousHarm { overallRiskLevel assessedDate riskInCommunity { children staff } riskInCustody { staff } } riskManagementPlan { supervision } licences { status } probationAddresses { type }',
        callerWith(['approved_premises_staff']),
      );
      // C.8, C.11 (issue 12): staff of no premises these people live at read nothing of their cases, and
      // the addresses they could read of a resident are not refused, only absent (principle 9).
      expect(apStaff.data?._entities).toEqual(
        sample.map(() => ({
          probationCase: null,
          riskOfSeriousHarm: null,
          riskManagementPlan: null,
          licences: null,
          probationAddresses: null,
        })),
      );
      expect(denials(apStaff)).toEqual([
        '_entities.licences probation.licenceRecords',
        '_entities.probationCase.status probation.caseSummary',
        '_entities.riskManagementPlan probation.riskManagementPlanRecord',
        '_entities.riskOfSeriousHarm.assessedDate probation.riskAssessment',
        '_entities.riskOfSeriousHarm.riskInCustody probation.riskInCustody',
      ]);
    });

    it('A.R32: Jobcentre Plus at a meeting reads only the risk to staff in the community', async () => {
      const sample = onLicenceWithVictims();
      const selection =
        'probationCase { crn } licences { licenceExpiryDate } riskOfSeriousHarm { overallRiskLevel riskInCommunity { staff public children } riskInCustody { staff } } riskManagementPlan { supervision } victimContacts { victimReference } probationAddresses { postcode }';
      // Invited to the meeting: a live grant for each subject (principle 5).
      const result = await entities(
        keys(sample),
        selection,
        withCaseGrants(callerWith(['dtc_attendee'], 'MAPPA_MEETING', 'jobcentre_plus', 'JCP0001'), keys(sample)),
      );
      expect(result.data?._entities).toEqual(
        sample.map(({ offender }) => ({
          probationCase: null,
          licences: null,
          riskOfSeriousHarm: {
            overallRiskLevel: null,
            riskInCommunity: { staff: offender.riskOfSeriousHarm!.riskInCommunity.staff, public: null, children: null },
            riskInCustody: null,
          },
          riskManagementPlan: null,
          victimContacts: null,
          probationAddresses: null,
        })),
      );
      expect(denials(result)).toEqual([
        '_entities.licences probation.licenceRecords',
        '_entities.probationAddresses probation.probationAddress',
        '_entities.probationCase probation.offenderManagerContact',
        '_entities.riskManagementPlan probation.riskManagementPlanRecord',
        '_entities.riskOfSeriousHarm.overallRiskLevel probation.riskSummary',
        '_entities.riskOfSeriousHarm.riskInCommunity.children probation.riskSummary',
        '_entities.riskOfSeriousHarm.riskInCommunity.public probation.riskSummary',
        '_entities.riskOfSeriousHarm.riskInCustody probation.riskInCustody',
        '_entities.victimContacts probation.victimContacts',
      ]);
      // Only Jobcentre Plus, and only at a meeting: another duty-to-co-operate agency, or JCP outside a meeting, reads nothing.
      // Each with a grant for the subjects, so that the field policy is what refuses.
      for (const caller of [
        callerWith(['dtc_attendee'], 'MAPPA_MEETING', 'health'),
        callerWith(['dtc_attendee'], 'CASE_MANAGEMENT', 'jobcentre_plus'),
      ].map((c) => withCaseGrants(c, keys(sample)))) {
        const other = await entities(keys(sample), 'riskOfSeriousHarm { riskInCommunity { staff } }', caller);
        expect(other.data?._entities).toEqual(sample.map(() => ({ riskOfSeriousHarm: null })));
        expect(denials(other)).toEqual(['_entities.riskOfSeriousHarm probation.riskOfSeriousHarm']);
      }
    });

    it('A.R27-A.R30: a lay adviser sees no personal data, not even the PNC ID', async () => {
      const sample = onLicenceWithVictims();
      const result = await entities(
        keys(sample),
        'pncId probationCase { crn } riskOfSeriousHarm { overallRiskLevel }',
        callerWith(['lay_adviser'], 'MAPPA_MEETING', 'mappa_unit', 'LA0001'),
      );
      // The key itself is denied, so no entity survives: each resolves to null.
      expect(result.data?._entities).toEqual(sample.map(() => null));
      // Every denied field the operation names is reported, whether or not an entity survives to ask,
      // besides the non-null key's own error.
      const forbidden = { ...result, errors: result.errors?.filter((error) => error.extensions?.code === 'FORBIDDEN') };
      expect(denials(forbidden)).toEqual([
        '_entities.pncId probation.subjectKey',
        '_entities.probationCase probation.offenderManagerContact',
        '_entities.riskOfSeriousHarm probation.riskOfSeriousHarm',
      ]);
      expect(
        result.errors
          ?.filter((error) => error.extensions?.code !== 'FORBIDDEN')
          .every((error) => /non-nullable field Offender\.pncId/.test(error.message)),
      ).toBe(true);
    });
  });

  describe('row scope: own area, limited-access cases, victims and duty-to-co-operate attendees (principles 2, 5, 9; R-4)', () => {
    const UNKNOWN_CRN = 'Z999999';
    const CRN_QUERY = 'query($crn: ID!) { offenderByCrn(crn: $crn) { pncId probationCase { crn } } }';
    const ENTITY = 'pncId probationCase { crn }';
    const IN_KENT = { ...PRACTITIONER, principal: { ...PRACTITIONER.principal, area: MappaArea.KENT } };
    /** Held people without a limited-access case, and held people with one (all restricted-access in the seed). */
    const ordinary = () =>
      held()
        .filter((e) => !e.person.restrictedAccess)
        .slice(0, 10);
    const limited = () => held().filter((e) => e.offender.probationCase?.currentRestriction === true);
    const unknownPncIds = (count: number) => syntheticPeople(dataset.offenders, count, dataset).map((p) => p.pncId);
    const keysOf = (entries: readonly { person: SyntheticPerson }[]) => entries.map((e) => e.person.pncId);

    it('principle 2, R-3: a practitioner of another area gets for London cases exactly the answer for unknown PNC IDs and CRNs, in the same statements', async () => {
      subgraph.statements.reset();
      const about = await entities(keysOf(ordinary()), ENTITY, IN_KENT);
      const statements = subgraph.statements.count;
      subgraph.statements.reset();
      const aboutUnknown = await entities(unknownPncIds(ordinary().length), ENTITY, IN_KENT);
      expect(about).toEqual({ data: { _entities: ordinary().map(() => null) } });
      expect(about).toEqual(aboutUnknown);
      expect(statements).toBe(subgraph.statements.count);
      for (const { person } of ordinary().slice(0, 3)) {
        expect(await post(CRN_QUERY, { crn: person.crn }, IN_KENT)).toEqual(await post(CRN_QUERY, { crn: UNKNOWN_CRN }, IN_KENT));
      }
      // A live grant brings one of them in scope for the Kent practitioner.
      const [first] = ordinary();
      const granted = await entities(keysOf(ordinary()), ENTITY, withCaseGrants(IN_KENT, [first!.person.pncId]));
      expect((granted.data?._entities as unknown[]).map((e) => e !== null)).toEqual(ordinary().map((_, i) => i === 0));
    });

    it('R-4: a limited-access case is known only to its allocated COM and to grant holders; for any other practitioner probation holds no case', async () => {
      expect(limited().length).toBeGreaterThan(0);
      for (const { person, offender } of limited()) {
        const com = offender.probationCase!.communityOffenderManager;
        // SC cleared: the seed makes every limited-access case restricted access too (principle 7).
        const other = await entities([person.pncId], ENTITY, PRACTITIONER);
        expect(other).toEqual(await entities(unknownPncIds(1), ENTITY, PRACTITIONER));
        expect(other.data?._entities).toEqual([null]);
        expect(await post(CRN_QUERY, { crn: person.crn }, PRACTITIONER)).toEqual(await post(CRN_QUERY, { crn: UNKNOWN_CRN }, PRACTITIONER));
        const expected = { pncId: person.pncId, probationCase: { crn: person.crn } };
        expect((await entities([person.pncId], ENTITY, withCaseGrants(PRACTITIONER, [person.pncId]))).data?._entities).toEqual([expected]);
        if (com.allocated) {
          const allocated = callerWith(['probation_practitioner'], 'CASE_MANAGEMENT', 'probation', com.staffCode);
          expect((await entities([person.pncId], ENTITY, allocated)).data?._entities).toEqual([expected]);
          expect((await post(CRN_QUERY, { crn: person.crn }, allocated)).data?.offenderByCrn).toEqual(expected);
          // The same staff code in another agency is not the allocated COM.
          expect(
            (await entities([person.pncId], ENTITY, callerWith(['ppu_officer'], 'MAPPA_SCREENING', 'police', com.staffCode))).data
              ?._entities,
          ).toEqual([null]);
        }
      }
      expect(limited().some((e) => e.offender.probationCase!.communityOffenderManager.allocated)).toBe(true);
    });

    it("victim contacts: each offender's victims are visible only to their allocated VLO; any other VLO gets null, as for an offender with no victims (principle 9)", async () => {
      const withVictims = held()
        .filter((e) => !e.person.restrictedAccess && e.offender.victimContacts !== null)
        .slice(0, 10);
      const withoutVictims = held()
        .filter((e) => !e.person.restrictedAccess && e.offender.victimContacts === null)
        .slice(0, 10);
      expect(withVictims.length).toBeGreaterThan(0);
      expect(withoutVictims.length).toBeGreaterThan(0);
      const SELECTION = 'pncId victimContacts { victimReference vloStaffId }';
      for (const { person, offender } of withVictims) {
        const own = offender.victimContacts!;
        const allocated = vloWithStaffId(own[0]!.vloStaffId);
        expect((await entities([person.pncId], SELECTION, allocated)).data?._entities).toEqual([
          { pncId: person.pncId, victimContacts: own.map((v) => ({ victimReference: v.victimReference, vloStaffId: v.vloStaffId })) },
        ]);
        // Another VLO (here, the one allocated to a different offender's victims, unless it is the same officer).
        const someoneElse =
          withVictims.map((e) => e.offender.victimContacts![0]!.vloStaffId).find((staffId) => staffId !== own[0]!.vloStaffId) ?? 'N07V001';
        expect((await entities([person.pncId], SELECTION, vloWithStaffId(someoneElse))).data?._entities).toEqual([
          { pncId: person.pncId, victimContacts: null },
        ]);
      }
      // A null list for "none of yours" and for "none at all": the two cannot be told apart.
      const some = withVictims[0]!.offender.victimContacts![0]!.vloStaffId;
      const mixed = await entities([...keysOf(withVictims), ...keysOf(withoutVictims)], SELECTION, vloWithStaffId(`${some}X`));
      expect(mixed.errors).toBeUndefined();
      expect(mixed.data?._entities).toEqual(
        [...keysOf(withVictims), ...keysOf(withoutVictims)].map((pncId) => ({ pncId, victimContacts: null })),
      );
    });

    it('principle 5: a duty-to-co-operate attendee knows no case without a live grant for the meeting; an expired grant, or one for another purpose or meeting, does not count', async () => {
      const sample = ordinary()
        .filter((e) => e.offender.riskOfSeriousHarm !== null)
        .slice(0, 3);
      expect(sample.length).toBeGreaterThan(0);
      const jcp = callerWith(['dtc_attendee'], 'MAPPA_MEETING', 'jobcentre_plus', 'JCP0001');
      const SELECTION = 'riskOfSeriousHarm { riskInCommunity { staff } }';
      const notKnown = await entities(unknownPncIds(sample.length), SELECTION, jcp);
      expect(notKnown.data?._entities).toEqual(sample.map(() => null));
      expect(await entities(keysOf(sample), SELECTION, jcp)).toEqual(notKnown);
      for (const grant of [
        { validUntil: new Date(Date.now() - 1_000).toISOString() },
        { purpose: 'MAPPA_SCREENING' as const },
        { caseId: 'MTG-2' },
      ]) {
        expect(await entities(keysOf(sample), SELECTION, withCaseGrants(jcp, keysOf(sample), grant))).toEqual(notKnown);
      }
      const live = await entities(keysOf(sample), SELECTION, withCaseGrants(jcp, keysOf(sample)));
      expect(live.data?._entities).toEqual(
        sample.map((e) => ({ riskOfSeriousHarm: { riskInCommunity: { staff: e.offender.riskOfSeriousHarm!.riskInCommunity.staff } } })),
      );
    });
  });

  describe('row scope: counter-terrorism gate (principle 7)', () => {
    const UNKNOWN_CRN = 'Z999999';
    const ctRestricted = (p: SyntheticPerson) => p.category === 4 || p.restrictedAccess;
    /** The same caller with another vetting level: only the clearance differs. */
    const cleared = (caller: Caller, clearance: Clearance): Caller => ({ ...caller, principal: { ...caller.principal, clearance } });
    /** Held people who are category 4 or restricted-access, and a few held people who are neither. */
    const restricted = () => held().filter((e) => ctRestricted(e.person));
    // The seed makes every restricted-access case a limited-access probation case too, which
    // only the allocated COM and grant holders may know: these callers hold a grant for each
    // restricted person, so only the clearance differs, and the grant does not lift the CT gate.
    const granted = (caller: Caller) =>
      withCaseGrants(
        caller,
        restricted().map((e) => e.person.pncId),
      );
    let PRACTITIONER_BPSS: Caller;
    let PRACTITIONER_CTC: Caller;
    let VLO_BPSS: Caller;
    let VLO_CTC: Caller;
    beforeAll(() => {
      PRACTITIONER_BPSS = cleared(granted(PRACTITIONER), 'BPSS');
      PRACTITIONER_CTC = cleared(granted(PRACTITIONER), 'CTC');
      VLO_BPSS = cleared(granted(VLO), 'BPSS');
      VLO_CTC = cleared(granted(VLO), 'CTC');
    });
    const unrestricted = () =>
      held()
        .filter((e) => !ctRestricted(e.person))
        .slice(0, 5);
    /** Restricted and unrestricted people interleaved in one batch, plus an unknown key. */
    const mixedBatch = () => {
      const r = restricted();
      const u = unrestricted();
      return [...r.flatMap((e, i) => [e, u[i] ?? null]), ...u.slice(r.length)].filter((e) => e !== null).map((e) => e.person);
    };
    const CRN_QUERY = `query($crn: ID!) { offenderByCrn(crn: $crn) { ${CASE_SELECTION} } }`;

    it('the seeded dataset holds category 4 and restricted-access people', () => {
      expect(restricted().length).toBeGreaterThanOrEqual(2);
      expect(restricted().some((e) => e.person.category === 4)).toBe(true);
      expect(restricted().some((e) => e.person.category !== 4 && e.person.restrictedAccess)).toBe(true);
      expect(unrestricted()).toHaveLength(5);
    });

    it('without CT clearance, _entities gives null for restricted people and data for the others in the same batch', async () => {
      const batch = mixedBatch();
      const keys = [...batch.map((p) => p.pncId), UNKNOWN_PNC_ID];
      const result = await entities(keys, CASE_SELECTION, PRACTITIONER_BPSS);
      expect(result.errors).toBeUndefined();
      const resolved = result.data?._entities as (ProbationOffender | null)[];
      expect(resolved).toHaveLength(keys.length);
      expect(resolved[keys.length - 1]).toBeNull();
      batch.forEach((person, index) => {
        if (ctRestricted(person)) {
          expect(resolved[index]).toBeNull();
        } else {
          expect(resolved[index]).toEqual(asAnotherPractitioner(everyone.find((e) => e.person.pncId === person.pncId)!.offender!));
        }
      });
      const victims = await entities(keys, VICTIM_SELECTION, VLO_BPSS);
      expect(victims.errors).toBeUndefined();
      expect((victims.data?._entities as unknown[]).map((e) => e === null)).toEqual([...batch.map(ctRestricted), true]);
    });

    it('without CT clearance, the _entities response is identical to asking about unknown well-formed PNC IDs', async () => {
      const batch = mixedBatch();
      const asked = batch.map((p) => p.pncId);
      const unknown = batch.map((p) => (ctRestricted(p) ? UNKNOWN_PNC_ID : p.pncId));
      expect(await entities(asked, CASE_SELECTION, PRACTITIONER_BPSS)).toEqual(await entities(unknown, CASE_SELECTION, PRACTITIONER_BPSS));
      expect(await entities(asked, VICTIM_SELECTION, VLO_BPSS)).toEqual(await entities(unknown, VICTIM_SELECTION, VLO_BPSS));
      // Only restricted people: a single statement (the case batch) and no field loader runs.
      subgraph.statements.reset();
      const onlyRestricted = await entities(
        restricted().map((e) => e.person.pncId),
        CASE_SELECTION,
        PRACTITIONER_BPSS,
      );
      expect(onlyRestricted).toEqual({ data: { _entities: restricted().map(() => null) } });
      expect(subgraph.statements.count).toBe(1);
    });

    it('without CT clearance, offenderByCrn gives null with no error, exactly as for an unknown CRN', async () => {
      const unknown = await post(CRN_QUERY, { crn: UNKNOWN_CRN }, PRACTITIONER_BPSS);
      expect(unknown).toEqual({ data: { offenderByCrn: null } });
      for (const { person } of restricted()) {
        subgraph.statements.reset();
        const result = await post(CRN_QUERY, { crn: person.crn }, PRACTITIONER_BPSS);
        expect(result.errors).toBeUndefined();
        expect(result.data?.offenderByCrn).toBeNull();
        expect(result).toEqual(unknown);
        // The marker comes with the case row: one statement, as for any CRN look-up.
        expect(subgraph.statements.count).toBe(1);
        expect(await post(`query($crn: ID!) { offenderByCrn(crn: $crn) { ${VICTIM_SELECTION} } }`, { crn: person.crn }, VLO_BPSS)).toEqual({
          data: { offenderByCrn: null },
        });
      }
      // An unrestricted person is still found by an uncleared caller.
      const [visible] = unrestricted();
      const found = await post(CRN_QUERY, { crn: visible!.person.crn }, PRACTITIONER_BPSS);
      expect(found.errors).toBeUndefined();
      expect((found.data?.offenderByCrn as ProbationOffender | null)?.pncId).toBe(visible!.person.pncId);
    });

    it('with CTC clearance (same roles), restricted people come back through _entities and offenderByCrn', async () => {
      const batch = mixedBatch();
      const keys = batch.map((p) => p.pncId);
      const result = await entities(keys, CASE_SELECTION, PRACTITIONER_CTC);
      expect(result.errors).toBeUndefined();
      const expected = batch.map((p) => asAnotherPractitioner(everyone.find((e) => e.person.pncId === p.pncId)!.offender!));
      expect(result.data?._entities).toEqual(expected);
      // A VLO allocated to none of their victims gets every list null; each allocated VLO (with the grant) their own.
      const victims = await entities(keys, VICTIM_SELECTION, VLO_CTC);
      expect(victims.errors).toBeUndefined();
      expect(victims.data?._entities).toEqual(batch.map((p) => ({ pncId: p.pncId, victimContacts: null })));
      for (const person of batch) {
        const { victimContacts } = everyone.find((e) => e.person.pncId === person.pncId)!.offender!;
        if (victimContacts === null) continue;
        const allocated = cleared(granted(vloWithStaffId(victimContacts[0]!.vloStaffId)), 'CTC');
        expect((await entities([person.pncId], VICTIM_SELECTION, allocated)).data?._entities).toEqual([
          { pncId: person.pncId, victimContacts },
        ]);
      }
      for (const { person, offender } of restricted()) {
        const byCrn = await post(CRN_QUERY, { crn: person.crn }, PRACTITIONER_CTC);
        expect(byCrn.errors).toBeUndefined();
        expect(byCrn.data?.offenderByCrn).toEqual(asAnotherPractitioner(offender));
      }
    });
  });
});

describe('issue 15: the case and its risk of serious harm summary in one statement when the selection asks for both', () => {
  const withSummary = people.filter((person) => person.probationStatus === 'CURRENT' && !person.restrictedAccess).slice(0, 3);
  const withoutSummary = people.filter((person) => person.crn !== null && person.probationStatus !== 'CURRENT').slice(0, 2);
  const notHeld = people.filter((person) => person.crn === null).slice(0, 2);
  const held = [...withSummary, ...withoutSummary].map((person) => person.pncId);
  const VIEW = 'pncId probationCase { crn status } riskOfSeriousHarm { overallRiskLevel }';
  const IN_KENT: Caller = { ...PRACTITIONER, principal: { ...PRACTITIONER.principal, area: MappaArea.KENT } };

  async function statementsOf(pncIds: readonly string[], selection: string, caller: Caller = PRACTITIONER) {
    subgraph.statements.reset();
    const result = await entities(pncIds, selection, caller);
    return { result, statements: subgraph.statements.count };
  }

  it('reads every case and summary exactly as the case and summary loaders do, in one statement, and the primed loaders send none', async () => {
    const keys = [...held, ...notHeld.map((person) => person.pncId), UNKNOWN_PNC_ID];
    const { rows: cases, companions: summaries } = await expectJoinedReadAsSeparate(
      (statements) => {
        const loaders = createProbationLoaders(database.connection.database(statements));
        return { joined: loaders.caseWithRiskOfSeriousHarm, rows: loaders.probationCase, companions: loaders.riskOfSeriousHarm };
      },
      keys,
      held,
    );
    // Both outcomes occur, or the comparison could not fail.
    expect(summaries.filter((summary) => summary !== null)).toHaveLength(withSummary.length);
    expect(summaries.filter((summary) => summary === null)).toHaveLength(withoutSummary.length);
    expect(cases.slice(held.length)).toEqual([null, null, null]);
  });

  it("the single offender view's probation request: one statement for the case and the summary (two before), one for the case alone", async () => {
    const both = await statementsOf([withSummary[0]!.pncId, withoutSummary[0]!.pncId, notHeld[0]!.pncId], VIEW);
    expect(both.result.errors).toBeUndefined();
    expect(both.result.data?._entities).toEqual([
      {
        pncId: withSummary[0]!.pncId,
        probationCase: { crn: withSummary[0]!.crn, status: 'CURRENT' },
        riskOfSeriousHarm: { overallRiskLevel: expect.any(String) },
      },
      {
        pncId: withoutSummary[0]!.pncId,
        probationCase: { crn: withoutSummary[0]!.crn, status: expect.any(String) },
        riskOfSeriousHarm: null,
      },
      null,
    ]);
    expect(both.statements).toBe(1);
    expect((await statementsOf([withSummary[0]!.pncId], 'pncId probationCase { crn }')).statements).toBe(1);
  });

  it('principle 4: a victim liaison officer who may know the case gets no summary from the one statement that read it', async () => {
    const { result, statements } = await statementsOf([withSummary[0]!.pncId], VIEW, VLO);
    expect(result.data?._entities).toEqual([{ pncId: withSummary[0]!.pncId, probationCase: null, riskOfSeriousHarm: null }]);
    expect(result.errors?.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(result.errors?.map((error) => error.path?.at(-1))).toEqual(expect.arrayContaining(['riskOfSeriousHarm']));
    expect(statements).toBe(1);
  });

  it('principle 2, principle 9: a practitioner of another area gets for a London case with a summary exactly the answer for an unknown PNC ID, in the same statements', async () => {
    const aboutCase = await statementsOf([withSummary[0]!.pncId], VIEW, IN_KENT);
    const aboutUnknown = await statementsOf([UNKNOWN_PNC_ID], VIEW, IN_KENT);
    expect(aboutCase.result.data?._entities).toEqual([null]);
    expect(aboutCase).toEqual(aboutUnknown);
  });
});
