import { sql } from 'drizzle-orm';
import { addDays, isNotifiedForeignNational, MappaArea } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, inviteToMeeting, signAttendance, startTestStack } from '@mappa/testing/stack';
import { postGraphQL } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 14, the proof: the Home Office's immigration enforcement subgraph, a sixth owner, end to end
// through the gateway. Expectations are written from the rules (seed 000, the detention services order
// on MAPPA offenders in immigration detention; C.70-C.73; A.R38), not from the policy files:
// - C.70: the prison notifies the Home Office of each sentenced foreign national within 5 days of
//   sentencing, with the MAPPA nominal question; the prison holds its notification, the Home Office
//   what it received.
// - Seed 000 §5, C.71, A.R38: the Home Office works with the Responsible Authority, which reads its
//   immigration case for MAPPA purposes; its own staff manage the case.
// - Seed 000 §6: a MAPPA offender is released from immigration detention only when the MAPPA
//   arrangements are in place, and not before.
// - C.72: the offender manager's risk of serious harm reaches the Home Office for detention, IRC and
//   bail decisions: a purpose of its own, bound to the Home Office's open decision.
// - C.73, A.R38: the Home Office writes release and deportation events; the offender manager reads them.

const AREA = MappaArea.LONDON;
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const detentionDecision = (decisionId: string): DeclaredPurpose => ({ purpose: 'IMMIGRATION_DETENTION_DECISION', caseId: decisionId });

const caseOwner = (staffId: string): PrincipalClaims => ({
  staffId,
  agency: 'home_office',
  roles: ['immigration_case_owner'],
  area: AREA,
  clearance: 'SC',
});
const ppuOfficer: PrincipalClaims = { staffId: 'PPU0901', agency: 'police', roles: ['ppu_officer'], area: AREA, clearance: 'SC' };
const coordinator: PrincipalClaims = {
  staffId: 'MCU0901',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: AREA,
  clearance: 'SC',
};
const prisonOffenderManager: PrincipalClaims = {
  staffId: 'POM0901',
  agency: 'prison',
  roles: ['prison_offender_manager'],
  area: AREA,
  clearance: 'SC',
};
const practitioner = (staffId: string): PrincipalClaims => ({
  staffId,
  agency: 'probation',
  roles: ['probation_practitioner'],
  area: AREA,
  clearance: 'SC',
});

let env: TestStack;

async function ask<Data = Record<string, unknown>>(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

async function rows(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

const refusals = (result: GraphQLResponse): string[] =>
  (result.errors ?? []).map((error) => `${error.path?.join('.')} ${String(error.extensions?.policy ?? error.extensions?.code)}`).sort();
const codes = (result: GraphQLResponse): string[] => (result.errors ?? []).map((error) => String(error.extensions?.code));

/** An ordinary (not CT-restricted) person in `status` of immigration detention, with their case owner and probation case. */
async function detainee(status: string): Promise<{ person: SyntheticPerson; caseOwnerStaffId: string; reference: string }> {
  const found =
    await rows(sql`select d.pnc_id, c.case_owner_staff_id, c.home_office_reference from home_office.detention d join home_office.immigration_case c using (pnc_id)
    where d.status = ${status} and not c.ct_restricted order by d.pnc_id`);
  const people = new Map(env.people.map((person) => [person.pncId, person]));
  const row = found.find((candidate) => people.get(String(candidate.pnc_id))?.probationStatus === 'CURRENT');
  if (!row) throw new Error(`no ${status} detainee in the dataset`);
  return {
    person: people.get(String(row.pnc_id))!,
    caseOwnerStaffId: String(row.case_owner_staff_id),
    reference: String(row.home_office_reference),
  };
}

/**
 * A time-served foreign national offender (out of prison, with a probation case) whom the Home Office
 * detains now, for a test that moves the detention on: each call detains another, so tests never share
 * one. Written straight into the Home Office's table, as the seed writes a new detention.
 */
async function freshDetainee(): Promise<{ person: SyntheticPerson; caseOwnerStaffId: string }> {
  const [row] =
    await rows(sql`select c.pnc_id, c.case_owner_staff_id from home_office.immigration_case c join prison.prisoner p using (pnc_id) join probation.probation_case pc using (pnc_id)
    where p.in_out_status = 'OUT' and not c.ct_restricted and not exists (select 1 from home_office.detention d where d.pnc_id = c.pnc_id) order by c.pnc_id limit 1`);
  if (!row) throw new Error('no time-served foreign national offender left to detain');
  await env.connection
    .database()
    .execute(
      sql`insert into home_office.detention (pnc_id, irc_code, irc_name, detained_from, status) values (${String(row.pnc_id)}, 'BKM', 'Brookmere Immigration Removal Centre (synthetic)', current_date, 'DETAINED')`,
    );
  return { person: env.people.find((person) => person.pncId === String(row.pnc_id))!, caseOwnerStaffId: String(row.case_owner_staff_id) };
}

beforeAll(async () => {
  // A dataset of its own, not a shared one: each test detains a fresh time-served foreign national
  // offender, and LARGE_DATASET (800/13) runs out of them.
  env = await startTestStack({ dataset: { offenders: 900, seed: 14, asOf: '2026-11-01' } });
}, 300_000);

afterAll(async () => {
  await env.close();
});

describe('the synthetic foreign national offenders (issue 14)', () => {
  it('a realistic share of MAPPA offenders are foreign nationals, as the police record nationality, and the Home Office holds a case for exactly those the prison notified (C.70)', async () => {
    const foreign = env.people.filter((person) => person.nationality !== 'British');
    // Foreign nationals are about 12% of the prison population of England and Wales; the synthetic MAPPA population draws 8%.
    expect(foreign.length / env.people.length).toBeGreaterThan(0.04);
    expect(foreign.length / env.people.length).toBeLessThan(0.14);
    const police = new Map(
      (await rows(sql`select pnc_id, nationality from police.person`)).map((row) => [String(row.pnc_id), String(row.nationality)]),
    );
    const held = await rows(sql`select pnc_id, nationality from home_office.immigration_case order by pnc_id`);
    expect(held.map((row) => String(row.pnc_id))).toEqual(
      env.people
        .filter(isNotifiedForeignNational)
        .map((person) => person.pncId)
        .sort(),
    );
    expect(held.every((row) => police.get(String(row.pnc_id)) === String(row.nationality))).toBe(true);
  });

  it('C.70, seed 000 §6: consistent with prison custody: no one is in an IRC while the prison holds them, and every release followed confirmed arrangements', async () => {
    const inPrison = await rows(
      sql`select d.pnc_id from home_office.detention d join prison.prisoner p using (pnc_id) where p.in_out_status = 'IN'`,
    );
    expect(inPrison).toEqual([]);
    const released = await rows(
      sql`select count(*)::int as n, count(*) filter (where arrangements_confirmed_date is null or arrangements_confirmed_date > released_date)::int as early from home_office.detention where status = 'RELEASED'`,
    );
    expect(Number(released[0]!.n)).toBeGreaterThan(0);
    expect(Number(released[0]!.early)).toBe(0);
    const states = (await rows(sql`select distinct status from home_office.detention order by status`)).map((row) => String(row.status));
    expect(states).toEqual(['ARRANGEMENTS_CONFIRMED', 'DETAINED', 'RELEASED', 'REMOVED']);
  });
});

describe('C.70: the prison notifies the Home Office, and holds its notification', () => {
  it('C.70: each notified foreign national was notified within 5 days of sentencing, and the Home Office received it that day with the same MAPPA nominal answer', async () => {
    const pairs =
      await rows(sql`select n.sent_date::text as sent, n.sentenced_date::text as sentenced, n.mappa_nominal as sent_nominal, c.notification_received_date::text as received, c.mappa_nominal as received_nominal
      from prison.home_office_notification n join prison.prisoner p using (prison_number) join home_office.immigration_case c on c.pnc_id = p.pnc_id`);
    expect(pairs.length).toBe(env.people.filter(isNotifiedForeignNational).length);
    for (const pair of pairs) {
      expect(String(pair.sent) >= String(pair.sentenced) && String(pair.sent) <= addDays(String(pair.sentenced), 5)).toBe(true);
      expect([pair.received, pair.received_nominal]).toEqual([pair.sent, pair.sent_nominal]);
    }
  });

  it("C.70: the prison offender manager reads the prison's notification; the police are refused it", async () => {
    const { person } = await detainee('DETAINED');
    const query = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId homeOfficeNotification { sentDate mappaNominal nationality } } }';
    const asPom = await ask<{ offender: { homeOfficeNotification: { nationality: string; mappaNominal: boolean } | null } | null }>(
      prisonOffenderManager,
      CASE_MANAGEMENT,
      query,
      { pncId: person.pncId },
    );
    expect(asPom.errors).toBeUndefined();
    expect(asPom.data?.offender?.homeOfficeNotification).toMatchObject({
      nationality: person.nationality,
      mappaNominal: person.category !== 3,
    });
    const asPolice = await ask(ppuOfficer, CASE_MANAGEMENT, query, { pncId: person.pncId });
    expect(refusals(asPolice)).toEqual(['offender.homeOfficeNotification prison.homeOfficeNotification']);
  });
});

const CASE_VIEW = /* GraphQL */ `
  query ($reference: ID!) {
    offenderByHomeOfficeReference(homeOfficeReference: $reference) {
      pncId
      immigrationCase {
        homeOfficeReference
        nationality
        mappaNominal
        caseOwnerStaffId
      }
      immigrationDetention {
        status
        ircName
        detainedFrom
        arrangementsConfirmedDate
      }
      ircSuitabilityAssessment {
        outcome
        assessedByStaffId
      }
    }
  }
`;

describe("seed 000 §11-13: the Home Office's own staff manage the case; deny by default", () => {
  it('seed 000 §11, C.73: the case owner reads the immigration case, the detention, the IRC suitability assessment and who did what, by Home Office reference', async () => {
    const { person, caseOwnerStaffId, reference } = await detainee('DETAINED');
    const result = await ask<{ offenderByHomeOfficeReference: Record<string, Record<string, unknown> | string | null> | null }>(
      caseOwner(caseOwnerStaffId),
      CASE_MANAGEMENT,
      CASE_VIEW,
      { reference },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.offenderByHomeOfficeReference).toMatchObject({
      pncId: person.pncId,
      immigrationCase: { homeOfficeReference: reference, nationality: person.nationality, caseOwnerStaffId },
      immigrationDetention: { status: 'DETAINED', arrangementsConfirmedDate: null },
      ircSuitabilityAssessment: { outcome: 'SUITABLE_FOR_IRC' },
    });
  });

  it("principle 5, principle 9: the case owner reaches no other owner's subjects for case management: the police entry answers null", async () => {
    const { person, caseOwnerStaffId } = await detainee('DETAINED');
    const result = await ask<{ offender: unknown }>(
      caseOwner(caseOwnerStaffId),
      CASE_MANAGEMENT,
      'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }',
      { pncId: person.pncId },
    );
    expect(result.data?.offender ?? null).toBeNull();
  });

  it('deny by default: a police officer for case management reads none of it; a malformed reference is BAD_USER_INPUT', async () => {
    const { reference } = await detainee('DETAINED');
    const asPolice = await ask(ppuOfficer, CASE_MANAGEMENT, CASE_VIEW, { reference });
    expect(refusals(asPolice)).toEqual(['offenderByHomeOfficeReference home-office.caseEntry']);
    const malformed = await ask(caseOwner('HOCC0001'), CASE_MANAGEMENT, CASE_VIEW, { reference: "HO-1' or 1=1" });
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('seed 000 §5, C.71, A.R38: the Responsible Authority reads the immigration case for MAPPA purposes', () => {
  const VIEW =
    'query($pncId: ID!) { offender(pncId: $pncId) { pncId immigrationCase { nationality mappaNominal } immigrationDetention { status } } }';

  it('A.R38, C.71: the co-ordinator screening reads the case and where detention stands', async () => {
    const { person } = await detainee('DETAINED');
    const result = await ask<{ offender: { immigrationCase: unknown; immigrationDetention: unknown } | null }>(
      coordinator,
      { purpose: 'MAPPA_SCREENING', caseId: null },
      VIEW,
      { pncId: person.pncId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toMatchObject({
      immigrationCase: { nationality: person.nationality },
      immigrationDetention: { status: 'DETAINED' },
    });
  });

  it('seed 000 §5: the police officer for case management is refused the Home Office records (a MAPPA purpose is needed)', async () => {
    const { person } = await detainee('DETAINED');
    const result = await ask(ppuOfficer, CASE_MANAGEMENT, VIEW, { pncId: person.pncId });
    expect(refusals(result)).toEqual([
      'offender.immigrationCase home-office.immigrationCase',
      'offender.immigrationDetention home-office.detentionStatus',
    ]);
  });

  it('A.R38, C.71: the Home Office attending a MAPP meeting about its foreign national offender reads the case', async () => {
    const { person, caseOwnerStaffId } = await detainee('ARRANGEMENTS_CONFIRMED');
    const meetingId = await insertMeeting(env, person.pncId);
    const owner = caseOwner(caseOwnerStaffId);
    const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: owner.staffId, agency: 'home_office' });
    await signAttendance(env, meetingId, owner, invitationId);
    const result = await ask<{ offender: unknown }>(owner, { purpose: 'MAPPA_MEETING', caseId: meetingId }, VIEW, { pncId: person.pncId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toMatchObject({ pncId: person.pncId, immigrationDetention: { status: 'ARRANGEMENTS_CONFIRMED' } });
  });
});

const CONFIRM = 'mutation($pncId: ID!) { confirmDetentionReleaseArrangements(pncId: $pncId) { status arrangementsConfirmedDate } }';
const RELEASE =
  'mutation($pncId: ID!) { releaseFromImmigrationDetention(pncId: $pncId, route: IMMIGRATION_BAIL) { status releasedDate releaseRoute } }';
const REMOVE =
  'mutation($pncId: ID!) { removeFromUnitedKingdom(pncId: $pncId, removalType: DEPORTATION) { status removedDate removalType } }';

describe('seed 000 §6: released from immigration detention only when the MAPPA arrangements are in place', () => {
  it('seed 000 §6: a release before the arrangements are confirmed is refused (BAD_USER_INPUT) and changes nothing', async () => {
    const { person, caseOwnerStaffId } = await freshDetainee();
    const result = await ask(caseOwner(caseOwnerStaffId), CASE_MANAGEMENT, RELEASE, { pncId: person.pncId });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await rows(sql`select status from home_office.detention where pnc_id = ${person.pncId}`)).toEqual([{ status: 'DETAINED' }]);
  });

  it("seed 000 §6, C.73: the case owner confirms the arrangements, then releases; each step is recorded with who took it, and audited in the Home Office's own log", async () => {
    const { person, caseOwnerStaffId } = await freshDetainee();
    const owner = caseOwner(caseOwnerStaffId);
    const confirmed = await ask<{ confirmDetentionReleaseArrangements: { status: string } }>(owner, CASE_MANAGEMENT, CONFIRM, {
      pncId: person.pncId,
    });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmDetentionReleaseArrangements.status).toBe('ARRANGEMENTS_CONFIRMED');
    const released = await ask<{ releaseFromImmigrationDetention: { status: string; releaseRoute: string } }>(
      owner,
      CASE_MANAGEMENT,
      RELEASE,
      { pncId: person.pncId },
    );
    expect(released.errors).toBeUndefined();
    expect(released.data?.releaseFromImmigrationDetention).toMatchObject({ status: 'RELEASED', releaseRoute: 'IMMIGRATION_BAIL' });
    expect(
      await rows(sql`select from_status, to_status, staff_id from home_office.detention_event where pnc_id = ${person.pncId} order by id`),
    ).toEqual([
      { from_status: 'DETAINED', to_status: 'ARRANGEMENTS_CONFIRMED', staff_id: caseOwnerStaffId },
      { from_status: 'ARRANGEMENTS_CONFIRMED', to_status: 'RELEASED', staff_id: caseOwnerStaffId },
    ]);
    const audited = await rows(
      sql`select payload from audit.entry where log = 'home-office' and payload::text like ${`%${caseOwnerStaffId}%`} and payload::text like ${`%${person.pncId}%`}`,
    );
    expect(audited.length).toBeGreaterThanOrEqual(2);
    // RELEASED is final: a second release is refused.
    expect(codes(await ask(owner, CASE_MANAGEMENT, RELEASE, { pncId: person.pncId }))).toEqual(['BAD_USER_INPUT']);
  });

  it('seed 000 §6: the database itself refuses a release that skips the arrangements, and reopening a closed detention', async () => {
    const { person } = await freshDetainee();
    await expect(
      env.connection
        .database()
        .execute(
          sql`update home_office.detention set status = 'RELEASED', released_date = current_date, release_route = 'EXECUTIVE_RELEASE', released_by_staff_id = 'X' where pnc_id = ${person.pncId}`,
        ),
    ).rejects.toThrow();
    await expect(
      env.connection
        .database()
        .execute(
          sql`update home_office.detention set status = 'RELEASED', released_date = current_date, release_route = 'EXECUTIVE_RELEASE', released_by_staff_id = 'X', arrangements_confirmed_date = current_date, arrangements_confirmed_by_staff_id = 'X' where pnc_id = ${person.pncId}`,
        ),
    ).rejects.toThrow();
    const removed = await rows(sql`select pnc_id from home_office.detention where status = 'REMOVED' limit 1`);
    await expect(
      env.connection
        .database()
        .execute(
          sql`update home_office.detention set status = 'DETAINED', removed_date = null, removal_type = null, removed_by_staff_id = null where pnc_id = ${String(removed[0]!.pnc_id)}`,
        ),
    ).rejects.toThrow();
    expect(await rows(sql`select status from home_office.detention where pnc_id = ${person.pncId}`)).toEqual([{ status: 'DETAINED' }]);
  });

  it('C.73: only the Home Office case owner moves a detention: the offender manager and the co-ordinator are refused', async () => {
    const { person } = await freshDetainee();
    for (const principal of [practitioner('NPS0901'), coordinator]) {
      const result = await ask(principal, CASE_MANAGEMENT, CONFIRM, { pncId: person.pncId });
      expect(refusals(result)).toEqual(['confirmDetentionReleaseArrangements home-office.detentionTransition']);
    }
    expect(await rows(sql`select status from home_office.detention where pnc_id = ${person.pncId}`)).toEqual([{ status: 'DETAINED' }]);
  });
});

describe('C.73, A.R38: removal ends the case for probation, and the offender manager learns it through the gateway', () => {
  const VIEW =
    'query($pncId: ID!) { offender(pncId: $pncId) { pncId probationCase { crn } immigrationDetention { status removedDate removalType } } }';

  it('C.73: the case owner records a deportation; the allocated offender manager then reads it beside the probation case', async () => {
    const { person, caseOwnerStaffId } = await freshDetainee();
    const removed = await ask<{ removeFromUnitedKingdom: { status: string } }>(caseOwner(caseOwnerStaffId), CASE_MANAGEMENT, REMOVE, {
      pncId: person.pncId,
    });
    expect(removed.errors).toBeUndefined();
    const [probationCase] = await rows(sql`select manager_staff_code from probation.probation_case where pnc_id = ${person.pncId}`);
    const result = await ask<{
      offender: { probationCase: unknown; immigrationDetention: { status: string; removalType: string } | null } | null;
    }>(practitioner(String(probationCase!.manager_staff_code)), CASE_MANAGEMENT, VIEW, { pncId: person.pncId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender?.immigrationDetention).toMatchObject({ status: 'REMOVED', removalType: 'DEPORTATION' });
    expect(result.data?.offender?.probationCase).toEqual({ crn: person.crn });
  });

  it('A.R38: a practitioner who is not the allocated offender manager reads the probation case but not the immigration events (null, principle 9)', async () => {
    const { person } = await detainee('REMOVED');
    const result = await ask<{ offender: { immigrationDetention: unknown } | null }>(
      practitioner('NPS-NOT-ALLOCATED'),
      CASE_MANAGEMENT,
      VIEW,
      { pncId: person.pncId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender?.immigrationDetention).toBeNull();
  });
});

describe("C.72: the offender manager's risk of serious harm reaches the Home Office for its detention and bail decisions only", () => {
  const RISK = 'query($pncId: ID!) { immigrationSubject(pncId: $pncId) { pncId riskOfSeriousHarm { overallRiskLevel } } }';
  type Risk = { immigrationSubject: { pncId: string; riskOfSeriousHarm: { overallRiskLevel: string } | null } | null };

  async function openDecision(): Promise<{ person: SyntheticPerson; caseOwnerStaffId: string; decisionId: string }> {
    const found =
      await rows(sql`select d.decision_id, d.pnc_id, d.case_owner_staff_id from home_office.detention_decision d join home_office.immigration_case c using (pnc_id)
      join probation.probation_case p on p.pnc_id = d.pnc_id where d.decided_date is null and not c.ct_restricted order by d.decision_id limit 1`);
    const row = found[0]!;
    return {
      person: env.people.find((person) => person.pncId === String(row.pnc_id))!,
      caseOwnerStaffId: String(row.case_owner_staff_id),
      decisionId: String(row.decision_id),
    };
  }

  it('C.72: under IMMIGRATION_DETENTION_DECISION, the case owner of an open decision reads the RoSH level of its subject', async () => {
    const { person, caseOwnerStaffId, decisionId } = await openDecision();
    const result = await ask<Risk>(caseOwner(caseOwnerStaffId), detentionDecision(decisionId), RISK, { pncId: person.pncId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.immigrationSubject).toEqual({ pncId: person.pncId, riskOfSeriousHarm: { overallRiskLevel: person.roshLevel } });
  });

  it('C.72: for case management the case owner is refused the RoSH (a purpose of its own is needed)', async () => {
    const { person, caseOwnerStaffId } = await openDecision();
    const result = await ask<Risk>(caseOwner(caseOwnerStaffId), CASE_MANAGEMENT, RISK, { pncId: person.pncId });
    expect(refusals(result)).toEqual(['immigrationSubject.riskOfSeriousHarm probation.riskOfSeriousHarm']);
  });

  it('C.72, principle 9: another case owner, another person, a decided decision and a made-up id reach no one', async () => {
    const { person, caseOwnerStaffId, decisionId } = await openDecision();
    const notTheirs = await ask<Risk>(
      caseOwner(caseOwnerStaffId === 'HOCC0001' ? 'HOCC0002' : 'HOCC0001'),
      detentionDecision(decisionId),
      RISK,
      { pncId: person.pncId },
    );
    expect(notTheirs.data?.immigrationSubject ?? null).toBeNull();
    const other = env.people.find((candidate) => isNotifiedForeignNational(candidate) && candidate.pncId !== person.pncId)!;
    const otherPerson = await ask<Risk>(caseOwner(caseOwnerStaffId), detentionDecision(decisionId), RISK, { pncId: other.pncId });
    expect(otherPerson.data?.immigrationSubject ?? null).toBeNull();
    const madeUp = await ask<Risk>(caseOwner(caseOwnerStaffId), detentionDecision('HOD-NOPE-1'), RISK, { pncId: person.pncId });
    expect(madeUp.data?.immigrationSubject ?? null).toBeNull();
    await env.connection
      .database()
      .execute(sql`update home_office.detention_decision set decided_date = current_date where decision_id = ${decisionId}`);
    const decided = await ask<Risk>(caseOwner(caseOwnerStaffId), detentionDecision(decisionId), RISK, { pncId: person.pncId });
    expect(decided.data?.immigrationSubject ?? null).toBeNull();
  });

  it('C.72: the purpose names the decision (x-mappa-case); without one the request is BAD_USER_INPUT', async () => {
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await env.headersFor(caseOwner('HOCC0001'), { purpose: 'IMMIGRATION_DETENTION_DECISION', caseId: null })),
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await response.json()) as GraphQLResponse;
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
  });
});
