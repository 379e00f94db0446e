import {
  TEST_ISSUER,
  expectJoinedReadAsSeparate,
  startTestSubgraph,
  withCaseGrants,
  withDisclosureEvidence,
  withMeetingEvidence,
  withReferralEvidence,
  querySubgraph,
} from '@mappa/testing';
import { isUnder18, MappaArea, calendarDateOf, syntheticPeople } from '@mappa/shared';
import type { Caller, Clearance, RunningSubgraph, SyntheticPerson } from '@mappa/shared';
import type { TestDatabase, TestGatewayKeys, TestSubgraph } from '@mappa/testing';
import { policeSubgraph } from './index';
import { createPoliceLoaders } from './police.loaders';

// Everyone in Kent, the callers' area: row scope (R-3) is by area, and these tests are about other rules.
const dataset = { offenders: 60, seed: 7, asOf: '2026-11-01', areas: [MappaArea.KENT] };
const people = syntheticPeople(0, dataset.offenders, dataset);
let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

const PPU_OFFICER: Caller = {
  principal: { issuer: TEST_ISSUER, staffId: 'PPU0001', agency: 'police', roles: ['ppu_officer'], area: MappaArea.KENT, clearance: 'SC' },
  declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
};

async function post(
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = PPU_OFFICER,
  target: Pick<TestSubgraph, 'subgraph' | 'gateway'> = { subgraph, gateway },
) {
  return querySubgraph(target.subgraph, target.gateway, query, variables, caller) as Promise<{
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  }>;
}

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(policeSubgraph, dataset));
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('police subgraph', () => {
  it('returns the identity the police hold for a PNC ID', async () => {
    const person = people[0]!;
    const result = await post(
      'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth croNumber aliases { lastName } } } }',
      {
        pncId: person.pncId,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toEqual({
      pncId: person.pncId,
      identity: {
        firstName: person.firstName,
        lastName: person.lastName,
        dateOfBirth: person.dateOfBirth,
        croNumber: person.croNumber,
        aliases: person.aliases.map((alias) => ({ lastName: alias.lastName })),
      },
    });
  });

  it('answers null, not an error, for a well-formed PNC ID it does not hold', async () => {
    const result = await post('{ offender(pncId: "2008/0545166T") { pncId } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toBeNull();
  });

  it('rejects a malformed PNC ID with BAD_USER_INPUT', async () => {
    const result = await post('{ offender(pncId: "not-a-pnc") { pncId } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a PNC ID whose check letter is wrong', async () => {
    const result = await post('{ offender(pncId: "2008/0545166A") { pncId } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves entity references in one SQL statement per batch and null for unknown keys', async () => {
    const representations = [
      ...people.slice(0, 50).map((p) => ({ __typename: 'Offender', pncId: p.pncId })),
      { __typename: 'Offender', pncId: '2008/0545166T' },
    ];
    subgraph.statements.reset();
    const result = await post(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId visorNominal { status } } } }',
      {
        r: representations,
      },
    );
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as ({ pncId: string } | null)[];
    expect(entities).toHaveLength(51);
    expect(entities[50]).toBeNull();
    expect(entities.slice(0, 50).map((e) => e?.pncId)).toEqual(people.slice(0, 50).map((p) => p.pncId));
    // Issue 15: one statement resolves the references and loads the ViSOR nominals the selection asks for (two before).
    expect(subgraph.statements.count).toBe(1);
  });

  it('A.R4: holds no ViSOR nominal for category 2 level 1 offenders', async () => {
    const cat2Level1 = people.filter((p) => p.category === 2 && p.level === 1).slice(0, 5);
    expect(cat2Level1.length).toBeGreaterThan(0);
    const result = await post('query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { visorNominal { status } } } }', {
      r: cat2Level1.map((p) => ({ __typename: 'Offender', pncId: p.pncId })),
    });
    expect(result.data?._entities).toEqual(cat2Level1.map(() => ({ visorNominal: null })));
  });

  it('serves its SDL with the Offender entity keyed by PNC ID', async () => {
    const result = await post('{ _service { sdl } }');
    expect((result.data?._service as { sdl: string }).sdl).toMatch(/type Offender\s+@key\(fields: "pncId"\)/);
  });

  describe('field policies (owner enforcement)', () => {
    const probationPractitioner = (purpose: 'CASE_MANAGEMENT' | 'MAPPA_MEETING'): Caller => ({
      principal: {
        issuer: TEST_ISSUER,
        staffId: 'PP0001',
        agency: 'probation',
        roles: ['probation_practitioner'],
        area: MappaArea.KENT,
        clearance: 'BPSS',
      },
      declaredPurpose: { purpose, caseId: purpose === 'MAPPA_MEETING' ? 'MTG-1' : null },
    });
    const representations = () => people.slice(0, 20).map((p) => ({ __typename: 'Offender', pncId: p.pncId }));
    const QUERY =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId identity { lastName ethnicityCode } intelligence { sanitisedSummary text } } } }';

    it('principle 3: a probation practitioner reads police identity at a MAPP meeting, but not ethnicity or intelligence text', async () => {
      // Issue 10: at a meeting about the one person it concerns.
      const result = await post(
        QUERY,
        { r: representations().slice(0, 1) },
        withMeetingEvidence(probationPractitioner('MAPPA_MEETING'), people[0]!.pncId),
      );
      const entities = result.data?._entities as {
        identity: { lastName: string; ethnicityCode: string | null };
        intelligence: { sanitisedSummary: string; text: string | null }[];
      }[];
      expect(entities.map((e) => e.identity.lastName)).toEqual(people.slice(0, 1).map((p) => p.lastName));
      expect(entities.every((e) => e.identity.ethnicityCode === null)).toBe(true);
      expect(entities.flatMap((e) => e.intelligence).every((item) => item.text === null && item.sanitisedSummary.length > 0)).toBe(true);
      // One error per denied field path, however many offenders and items were in the batch.
      expect(
        result.errors?.map((error) => [error.extensions?.code, (error.extensions as { policy?: string } | undefined)?.policy]),
      ).toEqual([
        ['FORBIDDEN', 'police.ethnicity'],
        ['FORBIDDEN', 'police.intelligence'],
      ]);
    });

    it('principle 2: the same practitioner managing their own case gets no police identity', async () => {
      const result = await post(QUERY, { r: representations() }, probationPractitioner('CASE_MANAGEMENT'));
      const entities = result.data?._entities as { identity: unknown; intelligence: unknown }[];
      expect(entities.every((e) => e.identity === null && e.intelligence === null)).toBe(true);
      expect(result.errors?.map((error) => (error.extensions as { policy?: string } | undefined)?.policy)).toEqual([
        'police.identityNames',
        'police.intelligenceSummary',
      ]);
    });

    it('A.R27-A.R30: a lay adviser sees no personal data, not even the PNC ID', async () => {
      const layAdviser: Caller = {
        principal: {
          issuer: TEST_ISSUER,
          staffId: 'LA0001',
          agency: 'mappa_unit',
          roles: ['lay_adviser'],
          area: MappaArea.KENT,
          clearance: 'BPSS',
        },
        declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' },
      };
      const result = await post(QUERY, { r: representations() }, layAdviser);
      // The key itself is denied, so no entity survives: each resolves to null.
      expect(result.data?._entities).toEqual(people.slice(0, 20).map(() => null));
      expect(result.errors?.some((error) => (error.extensions as { policy?: string } | undefined)?.policy === 'police.subjectKey')).toBe(
        true,
      );
    });
  });
});

const representationsOf = (subjects: readonly SyntheticPerson[]) =>
  subjects.map((person) => ({ __typename: 'Offender', pncId: person.pncId }));
const adultToday = (person: SyntheticPerson) => !isUnder18(person.dateOfBirth, calendarDateOf(new Date()));

/** A PPU officer of the area the subjects below live in. */
const IN_LONDON: Caller = { ...PPU_OFFICER, principal: { ...PPU_OFFICER.principal, area: MappaArea.LONDON } };
/** A duty-to-co-operate attendee of another area, at a MAPP meeting (principle 5). */
const DTC: Caller = {
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'CSC0001',
    agency: 'children_social_care',
    roles: ['dtc_attendee'],
    area: MappaArea.KENT,
    clearance: 'BPSS',
  },
  declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' },
};

describe('row scope: own area, case grants and duty-to-co-operate attendees (principles 2, 5, 9)', () => {
  const subjects = people.filter(adultToday).slice(0, 20);
  // Well-formed PNC IDs of people beyond the dataset: the police hold no record of them.
  const unknown = syntheticPeople(dataset.offenders, subjects.length, dataset);
  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { identity { lastName } } } }';
  const OFFENDER = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } } }';

  it('principle 2, R-3: a principal of another area gets for Kent people exactly the answer for unknown PNC IDs, in the same SQL statements', async () => {
    subgraph.statements.reset();
    const aboutSubjects = await post(ENTITIES, { r: representationsOf(subjects) }, IN_LONDON);
    const subjectStatements = subgraph.statements.count;
    subgraph.statements.reset();
    const aboutUnknown = await post(ENTITIES, { r: representationsOf(unknown) }, IN_LONDON);
    expect(aboutSubjects).toEqual({ data: { _entities: subjects.map(() => null) } });
    expect(aboutSubjects).toEqual(aboutUnknown);
    expect(subjectStatements).toBe(subgraph.statements.count);
    for (const [i, person] of subjects.slice(0, 5).entries()) {
      const byPncId = await post(OFFENDER, { pncId: person.pncId }, IN_LONDON);
      expect(byPncId).toEqual({ data: { offender: null } });
      expect(byPncId).toEqual(await post(OFFENDER, { pncId: unknown[i]!.pncId }, IN_LONDON));
    }
    // The same officer in Kent, the people's area, sees every one of them.
    const inArea = await post(ENTITIES, { r: representationsOf(subjects) });
    expect(inArea).toEqual({ data: { _entities: subjects.map((person) => ({ identity: { lastName: person.lastName } })) } });
  });

  it('a live case grant brings that one out-of-area subject in scope, by reference and by PNC ID', async () => {
    const [granted, ...others] = subjects;
    const caller = withCaseGrants(IN_LONDON, [granted!.pncId]);
    const result = await post(ENTITIES, { r: representationsOf(subjects) }, caller);
    expect(result).toEqual({ data: { _entities: [{ identity: { lastName: granted!.lastName } }, ...others.map(() => null)] } });
    expect((await post(OFFENDER, { pncId: granted!.pncId }, caller)).data?.offender).toEqual({
      pncId: granted!.pncId,
      identity: { lastName: granted!.lastName },
    });
  });

  it('principle 5, issue 10: a duty-to-co-operate attendee knows no one without a meeting, even in their own area; attending the meeting about the subject brings it in scope, expired evidence, another meeting, not attending or a grant alone does not', async () => {
    const subject = subjects.slice(0, 1);
    const SELECTION = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { visorNominal { status } } } }';
    const unknownAnswer = await post(SELECTION, { r: representationsOf(unknown.slice(0, 1)) }, DTC);
    expect(unknownAnswer.data?._entities).toEqual([null]);
    expect(await post(SELECTION, { r: representationsOf(subject) }, DTC)).toEqual(unknownAnswer);
    for (const evidence of [{ validUntil: new Date(Date.now() - 1_000).toISOString() }, { meetingId: 'MTG-2' }, { attending: false }]) {
      expect(await post(SELECTION, { r: representationsOf(subject) }, withMeetingEvidence(DTC, subject[0]!.pncId, evidence))).toEqual(
        unknownAnswer,
      );
    }
    expect(await post(SELECTION, { r: representationsOf(subject) }, withCaseGrants(DTC, [subject[0]!.pncId]))).toEqual(unknownAnswer);
    // At the meeting the subject exists for them; which fields they may read is the field policies' business.
    const live = await post(SELECTION, { r: representationsOf(subject) }, withMeetingEvidence(DTC, subject[0]!.pncId));
    expect(live.data?._entities).toEqual([{ visorNominal: null }]);
    // The nominal as a record has a policy of its own (A.R12: information governance opens it for its author).
    expect(live.errors?.map((error) => (error.extensions as { policy?: string } | undefined)?.policy)).toEqual([
      'police.visorNominalRecord',
    ]);
  });
});

describe('row scope: counter-terrorism gate (principle 7)', () => {
  // The dataset above holds no counter-terrorism restricted person; this one holds category 4
  // people and category 1 people with a restricted-access ViSOR record.
  const ctDataset = { offenders: 300, seed: 7, asOf: '2026-11-01', areas: [MappaArea.KENT] };
  const ctPeople = syntheticPeople(0, ctDataset.offenders, ctDataset);
  const isRestricted = (person: SyntheticPerson) => person.category === 4 || person.restrictedAccess;
  const restricted = ctPeople.filter(isRestricted);
  const unrestricted = ctPeople.filter((person) => !isRestricted(person)).slice(0, restricted.length + 1);
  // Well-formed PNC IDs of people beyond the dataset: the police hold no record of them.
  const unknown = syntheticPeople(ctDataset.offenders, restricted.length, ctDataset);
  const officer = (clearance: Clearance): Caller => ({ ...PPU_OFFICER, principal: { ...PPU_OFFICER.principal, clearance } });
  const UNCLEARED = officer('BPSS');
  const ENTITIES =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId identity { lastName } visorNominal { status restrictedAccess } } } }';
  const OFFENDER =
    'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } visorNominal { status restrictedAccess } } }';
  /** Unrestricted people with `others[i]` between `unrestricted[i]` and `unrestricted[i + 1]`. */
  const interleaved = (others: readonly SyntheticPerson[]) =>
    unrestricted.flatMap((person, i) => (i < others.length ? [person, others[i]!] : [person]));
  const representations = (subjects: readonly SyntheticPerson[]) =>
    subjects.map((person) => ({ __typename: 'Offender', pncId: person.pncId }));
  const expectedEntity = (person: SyntheticPerson) => ({
    pncId: person.pncId,
    identity: { lastName: person.lastName },
    visorNominal: person.hasVisorRecord ? { status: 'ACTIVE', restrictedAccess: person.restrictedAccess } : null,
  });
  // A second police subgraph over the counter-terrorism dataset, from the same harness as the first.
  let ct: TestSubgraph;

  beforeAll(async () => {
    ct = await startTestSubgraph(policeSubgraph, ctDataset);
  });

  afterAll(async () => {
    await ct.subgraph.close();
    await ct.database.drop();
  });

  it('the dataset holds both kinds of restricted person, and the unknown PNC IDs really are unknown', () => {
    expect(restricted.some((person) => person.category === 4)).toBe(true);
    expect(restricted.some((person) => person.category !== 4 && person.restrictedAccess)).toBe(true);
    const held = new Set(ctPeople.map((person) => person.pncId));
    expect(unknown.some((person) => held.has(person.pncId))).toBe(false);
  });

  it('an uncleared (BPSS) caller gets null for restricted people and data for the others in the same batch, in one SQL statement per batch', async () => {
    const subjects = interleaved(restricted);
    ct.subgraph.statements.reset();
    const result = await post(ENTITIES, { r: representations(subjects) }, UNCLEARED, ct);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(subjects.map((person) => (isRestricted(person) ? null : expectedEntity(person))));
    // One statement resolves the references (the marker is on the person row) and, as the selection
    // asks for them, loads the ViSOR nominals too (issue 15; two statements before).
    expect(ct.subgraph.statements.count).toBe(1);
  });

  it('principle 9: for an uncleared caller a restricted person answers exactly as an unknown PNC ID', async () => {
    ct.subgraph.statements.reset();
    const aboutRestricted = await post(ENTITIES, { r: representations(interleaved(restricted)) }, UNCLEARED, ct);
    const restrictedStatements = ct.subgraph.statements.count;
    ct.subgraph.statements.reset();
    const aboutUnknown = await post(ENTITIES, { r: representations(interleaved(unknown)) }, UNCLEARED, ct);
    expect(aboutRestricted).toEqual(aboutUnknown);
    expect(restrictedStatements).toBe(ct.subgraph.statements.count);
  });

  it('the root query by PNC ID gives an uncleared caller null with no error for a restricted person, as for an unknown one', async () => {
    for (const [i, person] of restricted.entries()) {
      const aboutRestricted = await post(OFFENDER, { pncId: person.pncId }, UNCLEARED, ct);
      expect(aboutRestricted.errors).toBeUndefined();
      expect(aboutRestricted.data).toEqual({ offender: null });
      expect(aboutRestricted).toEqual(await post(OFFENDER, { pncId: unknown[i]!.pncId }, UNCLEARED, ct));
    }
    // The gate is by person, not by query: an unrestricted person still answers.
    const open = await post(OFFENDER, { pncId: unrestricted[0]!.pncId }, UNCLEARED, ct);
    expect(open.errors).toBeUndefined();
    expect(open.data?.offender).toEqual(expectedEntity(unrestricted[0]!));
  });

  it("A.R25, B.10, C.52: under DISCLOSURE_DECISION a person under 18 is unknown to the decision's parties, grant or not, until the decision has asked the YOT and children's services; adults and case management are unaffected", async () => {
    const today = calendarDateOf(new Date());
    const children = ctPeople.filter((person) => isUnder18(person.dateOfBirth, today) && !isRestricted(person));
    const adults = ctPeople.filter((person) => !isUnder18(person.dateOfBirth, today) && !isRestricted(person)).slice(0, 5);
    expect(children.length).toBeGreaterThan(0);
    const deciding: Caller = { ...officer('SC'), declaredPurpose: { purpose: 'DISCLOSURE_DECISION', caseId: 'DSC-POLICE-1' } };
    const ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId } } }';
    for (const [i, child] of children.slice(0, 5).entries()) {
      // Issue 11: each decision is about one person, so each child is asked about as a party to a decision about them.
      const party = withDisclosureEvidence(deciding, child.pncId);
      expect((await post(ENTITY, { r: representations([child]) }, party, ct)).data?._entities).toEqual([null]);
      expect((await post(ENTITY, { r: representations([child]) }, withCaseGrants(party, [child.pncId]), ct)).data?._entities).toEqual([
        null,
      ]);
      expect(await post(OFFENDER, { pncId: child.pncId }, party, ct)).toEqual(
        await post(OFFENDER, { pncId: unknown[i]!.pncId }, party, ct),
      );
      const asked = withDisclosureEvidence(deciding, child.pncId, { childSafeguardsMet: true });
      expect((await post(ENTITY, { r: representations([child]) }, asked, ct)).data?._entities).toEqual([{ pncId: child.pncId }]);
    }
    for (const adult of adults) {
      expect(
        (await post(ENTITY, { r: representations([adult]) }, withDisclosureEvidence(deciding, adult.pncId), ct)).data?._entities,
      ).toEqual([{ pncId: adult.pncId }]);
    }
    expect((await post(ENTITY, { r: representations(children) }, officer('SC'), ct)).data?._entities).toEqual(
      children.map((person) => ({ pncId: person.pncId })),
    );
  });

  it("issue 11, principle 9: under DISCLOSURE_DECISION no one is known without the decision's evidence, in the caller's area or by grant, and a party knows only the decision's subject", async () => {
    const adults = ctPeople
      .filter((person) => !isUnder18(person.dateOfBirth, calendarDateOf(new Date())) && !isRestricted(person))
      .slice(0, 3);
    const deciding: Caller = { ...officer('SC'), declaredPurpose: { purpose: 'DISCLOSURE_DECISION', caseId: 'DSC-POLICE-1' } };
    const ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId } } }';
    expect((await post(ENTITY, { r: representations(adults) }, deciding, ct)).data?._entities).toEqual(adults.map(() => null));
    expect(
      (
        await post(
          ENTITY,
          { r: representations(adults) },
          withCaseGrants(
            deciding,
            adults.map((person) => person.pncId),
          ),
          ct,
        )
      ).data?._entities,
    ).toEqual(adults.map(() => null));
    expect(
      (await post(ENTITY, { r: representations(adults) }, withDisclosureEvidence(deciding, adults[0]!.pncId), ct)).data?._entities,
    ).toEqual(adults.map((person, i) => (i === 0 ? { pncId: person.pncId } : null)));
  });

  it.each(['CTC', 'SC', 'DV'] as const)('a caller with %s clearance and the same roles sees the restricted people', async (clearance) => {
    const subjects = interleaved(restricted);
    const entities = await post(ENTITIES, { r: representations(subjects) }, officer(clearance), ct);
    expect(entities.errors).toBeUndefined();
    expect(entities.data?._entities).toEqual(subjects.map(expectedEntity));
    for (const person of restricted) {
      const byPncId = await post(OFFENDER, { pncId: person.pncId }, officer(clearance), ct);
      expect(byPncId.errors).toBeUndefined();
      expect(byPncId.data?.offender).toEqual(expectedEntity(person));
    }
  });
});

describe('ViSOR partner agencies: a per-record condition on the grant (A.R5, A.R6)', () => {
  // Everyone in the dataset is in Kent, the callers' area, and none is counter-terrorism restricted
  // (checked below), so row scope lets every subject through: what differs is only the record.
  const PROBATION = (purpose: 'CASE_MANAGEMENT' | 'MAPPA_SCREENING'): Caller => ({
    principal: {
      issuer: TEST_ISSUER,
      staffId: 'PP0301',
      agency: 'probation',
      roles: ['probation_practitioner'],
      area: MappaArea.KENT,
      clearance: 'BPSS',
    },
    declaredPurpose: { purpose, caseId: null },
  });
  // A.R5: the prison is a partner while it holds the person; custody is the prison's fact, which the
  // gateway vouches as the caller's HELD_IN_CUSTODY relationship (here, as the gateway would, for the
  // people the dataset has in custody).
  const PRISON_OM = (purpose: 'CASE_MANAGEMENT' | 'MAPPA_SCREENING'): Caller => ({
    principal: {
      issuer: TEST_ISSUER,
      staffId: 'POM0301',
      agency: 'prison',
      roles: ['prison_offender_manager'],
      area: MappaArea.KENT,
      clearance: 'BPSS',
    },
    declaredPurpose: { purpose, caseId: null },
    caseRelationships: { HELD_IN_CUSTODY: people.filter((person) => person.supervision === 'CUSTODY').map((person) => person.pncId) },
  });
  const SELECTION =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { pncId visorNominal { visorReference partnerAgencies } } } }';
  const withVisor = people.filter((person) => person.hasVisorRecord);
  // ViSOR lists the prison while it holds the person (A.R5), and probation on every level 2/3 nominal
  // (A.R7) and, at level 1, while it supervises the person, except on category 1 without the area's
  // local agreement (A.R6). So: in custody (prison listed); supervised outside at level 2/3 (probation
  // only); unsupervised at level 1 (no partner).
  const inCustody = withVisor.filter((person) => person.supervision === 'CUSTODY');
  const supervisedOutside = withVisor.filter(
    (person) => (person.supervision === 'LICENCE' || person.supervision === 'COMMUNITY_ORDER') && person.level >= 2,
  );
  const unsupervised = withVisor.filter((person) => person.supervision === 'NONE' && person.level === 1);
  const withoutVisor = people.filter((person) => !person.hasVisorRecord).slice(0, 1);
  const subjects = [...inCustody.slice(0, 2), ...supervisedOutside.slice(0, 2), ...unsupervised.slice(0, 2)];
  const representationsOf = (chosen: readonly SyntheticPerson[]) =>
    chosen.map((person) => ({ __typename: 'Offender', pncId: person.pncId }));

  /** The nominals as the police hold them, read by the police officer who owns them. */
  async function nominalsAsOwner(): Promise<Map<string, { visorReference: string; partnerAgencies: string[] } | null>> {
    const result = await post(SELECTION, { r: representationsOf(subjects) }, PPU_OFFICER);
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as {
      pncId: string;
      visorNominal: { visorReference: string; partnerAgencies: string[] } | null;
    }[];
    return new Map(entities.map((entity) => [entity.pncId, entity.visorNominal]));
  }

  it('the dataset holds nominals with PROBATION and PRISON, with PROBATION only, and with no partner, and a person without a nominal', async () => {
    expect([inCustody, supervisedOutside, unsupervised].every((group) => group.length >= 1)).toBe(true);
    expect(withoutVisor).toHaveLength(1);
    expect(subjects.some((person) => person.category === 4 || person.restrictedAccess)).toBe(false);
    const owned = await nominalsAsOwner();
    expect(inCustody.slice(0, 2).every((person) => owned.get(person.pncId)?.partnerAgencies.includes('PRISON') === true)).toBe(true);
    expect(supervisedOutside.slice(0, 2).every((person) => owned.get(person.pncId)?.partnerAgencies.join() === 'PROBATION')).toBe(true);
    expect(unsupervised.slice(0, 2).every((person) => owned.get(person.pncId)?.partnerAgencies.length === 0)).toBe(true);
  });

  it.each([
    ['A.R6: a probation practitioner', PROBATION, 'PROBATION'],
    ['A.R5: the prison offender manager', PRISON_OM, 'PRISON'],
  ] as const)(
    '%s managing a case sees the ViSOR nominal only where it lists their agency as a partner, and null without an error elsewhere (principle 9)',
    async (_name, callerFor, partner) => {
      const owned = await nominalsAsOwner();
      const result = await post(SELECTION, { r: representationsOf(subjects) }, callerFor('CASE_MANAGEMENT'));
      // The condition is about the record, so it gives no FORBIDDEN error: the operation is allowed.
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual(
        subjects.map((person) => {
          const nominal = owned.get(person.pncId) ?? null;
          return { pncId: person.pncId, visorNominal: nominal?.partnerAgencies.includes(partner) ? nominal : null };
        }),
      );
      // Both outcomes must occur among the subjects, or the test could not fail.
      const answers = (result.data?._entities as { visorNominal: unknown }[]).map((entity) => entity.visorNominal !== null);
      expect(answers).toContain(true);
      expect(answers).toContain(false);
    },
  );

  it.each([
    ['A.R6: a probation practitioner', PROBATION],
    ['A.R5: the prison offender manager', PRISON_OM],
  ] as const)(
    'principle 9: for %s, a nominal that does not list their agency answers exactly as a person with no nominal',
    async (_name, callerFor) => {
      const caller = callerFor('CASE_MANAGEMENT');
      const notPartner = unsupervised[0]!;
      const QUERY =
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offender { visorNominal { visorReference partnerAgencies } } } }';
      const withoutNominal = await post(QUERY, { r: representationsOf(withoutVisor) }, caller);
      expect(withoutNominal).toEqual({ data: { _entities: [{ visorNominal: null }] } });
      expect(await post(QUERY, { r: representationsOf([notPartner]) }, caller)).toEqual(withoutNominal);
    },
  );

  it('A.R5: a nominal listing the prison opens nothing to the prison offender manager unless the person is vouched in custody where they work', async () => {
    const { caseRelationships: _custody, ...notVouched } = PRISON_OM('CASE_MANAGEMENT');
    const result = await post(SELECTION, { r: representationsOf(inCustody.slice(0, 2)) }, notVouched);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(inCustody.slice(0, 2).map((person) => ({ pncId: person.pncId, visorNominal: null })));
  });

  it.each([
    ['A.R6, principle 3: a probation practitioner', PROBATION],
    ['A.R5, principle 3: the prison offender manager', PRISON_OM],
  ] as const)('%s screening for MAPPA reads every nominal, partner or not', async (_name, callerFor) => {
    const owned = await nominalsAsOwner();
    // Issue 10: screening a referral about each person in turn.
    for (const person of subjects) {
      const screening = withReferralEvidence(
        { ...callerFor('MAPPA_SCREENING'), declaredPurpose: { purpose: 'MAPPA_SCREENING', caseId: 'REF-1' } },
        person.pncId,
      );
      const result = await post(SELECTION, { r: representationsOf([person]) }, screening);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ pncId: person.pncId, visorNominal: owned.get(person.pncId) ?? null }]);
    }
    expect(subjects.every((person) => owned.get(person.pncId) !== null)).toBe(true);
  });
});

describe('issue 15: the person and their ViSOR nominal in one statement when the selection asks for both', () => {
  const adults = people.filter(adultToday);
  const withVisor = adults.filter((person) => person.hasVisorRecord).slice(0, 3);
  const withoutVisor = adults.filter((person) => !person.hasVisorRecord).slice(0, 2);
  const unknown = syntheticPeople(dataset.offenders, 2, dataset);
  const held = [...withVisor, ...withoutVisor].map((person) => person.pncId);
  const BOTH =
    'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } visorNominal { visorReference status partnerAgencies } } }';
  const PERSON_ONLY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } } }';
  const BY_FRAGMENT =
    'query($pncId: ID!) { offender(pncId: $pncId) { pncId ...nominal } } fragment nominal on Offender { visorNominal { visorReference } }';

  async function statementsOf(query: string, pncId: string, caller: Caller = PPU_OFFICER) {
    subgraph.statements.reset();
    const result = await post(query, { pncId }, caller);
    return { result, statements: subgraph.statements.count };
  }

  it('reads every person and nominal exactly as the person and nominal loaders do, in one statement, and the primed loaders send none', async () => {
    const keys = [...held, ...unknown.map((person) => person.pncId)];
    const { rows: persons, companions: nominals } = await expectJoinedReadAsSeparate(
      (statements) => {
        const loaders = createPoliceLoaders(database.connection.database(statements));
        return { joined: loaders.personWithVisorNominal, rows: loaders.person, companions: loaders.visorNominal };
      },
      keys,
      held,
    );
    // Both outcomes occur, or the comparison could not fail: nominals held and not, people unknown.
    expect(nominals.filter((nominal) => nominal !== null)).toHaveLength(withVisor.length);
    expect(nominals.filter((nominal) => nominal === null)).toHaveLength(withoutVisor.length);
    expect(persons.slice(held.length)).toEqual([null, null]);
  });

  it("the single offender view's police request: one statement for the person and the nominal (two before), one for the person alone, one with the nominal asked through a fragment", async () => {
    const both = await statementsOf(BOTH, withVisor[0]!.pncId);
    expect(both.result.errors).toBeUndefined();
    expect(both.result.data?.offender).toMatchObject({ pncId: withVisor[0]!.pncId, visorNominal: { status: expect.any(String) } });
    expect(both.statements).toBe(1);
    const none = await statementsOf(BOTH, withoutVisor[0]!.pncId);
    expect(none.result.data?.offender).toMatchObject({ pncId: withoutVisor[0]!.pncId, visorNominal: null });
    expect(none.statements).toBe(1);
    expect((await statementsOf(PERSON_ONLY, withVisor[0]!.pncId)).statements).toBe(1);
    const byFragment = await statementsOf(BY_FRAGMENT, withVisor[0]!.pncId);
    expect(byFragment.result.data?.offender).toMatchObject({ visorNominal: { visorReference: expect.any(String) } });
    expect(byFragment.statements).toBe(1);
  });

  it('principle 5: a duty-to-co-operate attendee at the meeting about the person sees the identity, the nominal read with it stays FORBIDDEN', async () => {
    const subject = withVisor[0]!;
    const { result, statements } = await statementsOf(BOTH, subject.pncId, withMeetingEvidence(DTC, subject.pncId));
    expect(result.data?.offender).toEqual({ pncId: subject.pncId, identity: { lastName: subject.lastName }, visorNominal: null });
    expect(result.errors?.map((error) => [error.extensions?.code, (error.extensions as { policy?: string } | undefined)?.policy])).toEqual([
      ['FORBIDDEN', 'police.visorNominalRecord'],
    ]);
    expect(statements).toBe(1);
  });

  it('principle 2, principle 9: a principal of another area gets for a person with a nominal exactly the answer for an unknown PNC ID, in the same statements', async () => {
    for (const [i, person] of [withVisor[0]!, withoutVisor[0]!].entries()) {
      const aboutPerson = await statementsOf(BOTH, person.pncId, IN_LONDON);
      const aboutUnknown = await statementsOf(BOTH, unknown[i]!.pncId, IN_LONDON);
      expect(aboutPerson.result).toEqual({ data: { offender: null } });
      expect(aboutPerson).toEqual(aboutUnknown);
    }
  });
});
