import { sql } from 'drizzle-orm';
import { formatPncId, MAPPA_AREAS } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertDisclosureDecision, requestConsultation } from './support/disclosure-records';
import { insertMeeting } from './support/mappa-records';
import { postGraphQL, startGatewayOver, startTestStack } from './support/test-stack';
import type { GraphQLResponse, TestStack } from './support/test-stack';

// Issue 11: DISCLOSURE_DECISION is bound to the decision named in x-mappa-case, through the gateway
// with real subgraphs. The decision's holder (the MAPPA unit for levels 2 and 3, probation or the
// police for level 1) answers the caller's standing from its own rows; every owner then serves the
// decision's subject, and no one else, through its own policies. Decisions are written straight into
// their holder's tables (the workflow mutations are another part of the issue).

let env: TestStack;
/** An adult at level 2 or 3 the police hold intelligence on that may leave the police, with a current probation case: the subject of the level 2/3 decision. */
let subject: SyntheticPerson;
/** An adult at level 1 with a current probation case, in the subject's area: the subject of probation's level 1 decision. */
let levelOne: SyntheticPerson;
/** A child with an active MAPPA case. */
let child: SyntheticPerson;

let practitioner: PrincipalClaims;
let coordinator: PrincipalClaims;
let chair: PrincipalClaims;
let seniorProbationOfficer: PrincipalClaims;
let ppuOfficer: PrincipalClaims;

let mappaDecision: string;
let probationDecision: string;
let policeDecision: string;

// The police intelligence summary is granted to probation and the co-ordinator under MAPPA_MEETING and
// DISCLOSURE_DECISION only: what a made-up decision id used to open.
const INTELLIGENCE = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId intelligence { recordedDate } } }';
const KEY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }';
/** A well-formed PNC ID no one holds: what a decision that does not concern the caller must look like. */
const UNKNOWN_PNC_ID = formatPncId(1999, 1);

async function ask(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  pncId: string,
  url = `${env.stack.gateway.url}/graphql`,
): Promise<GraphQLResponse> {
  return postGraphQL(url, query, { pncId }, await env.headersFor(principal, purpose));
}

const deciding = (decisionId: string): DeclaredPurpose => ({ purpose: 'DISCLOSURE_DECISION', caseId: decisionId });

async function pncIdsWith(query: string): Promise<Set<string>> {
  const result = (await env.connection.database().execute(sql.raw(query))) as unknown as { rows: { pnc_id: string }[] };
  return new Set(result.rows.map((row) => row.pnc_id));
}

/** What the caller is served of the person, as an intelligence-reading party would ask. */
const intelligenceOf = async (principal: PrincipalClaims, decisionId: string, pncId: string) => {
  const result = await ask(principal, deciding(decisionId), INTELLIGENCE, pncId);
  expect(result.errors).toBeUndefined();
  return result.data?.offender as { pncId: string; intelligence: unknown[] } | null;
};

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 31, asOf: '2026-11-01' } });
  // Principle 4, B §1: items that may leave the police (handling code P, or C with the originator's agreement for MAPPA partners).
  const withIntelligence = await pncIdsWith(
    "select distinct i.pnc_id from police.intelligence_item i where i.handling_code = 'P' or exists (select 1 from police.intelligence_sharing_agreement a where a.item_reference = i.reference and a.shared_with = 'MAPPA_PARTNERS' and a.withdrawn_at is null)",
  );
  const active = await pncIdsWith("select pnc_id from mappa.mappa_case where status = 'ACTIVE' and not ct_restricted");
  const currentProbation = await pncIdsWith("select pnc_id from probation.probation_case where status = 'CURRENT'");
  const plain = (person: SyntheticPerson) => person.category !== 4 && !person.restrictedAccess && active.has(person.pncId);
  subject = env.people.find(
    (person) =>
      plain(person) && !person.isYouth && person.level >= 2 && currentProbation.has(person.pncId) && withIntelligence.has(person.pncId),
  )!;
  levelOne = env.people.find(
    (person) =>
      plain(person) &&
      !person.isYouth &&
      person.level === 1 &&
      person.area === subject.area &&
      currentProbation.has(person.pncId) &&
      withIntelligence.has(person.pncId),
  )!;
  child = env.people.find((person) => plain(person) && person.isYouth)!;
  for (const [label, person] of Object.entries({ subject, levelOne, child })) if (!person) throw new Error(`no ${label} in the dataset`);
  practitioner = { staffId: 'NPS20001', agency: 'probation', roles: ['probation_practitioner'], area: subject.area, clearance: 'BPSS' };
  seniorProbationOfficer = {
    staffId: 'NPS20002',
    agency: 'probation',
    roles: ['senior_probation_officer'],
    area: subject.area,
    clearance: 'BPSS',
  };
  coordinator = { staffId: 'MCU20001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: subject.area, clearance: 'SC' };
  chair = { staffId: 'CHAIR20001', agency: 'police', roles: ['mappa_chair'], area: subject.area, clearance: 'SC' };
  ppuOfficer = { staffId: 'PPU20001', agency: 'police', roles: ['ppu_officer'], area: subject.area, clearance: 'SC' };
  const meetingId = await insertMeeting(env, subject.pncId, { chair });
  mappaDecision = await insertDisclosureDecision(env, {
    holder: 'MAPPA',
    pncId: subject.pncId,
    area: subject.area,
    proposer: practitioner,
    meetingId,
    items: [{ sourceAgency: 'prison' }],
  });
  probationDecision = await insertDisclosureDecision(env, {
    holder: 'PROBATION',
    pncId: levelOne.pncId,
    area: levelOne.area,
    proposer: practitioner,
  });
  policeDecision = await insertDisclosureDecision(env, {
    holder: 'POLICE',
    pncId: levelOne.pncId,
    area: levelOne.area,
    proposer: ppuOfficer,
  });
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

describe('DISCLOSURE_DECISION bound to the decision (issue 11)', () => {
  it("issue 11, principle 9: a made-up decision id, a real one the caller is not party to and another area's decision read nothing, exactly like an unknown PNC ID", async () => {
    const unknownPerson = await ask(practitioner, deciding(mappaDecision), INTELLIGENCE, UNKNOWN_PNC_ID);
    expect(unknownPerson).toEqual({ data: { offender: null } });
    const elsewhere = MAPPA_AREAS.find((area) => area !== subject.area)!;
    const elsewhereDecision = await insertDisclosureDecision(env, {
      holder: 'PROBATION',
      pncId: levelOne.pncId,
      area: elsewhere,
      proposer: practitioner,
    });
    const notAParty: PrincipalClaims = { ...practitioner, staffId: 'NPS20099' };
    const attempts: [PrincipalClaims, string][] = [
      // Made up, for each holder, and not a decision id at all.
      [practitioner, 'DSC-MAPPA-MADE-UP-1'],
      [practitioner, 'DSC-PROBATION-MADE-UP-1'],
      [ppuOfficer, 'DSC-POLICE-MADE-UP-1'],
      [coordinator, 'DSC-MAPPA-MADE-UP-1'],
      [practitioner, 'DD-1'],
      // Real, but the caller is no party to it.
      [notAParty, mappaDecision],
      [notAParty, probationDecision],
      // Another area's decision, proposed by the very same staff id.
      [practitioner, elsewhereDecision],
      // A level 1 decision's id presented as another holder's.
      [practitioner, probationDecision.replace('DSC-PROBATION-', 'DSC-MAPPA-')],
    ];
    for (const [principal, decisionId] of attempts) {
      for (const person of [subject, levelOne]) {
        expect([decisionId, await ask(principal, deciding(decisionId), INTELLIGENCE, person.pncId)]).toEqual([decisionId, unknownPerson]);
      }
    }
  });

  it('issue 11: the decision names one subject: a party reads no one else under it', async () => {
    expect(await intelligenceOf(practitioner, mappaDecision, levelOne.pncId)).toBeNull();
    expect(await intelligenceOf(practitioner, probationDecision, subject.pncId)).toBeNull();
  });

  it('principle 1: once a decision is withdrawn its parties no longer reach its subject (the decision record stays theirs to read at its holder)', async () => {
    const withdrawn = await insertDisclosureDecision(env, {
      holder: 'PROBATION',
      pncId: levelOne.pncId,
      area: levelOne.area,
      proposer: practitioner,
    });
    expect((await intelligenceOf(practitioner, withdrawn, levelOne.pncId))?.pncId).toBe(levelOne.pncId);
    await env.connection
      .database()
      .execute(
        sql`update probation.disclosure_decision set status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by_staff_id = ${practitioner.staffId}, withdrawal_reason = 'No longer needed' where decision_id = ${withdrawn}`,
      );
    expect(await intelligenceOf(practitioner, withdrawn, levelOne.pncId)).toBeNull();
    expect(await ask(practitioner, deciding(withdrawn), KEY, levelOne.pncId)).toEqual(
      await ask(practitioner, deciding(withdrawn), KEY, UNKNOWN_PNC_ID),
    );
  });

  it('B.7, B §2 "Who decides": the parties of a level 2/3 decision read its subject through each owner\'s own policies', async () => {
    // The proposer, the chair of the decision's meeting and the area's co-ordinator: the police serve them their intelligence summary.
    for (const party of [practitioner, chair, coordinator]) {
      const served = await intelligenceOf(party, mappaDecision, subject.pncId);
      expect(served?.pncId).toBe(subject.pncId);
      expect(served?.intelligence.length).toBeGreaterThan(0);
    }
    // The owner of an item (B.8): the prison offender manager is served the subject, but the police's
    // policy does not give the prison its intelligence, under this purpose or any.
    const prisonOwner: PrincipalClaims = {
      staffId: 'POM20001',
      agency: 'prison',
      roles: ['prison_offender_manager'],
      area: subject.area,
      clearance: 'BPSS',
    };
    expect((await ask(prisonOwner, deciding(mappaDecision), KEY, subject.pncId)).data?.offender).toEqual({ pncId: subject.pncId });
    // The co-ordinator of another area stands to nothing.
    const elsewhere = MAPPA_AREAS.find((area) => area !== subject.area)!;
    expect(await intelligenceOf({ ...coordinator, area: elsewhere }, mappaDecision, subject.pncId)).toBeNull();
  });

  it("issue 11, principle 9: the MAPPA unit serves its case under DISCLOSURE_DECISION to the decision's parties only, about its subject only", async () => {
    const MAPPA_CASE = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { caseId level } } }';
    const served = await ask(practitioner, deciding(mappaDecision), MAPPA_CASE, subject.pncId);
    expect(served.errors).toBeUndefined();
    expect((served.data?.offender as { mappaCase: { caseId: string } | null } | null)?.mappaCase?.caseId).toEqual(expect.any(String));
    const unknownPerson = await ask(practitioner, deciding(mappaDecision), MAPPA_CASE, UNKNOWN_PNC_ID);
    expect(unknownPerson).toEqual({ data: { offender: null } });
    const notAParty: PrincipalClaims = { ...practitioner, staffId: 'NPS20098' };
    for (const [principal, decisionId, pncId] of [
      [notAParty, mappaDecision, subject.pncId],
      [practitioner, 'DSC-MAPPA-MADE-UP-2', subject.pncId],
      [practitioner, mappaDecision, levelOne.pncId],
    ] as const) {
      expect([principal.staffId, decisionId, pncId, await ask(principal, deciding(decisionId), MAPPA_CASE, pncId)]).toEqual([
        principal.staffId,
        decisionId,
        pncId,
        unknownPerson,
      ]);
    }
  });

  it('B §2 "Level 1": a probation level 1 decision works through the gateway for its parties; the MAPPA co-ordinator gets nothing with it', async () => {
    for (const party of [practitioner, seniorProbationOfficer]) {
      const served = await intelligenceOf(party, probationDecision, levelOne.pncId);
      expect(served?.pncId).toBe(levelOne.pncId);
      expect(served?.intelligence.length).toBeGreaterThan(0);
    }
    expect(await intelligenceOf(coordinator, probationDecision, levelOne.pncId)).toBeNull();
    expect(await ask(coordinator, deciding(probationDecision), KEY, levelOne.pncId)).toEqual({ data: { offender: null } });
  });

  it('B §2 "Level 1": a police level 1 decision works for its proposer and another PPU officer (its decision maker); not for the co-ordinator or probation', async () => {
    const decisionMaker: PrincipalClaims = { ...ppuOfficer, staffId: 'PPU20002' };
    for (const party of [ppuOfficer, decisionMaker])
      expect((await ask(party, deciding(policeDecision), KEY, levelOne.pncId)).data?.offender).toEqual({ pncId: levelOne.pncId });
    expect(await intelligenceOf(coordinator, policeDecision, levelOne.pncId)).toBeNull();
    expect(await intelligenceOf(seniorProbationOfficer, policeDecision, levelOne.pncId)).toBeNull();
  });

  it("B.10, C.52, A.R25: an under-18 subject is refused until both the senior YOT member and children's services are asked", async () => {
    const childPractitioner: PrincipalClaims = { ...practitioner, staffId: 'NPS20010', area: child.area };
    const meetingId = await insertMeeting(env, child.pncId);
    const decisionId = await insertDisclosureDecision(env, {
      holder: 'MAPPA',
      pncId: child.pncId,
      area: child.area,
      proposer: childPractitioner,
      meetingId,
      subjectUnder18: true,
    });
    const served = async () => (await ask(childPractitioner, deciding(decisionId), KEY, child.pncId)).data?.offender ?? null;
    expect(await served()).toBeNull();
    await requestConsultation(env, 'MAPPA', decisionId, 'YOT_SENIOR');
    expect(await served()).toBeNull();
    await requestConsultation(env, 'MAPPA', decisionId, 'CHILDRENS_SERVICES');
    expect(await served()).toEqual({ pncId: child.pncId });
    // And now the YOT manager asked is a party too.
    const yotManager: PrincipalClaims = { staffId: 'YOT20001', agency: 'yot', roles: ['yot_manager'], area: child.area, clearance: 'BPSS' };
    expect((await ask(yotManager, deciding(decisionId), KEY, child.pncId)).data?.offender).toEqual({ pncId: child.pncId });
  });
});

describe('what the binding costs', () => {
  const count = async (principal: PrincipalClaims, decisionId: string, pncId: string) => {
    env.resetCounters();
    const result = await ask(principal, deciding(decisionId), 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }', pncId);
    expect(result.errors).toBeUndefined();
    const { mappa, probation, police } = env.stack.subgraphs;
    return { mappa: mappa.requests.count, probation: probation.requests.count, police: police.requests.count };
  };

  it('issue 11: a level 2/3 decision costs one request to the MAPPA unit (grants and evidence together); a level 1 decision one to its holder beside the grants, asked at once', async () => {
    expect(await count(practitioner, mappaDecision, subject.pncId)).toEqual({ mappa: 1, probation: 0, police: 1 });
    // Grants from the MAPPA unit and the evidence from probation, in parallel: one round trip.
    expect(await count(practitioner, probationDecision, levelOne.pncId)).toEqual({ mappa: 1, probation: 1, police: 1 });
    expect(await count(ppuOfficer, policeDecision, levelOne.pncId)).toEqual({ mappa: 1, probation: 0, police: 2 });
    // Not a decision id: no one is asked for evidence.
    expect(await count(practitioner, 'DD-1', subject.pncId)).toEqual({ mappa: 1, probation: 0, police: 1 });
  });
});

describe('when the holder cannot answer, the request goes on with no evidence (fail closed)', () => {
  it("issue 11: probation unreachable for its evidence: its level 1 decision's parties read nothing, like anyone without standing", async () => {
    // A second gateway over the same subgraphs, but with probation at an address where nothing listens.
    const gateway = await startGatewayOver(env, {
      subgraphUrls: {
        ...Object.fromEntries(Object.values(env.stack.subgraphs).map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
        probation: 'http://127.0.0.1:9/graphql',
      },
    });
    try {
      const url = `${gateway.url}/graphql`;
      expect(await ask(practitioner, deciding(probationDecision), KEY, levelOne.pncId, url)).toEqual({ data: { offender: null } });
      // The other holders' decisions are unaffected.
      expect((await ask(practitioner, deciding(mappaDecision), KEY, subject.pncId, url)).data?.offender).toEqual({ pncId: subject.pncId });
      expect((await ask(ppuOfficer, deciding(policeDecision), KEY, levelOne.pncId, url)).data?.offender).toEqual({ pncId: levelOne.pncId });
    } finally {
      await gateway.close();
    }
  });

  it("issue 11: the MAPPA unit unreachable for the grants: a level 1 decision's party reads nothing either (neither grants nor evidence, as today)", async () => {
    const gateway = await startGatewayOver(env, {
      subgraphUrls: {
        ...Object.fromEntries(Object.values(env.stack.subgraphs).map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
        mappa: 'http://127.0.0.1:9/graphql',
      },
    });
    try {
      expect(await ask(practitioner, deciding(probationDecision), KEY, levelOne.pncId, `${gateway.url}/graphql`)).toEqual({
        data: { offender: null },
      });
    } finally {
      await gateway.close();
    }
  });
});
