import { sql } from 'drizzle-orm';
import { formatPncId, MAPPA_AREAS, calendarDateOf } from '@mappa/shared';
import { TEST_ISSUER, postGraphQL } from '@mappa/testing';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson, PrincipalAgency } from '@mappa/shared';
import {
  insertDisclosureDecision,
  requestConsultation,
  insertMeeting,
  insertReferral,
  inviteToMeeting,
  leaveMeeting,
  signAttendance,
  startGatewayOver,
  startTestStack,
} from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// One stack, three former test files (disclosure-purpose-binding, meeting-purpose-binding and
// mappa-j-jobcentre): they started the same stack over the same dataset, so each paid for evaluating
// the product's modules, loading its database and starting six services. Each part still writes
// rows of its own, about principals of its own (distinct staff ids), and reads what it wrote.

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
  env = await startTestStack();
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

// Formerly meeting-purpose-binding.test.ts: the same stack (dataset and options) as above, its own rows and principals.
describe('meeting and referral purposes (issue 10)', () => {
  // Issue 10: MAPPA_MEETING is bound to the meeting named in x-mappa-case and MAPPA_SCREENING to a
  // referral, through the gateway with real subgraphs. The meetings, invitations, attendance and
  // referrals are written straight into the MAPPA unit's tables (the workflows that write them are
  // other parts of the issue); what is tested is what every owner then serves.

  /** An adult at level 2 or 3 the police hold intelligence on: the subject of the main meeting. */
  let subject: SyntheticPerson;
  /** An adult at level 1 in the same area: never has a meeting. */
  let levelOne: SyntheticPerson;
  /** A child with a MAPPA case. */
  let child: SyntheticPerson;
  /** An adult who is counter-terrorism restricted (category 4 or restricted access). */
  let restricted: SyntheticPerson;

  /** A probation practitioner of the subject's area, BPSS: reads the police intelligence summary at a meeting only. */
  let practitioner: PrincipalClaims;
  let coordinator: PrincipalClaims;

  let meetingId: string;
  let invitationId: string;

  // Meeting-only material: the police intelligence summary is granted to probation under
  // MAPPA_MEETING and DISCLOSURE_DECISION only, never under screening.
  const MEETING_VIEW = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId intelligence { recordedDate } } }';
  const SUMMARY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level leadAgency } } }';
  /** The duty-to-co-operate minimal summary (A.R26), and one field beyond it. */
  const DTC_VIEW =
    'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { firstName lastName dateOfBirth } mappaCase { level leadAgency } probationCase { communityOffenderManager { surname } } intelligence { recordedDate } } }';

  const NOTHING = { data: { offender: null } };

  async function ask(principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, pncId: string): Promise<GraphQLResponse> {
    return postGraphQL(`${env.stack.gateway.url}/graphql`, query, { pncId }, await env.headersFor(principal, purpose));
  }

  const atMeeting = (id: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: id });
  const screening = (id: string | null): DeclaredPurpose => ({ purpose: 'MAPPA_SCREENING', caseId: id });

  async function pncIdsWith(query: string): Promise<Set<string>> {
    const result = (await env.connection.database().execute(sql.raw(query))) as unknown as { rows: { pnc_id: string }[] };
    return new Set(result.rows.map((row) => row.pnc_id));
  }

  beforeAll(async () => {
    // Principle 4, B §1: items that may leave the police (handling code P, or C with the originator's agreement for MAPPA partners).
    const withIntelligence = await pncIdsWith(
      "select distinct i.pnc_id from police.intelligence_item i where i.handling_code = 'P' or exists (select 1 from police.intelligence_sharing_agreement a where a.item_reference = i.reference and a.shared_with = 'MAPPA_PARTNERS' and a.withdrawn_at is null)",
    );
    const active = await pncIdsWith("select pnc_id from mappa.mappa_case where status = 'ACTIVE' and not ct_restricted");
    const activeRestricted = await pncIdsWith("select pnc_id from mappa.mappa_case where status = 'ACTIVE' and ct_restricted");
    const plain = (person: SyntheticPerson) => person.category !== 4 && !person.restrictedAccess && active.has(person.pncId);
    subject = env.people.find(
      (person) => plain(person) && !person.isYouth && person.level >= 2 && person.crn !== null && withIntelligence.has(person.pncId),
    )!;
    levelOne =
      env.people.find((person) => plain(person) && !person.isYouth && person.level === 1 && person.area === subject.area) ??
      env.people.find((person) => plain(person) && !person.isYouth && person.level === 1)!;
    child = env.people.find((person) => plain(person) && person.isYouth)!;
    restricted = env.people.find((person) => !person.isYouth && activeRestricted.has(person.pncId))!;
    for (const [label, person] of Object.entries({ subject, levelOne, child, restricted }))
      if (!person) throw new Error(`no ${label} in the dataset`);
    practitioner = { staffId: 'NPS10001', agency: 'probation', roles: ['probation_practitioner'], area: subject.area, clearance: 'BPSS' };
    coordinator = { staffId: 'MCU10001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: subject.area, clearance: 'SC' };
    meetingId = await insertMeeting(env, subject.pncId);
    ({ invitationId } = await inviteToMeeting(env, meetingId, { staffId: practitioner.staffId, agency: 'probation' }));
    await signAttendance(env, meetingId, practitioner, invitationId);
  });

  describe('MAPPA_MEETING bound to the meeting (issue 10)', () => {
    it("issue 10, principle 9: a made-up meeting id reaches nothing of anyone, in the caller's area or not, for the co-ordinator neither", async () => {
      for (const person of [subject, levelOne]) {
        expect(await ask(practitioner, atMeeting('MTG-MADE-UP-1'), MEETING_VIEW, person.pncId)).toEqual(NOTHING);
        expect(await ask({ ...practitioner, staffId: 'NPS10099' }, atMeeting(meetingId), MEETING_VIEW, person.pncId)).toEqual(NOTHING);
        expect(await ask({ ...coordinator, area: person.area }, atMeeting('MTG-MADE-UP-1'), SUMMARY, person.pncId)).toEqual(NOTHING);
      }
    });

    it('issue 10, A §5: a level 1 case has no meeting, so no meeting-only material, even to an attendee of another meeting in the same area', async () => {
      expect(levelOne.level).toBe(1);
      expect(await ask(practitioner, atMeeting(meetingId), MEETING_VIEW, levelOne.pncId)).toEqual(NOTHING);
    });

    it('principle 9: an unknown meeting id is answered exactly like a meeting that does not concern the person', async () => {
      const notAbout = await ask(practitioner, atMeeting(meetingId), MEETING_VIEW, levelOne.pncId);
      const unknown = await ask(practitioner, atMeeting('MTG-UNKNOWN-1'), MEETING_VIEW, levelOne.pncId);
      expect(unknown).toEqual(notAbout);
    });

    it("B.25, B.54: a signed attendee sees their policy's fields of the meeting's subject", async () => {
      const result = await ask(practitioner, atMeeting(meetingId), MEETING_VIEW, subject.pncId);
      expect(result.errors).toBeUndefined();
      const offender = result.data?.offender as { pncId: string; intelligence: unknown[] };
      expect(offender.pncId).toBe(subject.pncId);
      expect(offender.intelligence.length).toBeGreaterThan(0);
    });

    it('B.25: an invitee who has not signed attendance sees nothing of the subject', async () => {
      const unsigned: PrincipalClaims = { ...practitioner, staffId: 'NPS10002' };
      await inviteToMeeting(env, meetingId, { staffId: unsigned.staffId, agency: 'probation' });
      expect(await ask(unsigned, atMeeting(meetingId), MEETING_VIEW, subject.pncId)).toEqual(NOTHING);
    });

    it('B.25: after leaving the meeting, an attendee sees nothing of the subject', async () => {
      const leaver: PrincipalClaims = { ...practitioner, staffId: 'NPS10003' };
      const invitation = await inviteToMeeting(env, meetingId, { staffId: leaver.staffId, agency: 'probation' });
      await signAttendance(env, meetingId, leaver, invitation.invitationId);
      expect((await ask(leaver, atMeeting(meetingId), SUMMARY, subject.pncId)).data?.offender).not.toBeNull();
      await leaveMeeting(env, meetingId, leaver.staffId);
      expect(await ask(leaver, atMeeting(meetingId), SUMMARY, subject.pncId)).toEqual(NOTHING);
    });

    it("issue 10: the chair and the area's co-ordinator stand to the meeting without an invitation; the co-ordinator of another area does not", async () => {
      const chair: PrincipalClaims = {
        staffId: 'CHAIR10001',
        agency: 'police',
        roles: ['mappa_chair'],
        area: subject.area,
        clearance: 'SC',
      };
      const chaired = await insertMeeting(env, subject.pncId, { chair });
      expect((await ask(chair, atMeeting(chaired), SUMMARY, subject.pncId)).data?.offender).toMatchObject({ pncId: subject.pncId });
      expect((await ask(coordinator, atMeeting(chaired), SUMMARY, subject.pncId)).data?.offender).toMatchObject({ pncId: subject.pncId });
      const elsewhere = MAPPA_AREAS.find((area) => area !== subject.area)!;
      expect(await ask({ ...coordinator, area: elsewhere }, atMeeting(chaired), SUMMARY, subject.pncId)).toEqual(NOTHING);
    });

    it('issue 10: a cancelled meeting reaches no one', async () => {
      const cancelled = await insertMeeting(env, subject.pncId, { status: 'CANCELLED' });
      expect(await ask(coordinator, atMeeting(cancelled), SUMMARY, subject.pncId)).toEqual(NOTHING);
    });

    it('A.R26, principle 5: an invited duty-to-co-operate attendee sees exactly the minimal summary for that meeting, and nothing once the grant ends', async () => {
      const housing: PrincipalClaims = {
        staffId: 'HSG10001',
        agency: 'housing',
        roles: ['dtc_attendee'],
        area: subject.area,
        clearance: 'BPSS',
      };
      // Invited until a few seconds from now: the end of the invitation's grant.
      const grantEnds = new Date(Date.now() + 5_000);
      const invitation = await inviteToMeeting(env, meetingId, { agency: 'housing', role: 'dtc_attendee' }, { validUntil: grantEnds });
      await signAttendance(env, meetingId, housing, invitation.invitationId);
      const served = await ask(housing, atMeeting(meetingId), DTC_VIEW, subject.pncId);
      expect((served.errors ?? []).map((error) => error.path?.join('.'))).toEqual(['offender.intelligence']);
      expect(served.data?.offender).toEqual({
        pncId: subject.pncId,
        identity: { firstName: subject.firstName, lastName: subject.lastName, dateOfBirth: subject.dateOfBirth },
        mappaCase: { level: subject.level, leadAgency: subject.leadAgency },
        probationCase: { communityOffenderManager: { surname: expect.any(String) } },
        intelligence: null,
      });
      // Nobody else's summary at the same meeting.
      expect(await ask(housing, atMeeting(meetingId), SUMMARY, levelOne.pncId)).toEqual(NOTHING);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, grantEnds.getTime() - Date.now() + 100)));
      expect(await ask(housing, atMeeting(meetingId), SUMMARY, subject.pncId)).toEqual(NOTHING);
    });

    it("A.R25, B.10: a child's meeting serves nothing without the YOT and children's services attending or consulted, and is served with them", async () => {
      const childMeeting = await insertMeeting(env, child.pncId);
      const invited = await inviteToMeeting(env, childMeeting, { staffId: practitioner.staffId, agency: 'probation' });
      await signAttendance(env, childMeeting, practitioner, invited.invitationId);
      expect(await ask(practitioner, atMeeting(childMeeting), SUMMARY, child.pncId)).toEqual(NOTHING);
      // The YOT invited and attending; children's services invited but neither attending nor consulted.
      const yot: PrincipalClaims = { staffId: 'YOT10001', agency: 'yot', roles: ['yot_case_manager'], area: child.area, clearance: 'BPSS' };
      const yotInvitation = await inviteToMeeting(env, childMeeting, { agency: 'yot', role: 'yot_case_manager' });
      await signAttendance(env, childMeeting, yot, yotInvitation.invitationId);
      const csc = await inviteToMeeting(env, childMeeting, { agency: 'children_social_care', role: 'dtc_attendee' });
      expect(await ask(practitioner, atMeeting(childMeeting), SUMMARY, child.pncId)).toEqual(NOTHING);
      // Children's services consulted: both safeguards met.
      await env.connection
        .database()
        .execute(
          sql`update mappa.meeting_invitation set consulted_at = now(), consultation_note = 'Test: consulted' where invitation_id = ${csc.invitationId}`,
        );
      const served = await ask(practitioner, atMeeting(childMeeting), SUMMARY, child.pncId);
      expect(served.errors).toBeUndefined();
      expect(served.data?.offender).toMatchObject({ pncId: child.pncId });
      // A disclosure decision about the child still fails closed (C.52), whatever the meeting.
      expect(await ask(practitioner, { purpose: 'DISCLOSURE_DECISION', caseId: childMeeting }, SUMMARY, child.pncId)).toEqual(NOTHING);
    });

    it('principle 7: the counter-terrorism gate still holds at a meeting: an uncleared attendee sees nothing, a cleared one is served', async () => {
      const ctMeeting = await insertMeeting(env, restricted.pncId);
      const cleared: PrincipalClaims = { ...practitioner, staffId: 'NPS10004', clearance: 'CTC' };
      for (const attendee of [practitioner, cleared]) {
        const invitation = await inviteToMeeting(env, ctMeeting, { staffId: attendee.staffId, agency: 'probation' });
        await signAttendance(env, ctMeeting, attendee, invitation.invitationId);
      }
      expect(await ask(practitioner, atMeeting(ctMeeting), SUMMARY, restricted.pncId)).toEqual(NOTHING);
      expect((await ask(cleared, atMeeting(ctMeeting), SUMMARY, restricted.pncId)).data?.offender).toMatchObject({
        pncId: restricted.pncId,
      });
    });

    it('issue 10: a hand-made grant for a meeting about someone else never reaches the person it names', async () => {
      const visitor: PrincipalClaims = { ...practitioner, staffId: 'NPS10005' };
      // The grant names levelOne but is for the subject's meeting.
      await env.connection.database().execute(
        sql`insert into mappa.case_access_grant (grant_id, grantee_staff_id, grantee_issuer, pnc_id, purpose, case_id, valid_from, valid_until, reason, created_by_staff_id)
            values (gen_random_uuid()::text, ${visitor.staffId}, ${TEST_ISSUER}, ${levelOne.pncId}, 'MAPPA_MEETING', ${meetingId}, now() - interval '1 minute', now() + interval '1 day', 'Test', 'MCU-TEST-0001')`,
      );
      expect(await ask(visitor, atMeeting(meetingId), SUMMARY, levelOne.pncId)).toEqual(NOTHING);
    });
  });

  describe('MAPPA_SCREENING bound to a referral (issue 10)', () => {
    it('issue 10: MAPPA_SCREENING with no referral reaches nothing, whether no id or a made-up one is declared', async () => {
      expect(await ask(practitioner, screening(null), SUMMARY, subject.pncId)).toEqual(NOTHING);
      expect(await ask(practitioner, screening('REF-MADE-UP-1'), SUMMARY, subject.pncId)).toEqual(NOTHING);
    });

    it("issue 10: another agency's referral reaches nothing", async () => {
      const police: PrincipalClaims = {
        staffId: 'PPU10001',
        agency: 'police',
        roles: ['ppu_officer'],
        area: subject.area,
        clearance: 'SC',
      };
      const referralId = await insertReferral(env, subject.pncId, police);
      expect(await ask(practitioner, screening(referralId), SUMMARY, subject.pncId)).toEqual(NOTHING);
    });

    it("issue 10: the caller's own agency's open referral reaches that person only", async () => {
      const referralId = await insertReferral(env, subject.pncId, { ...practitioner, staffId: 'NPS10010' });
      const served = await ask(practitioner, screening(referralId), SUMMARY, subject.pncId);
      expect(served.errors).toBeUndefined();
      expect(served.data?.offender).toEqual({ pncId: subject.pncId, mappaCase: { level: subject.level, leadAgency: subject.leadAgency } });
      expect(await ask(practitioner, screening(referralId), SUMMARY, levelOne.pncId)).toEqual(NOTHING);
    });

    it('issue 10: a screened referral reaches its referrer, and not a colleague of the same agency', async () => {
      const referralId = await insertReferral(env, subject.pncId, practitioner, { status: 'REJECTED' });
      expect((await ask(practitioner, screening(referralId), SUMMARY, subject.pncId)).data?.offender).toMatchObject({
        pncId: subject.pncId,
      });
      expect(await ask({ ...practitioner, staffId: 'NPS10011' }, screening(referralId), SUMMARY, subject.pncId)).toEqual(NOTHING);
    });

    it('issue 10: the co-ordinator screens their area without naming a referral', async () => {
      expect((await ask(coordinator, screening(null), SUMMARY, subject.pncId)).data?.offender).toMatchObject({ pncId: subject.pncId });
    });
  });

  describe('what the binding costs', () => {
    const count = async (principal: PrincipalClaims, purpose: DeclaredPurpose) => {
      env.resetCounters();
      const result = await ask(principal, purpose, 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }', subject.pncId);
      expect(result.errors).toBeUndefined();
      return { mappa: env.stack.subgraphs.mappa.requests.count, police: env.stack.subgraphs.police.requests.count };
    };

    it("issue 10: one request to the MAPPA unit for grants and evidence together; none for case management or the co-ordinator's screening", async () => {
      // A grant holder at a meeting: grants and evidence in the one lookup.
      expect(await count(practitioner, atMeeting(meetingId))).toEqual({ mappa: 1, police: 1 });
      // The co-ordinator at a meeting: evidence only, still one request.
      expect(await count(coordinator, atMeeting(meetingId))).toEqual({ mappa: 1, police: 1 });
      expect(await count(practitioner, { purpose: 'CASE_MANAGEMENT', caseId: null })).toEqual({ mappa: 0, police: 1 });
      expect(await count(coordinator, screening(null))).toEqual({ mappa: 0, police: 1 });
    });
  });
});

// Formerly mappa-j-jobcentre.test.ts: the same stack (dataset and options) as above, its own rows and principals.
describe('MAPPA J (A.R31–A.R35)', () => {
  /*
   * A.R31–A.R35 (with A.R26, principle 5): MAPPA J tells Jobcentre Plus of an employment restriction
   * on an adult. Expected from the rules: Jobcentre Plus, invited to a meeting about the person, reads
   * the restriction type, its end date and the risk to its staff, only until the end date (A.R33), only
   * about someone 18 or over (A.R31), and nothing else of the MAPPA J or of the person (A.R32); no
   * other duty-to-co-operate agency reads it.
   */

  const DAY_MS = 86_400_000;
  const daysFromToday = (days: number): string => calendarDateOf(new Date(Date.now() + days * DAY_MS));

  const attendee = (agency: PrincipalAgency): PrincipalClaims => ({
    staffId: `DTC-${agency.toUpperCase()}-J`,
    agency,
    roles: ['dtc_attendee'],
    area: 'LONDON' as PrincipalClaims['area'],
    clearance: 'BPSS',
  });
  const JOBCENTRE = attendee('jobcentre_plus');
  const HOUSING = attendee('housing');

  const CONTENT = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        mappaJNotification {
          restrictionType
          restrictionEndDate
          riskToJobcentreStaff
        }
      }
    }
  `;

  let subject: SyntheticPerson;
  let meetingId: string;

  async function execute(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
    return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  }

  beforeAll(async () => {
    // With a probation RoSH assessment, so that the risk to staff probation holds is there to be read (A.R31 below).
    const assessed = new Set(
      (await execute(sql`select c.pnc_id from probation.risk_of_serious_harm r join probation.probation_case c using (crn)`)).map((row) =>
        String(row.pnc_id),
      ),
    );
    subject = env.people.find(
      (person) => !person.isYouth && person.level >= 2 && person.category === 1 && !person.restrictedAccess && assessed.has(person.pncId),
    )!;
    await execute(sql`delete from police.mappa_j_notification where pnc_id = ${subject.pncId}`);
    await execute(
      sql`insert into police.mappa_j_notification (pnc_id, sent_date, sent_by, sender_staff_id, restriction_type, restriction_end_date, risk_to_jobcentre_staff, offender_informed, jobcentre_spoc_consulted)
          values (${subject.pncId}, ${daysFromToday(-30)}, 'PROBATION', 'NPS-J-0001', 'NO_WORK_WITH_CHILDREN', ${daysFromToday(200)}, 'HIGH', true, true)`,
    );
    meetingId = await insertMeeting(env, subject.pncId);
    for (const who of [JOBCENTRE, HOUSING]) {
      const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: who.staffId, agency: who.agency });
      await signAttendance(env, meetingId, who, invitationId);
    }
    // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
  }, 180_000);

  const AT_MEETING = (): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: meetingId });

  async function ask(
    principal: PrincipalClaims,
    query: string = CONTENT,
    purpose: DeclaredPurpose = AT_MEETING(),
  ): Promise<GraphQLResponse<{ offender: { mappaJNotification?: Record<string, unknown> | null } | null }>> {
    return postGraphQL(`${env.stack.gateway.url}/graphql`, query, { pncId: subject.pncId }, await env.headersFor(principal, purpose));
  }

  const refusals = (result: GraphQLResponse) =>
    (result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]).sort();

  describe('A.R31–A.R35: MAPPA J for Jobcentre Plus', () => {
    it('A.R32: Jobcentre Plus at a meeting about the person reads the restriction type, its end date and the risk to its staff', async () => {
      const result = await ask(JOBCENTRE);
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender).toEqual({
        mappaJNotification: {
          restrictionType: 'NO_WORK_WITH_CHILDREN',
          restrictionEndDate: daysFromToday(200),
          riskToJobcentreStaff: 'HIGH',
        },
      });
    });

    it('A.R32: nothing else of the MAPPA J, and not the offence or the risk to the public', async () => {
      const result = await ask(
        JOBCENTRE,
        /* GraphQL */ `
          query ($pncId: ID!) {
            offender(pncId: $pncId) {
              mappaJNotification {
                restrictionType
                sentDate
                sentBy
                offenderInformed
                jobcentreSpocConsulted
                senderStaffId
              }
              identity {
                lastName
              }
            }
          }
        `,
      );
      expect(refusals(result)).toEqual(
        [
          ['offender.identity', 'FORBIDDEN'],
          ['offender.mappaJNotification.jobcentreSpocConsulted', 'FORBIDDEN'],
          ['offender.mappaJNotification.offenderInformed', 'FORBIDDEN'],
          ['offender.mappaJNotification.senderStaffId', 'FORBIDDEN'],
          ['offender.mappaJNotification.sentBy', 'FORBIDDEN'],
          ['offender.mappaJNotification.sentDate', 'FORBIDDEN'],
        ].sort(),
      );
      expect(result.data?.offender?.mappaJNotification).toEqual({
        restrictionType: 'NO_WORK_WITH_CHILDREN',
        sentDate: null,
        sentBy: null,
        offenderInformed: null,
        jobcentreSpocConsulted: null,
        senderStaffId: null,
      });
    });

    it('A.R26, principle 5: another duty-to-co-operate agency at the same meeting is refused the MAPPA J', async () => {
      const result = await ask(HOUSING);
      expect(refusals(result)).toEqual([['offender.mappaJNotification', 'FORBIDDEN']]);
    });

    it('A.R26: Jobcentre Plus not invited to a meeting about the person cannot tell the person exists', async () => {
      const result = await ask({ ...JOBCENTRE, staffId: 'DTC-JCP-NOT-INVITED' });
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender).toBeNull();
    });

    it('A.R33: on and after the end date Jobcentre Plus reads nothing of the restriction, as if none had been sent', async () => {
      for (const endDate of [daysFromToday(0), daysFromToday(-1)]) {
        await execute(sql`update police.mappa_j_notification set restriction_end_date = ${endDate} where pnc_id = ${subject.pncId}`);
        const result = await ask(JOBCENTRE);
        expect(result.errors).toBeUndefined();
        expect(result.data?.offender).toEqual({ mappaJNotification: null });
      }
      await execute(
        sql`update police.mappa_j_notification set restriction_end_date = ${daysFromToday(200)} where pnc_id = ${subject.pncId}`,
      );
    });

    it('A.R31: MAPPA J is for adults: about someone the police record as under 18, Jobcentre Plus reads nothing', async () => {
      const [person] = await execute(sql`select date_of_birth from police.person where pnc_id = ${subject.pncId}`);
      await execute(sql`update police.person set date_of_birth = ${daysFromToday(-365 * 17)} where pnc_id = ${subject.pncId}`);
      try {
        const result = await ask(JOBCENTRE);
        expect(result.data?.offender?.mappaJNotification ?? null).toBeNull();
        expect(JSON.stringify(result)).not.toContain('NO_WORK_WITH_CHILDREN');
      } finally {
        await execute(sql`update police.person set date_of_birth = ${String(person!.date_of_birth)} where pnc_id = ${subject.pncId}`);
      }
    });

    it("A.R31: about someone the MAPPA unit records as under 18, Jobcentre Plus reads nothing of probation's, not even the risk to its staff", async () => {
      const RISK_TO_STAFF = /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            riskOfSeriousHarm {
              riskInCommunity {
                staff
              }
            }
          }
        }
      `;
      const adult = await ask(JOBCENTRE, RISK_TO_STAFF);
      expect(adult.errors).toBeUndefined();
      expect(adult.data?.offender).toEqual({ riskOfSeriousHarm: { riskInCommunity: { staff: expect.any(String) } } });
      // Probation holds no date of birth: the MAPPA A's, which the MAPPA unit holds, decides.
      const [mappaCase] = await execute(
        sql`select to_char(subject_date_of_birth, 'YYYY-MM-DD') as dob from mappa.mappa_case where pnc_id = ${subject.pncId} and status = 'ACTIVE'`,
      );
      await execute(
        sql`update mappa.mappa_case set subject_date_of_birth = ${daysFromToday(-365 * 17)} where pnc_id = ${subject.pncId} and status = 'ACTIVE'`,
      );
      try {
        const child = await ask(JOBCENTRE, RISK_TO_STAFF);
        expect(child.errors).toBeUndefined();
        expect(child.data?.offender ?? null).toBeNull();
      } finally {
        await execute(
          sql`update mappa.mappa_case set subject_date_of_birth = ${String(mappaCase!.dob)} where pnc_id = ${subject.pncId} and status = 'ACTIVE'`,
        );
      }
    });

    it('A.R31, A.R34: the police hold every synthetic MAPPA J, about adults they manage, sent by the police alone or by probation when it supervises', async () => {
      const rows = await execute(
        sql`select pnc_id, sent_by, restriction_end_date, offender_informed, jobcentre_spoc_consulted from police.mappa_j_notification where pnc_id <> ${subject.pncId}`,
      );
      expect(rows.length).toBeGreaterThan(0);
      const byPnc = new Map(env.people.map((person) => [person.pncId, person]));
      for (const row of rows) {
        const person = byPnc.get(String(row.pnc_id))!;
        const probationSupervises = person.supervision === 'LICENCE' || person.supervision === 'COMMUNITY_ORDER';
        expect({ pncId: person.pncId, adult: !person.isYouth, sentBy: row.sent_by }).toEqual({
          pncId: person.pncId,
          adult: true,
          sentBy: probationSupervises ? 'PROBATION' : 'POLICE',
        });
        // A.R35: a restriction hidden from the offender was discussed with the Jobcentre Plus SPOC first.
        if (row.offender_informed === false) expect(row.jobcentre_spoc_consulted).toBe(true);
      }
    });
  });
});
