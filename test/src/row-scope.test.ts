import { sql } from 'drizzle-orm';
import { isUnder18, MappaArea, calendarDateOf, syntheticPeople } from '@mappa/shared';
import { z } from 'zod';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { postGraphQL } from '@mappa/testing';
import { startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Row scope through the gateway: people managed in two areas, asked about by principals of one.
// Each owner enforces its own scope; a person outside it must look, in the gateway's answer, exactly
// like a PNC ID no agency holds (principle 9).
const AREAS = [MappaArea.LONDON, MappaArea.KENT];
let env: TestStack;

const COORDINATOR: PrincipalClaims = {
  staffId: 'MCU0001',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const SCREENING: DeclaredPurpose = { purpose: 'MAPPA_SCREENING', caseId: null };
const OFFENDER = `query($pncId: ID!) { offender(pncId: $pncId) {
  pncId identity { lastName } mappaCase { area level } probationCase { crn area } custody { prisonNumber } mappaHNotification { category }
} }`;
const REGISTER =
  'query($after: String) { offenders(first: 50, after: $after) { totalCount edges { node { pncId identity { lastName } probationCase { area } } } pageInfo { hasNextPage endCursor } } }';

async function ask<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
  purpose: DeclaredPurpose = SCREENING,
) {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

const ordinary = (person: SyntheticPerson) => !(person.category === 4 || person.restrictedAccess);
/** The London young people with a YOT case, in the dataset's order, none counter-terrorism restricted. */
const londonYoungPeopleOfTheYot = () =>
  env.people.filter(
    (p) => p.area === MappaArea.LONDON && ordinary(p) && p.yotReference !== null && isUnder18(p.dateOfBirth, calendarDateOf(new Date())),
  );
/** A well-formed PNC ID of someone beyond the dataset: no agency holds them. */
let unknownPncId: string;

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 21, asOf: '2026-11-01', areas: AREAS } });
  unknownPncId = syntheticPeople(400, 1, { seed: 21, asOf: '2026-11-01', areas: AREAS })[0]!.pncId;
});

afterAll(async () => {
  await env.close();
});

describe('row scope through the gateway', () => {
  it('principle 2, R-3: a London principal asking about a Kent person gets exactly the answer for an unknown PNC ID, from every agency', async () => {
    const kent = env.people
      .filter((p) => p.area === MappaArea.KENT && ordinary(p) && p.crn !== null && p.prisonNumber !== null)
      .slice(0, 5);
    expect(kent.length).toBeGreaterThan(0);
    const notKnown = await ask(OFFENDER, { pncId: unknownPncId }, COORDINATOR);
    expect(notKnown).toEqual({ data: { offender: null } });
    for (const person of kent) expect(await ask(OFFENDER, { pncId: person.pncId }, COORDINATOR)).toEqual(notKnown);
    // The Kent co-ordinator sees them, with every agency's summary.
    const inKent = await ask<{ offender: { pncId: string; probationCase: { area: string } | null; custody: unknown } }>(
      OFFENDER,
      { pncId: kent[0]!.pncId },
      { ...COORDINATOR, area: MappaArea.KENT },
    );
    expect(inKent.data?.offender).toMatchObject({
      pncId: kent[0]!.pncId,
      mappaCase: { area: 'KENT' },
      probationCase: { area: 'KENT' },
      custody: { prisonNumber: kent[0]!.prisonNumber },
    });
  });

  it("principle 2, principle 9: the register pages and counts only the caller's area, before paging, with every agency's fields for the people on it", async () => {
    // SC cleared: counter-terrorism restricted Londoners are on it too (principle 7).
    const london = env.people
      .filter((p) => p.area === MappaArea.LONDON)
      .map((p) => p.pncId)
      .sort();
    expect(london.length).toBeGreaterThan(50);
    expect(london.length).toBeLessThan(env.people.length - 50);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: GraphQLResponse<{
        offenders: {
          totalCount: number;
          edges: { node: { pncId: string; identity: unknown; probationCase: { area: string } | null } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }> = await ask(REGISTER, { after }, COORDINATOR);
      expect(result.errors).toBeUndefined();
      const page = result.data!.offenders;
      expect(page.totalCount).toBe(london.length);
      for (const { node } of page.edges) {
        expect(node.identity).not.toBeNull();
        if (node.probationCase) expect(node.probationCase.area).toBe('LONDON');
      }
      seen.push(...page.edges.map((edge) => edge.node.pncId));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(50);
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(london);
  });

  it('R-4: a limited-access probation case is, for any practitioner but the allocated COM, a person probation holds no case for', async () => {
    const limited = env.people.find(
      (p) => p.area === MappaArea.LONDON && p.restrictedAccess && p.probationStatus === 'CURRENT' && p.category !== 4,
    );
    expect(limited).toBeDefined();
    const practitioner: PrincipalClaims = {
      staffId: 'N07A999',
      agency: 'probation',
      roles: ['probation_practitioner'],
      area: MappaArea.LONDON,
      clearance: 'CTC',
    };
    const CASE = 'query($crn: ID!) { offenderByCrn(crn: $crn) { pncId probationCase { crn } } }';
    const management: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
    expect(await ask(CASE, { crn: limited!.crn }, practitioner, management)).toEqual(
      await ask(CASE, { crn: 'Z999999' }, practitioner, management),
    );
    // The co-ordinator (CT cleared) still knows the person from the other agencies; probation's fields are as for no case.
    const view = await ask<{ offender: { pncId: string; probationCase: unknown } }>(OFFENDER, { pncId: limited!.pncId }, COORDINATOR);
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender.pncId).toBe(limited!.pncId);
    expect(view.data?.offender.probationCase).toBeNull();
  });

  it('victim contacts: through the gateway the allocated VLO reads their victims of an offender; another VLO does not know the offender (issue 12, C.34), as for a CRN probation does not hold', async () => {
    // Who the seed allocated, from probation's own table (both database drivers answer with `rows`).
    const { rows } = z
      .object({ rows: z.array(z.object({ crn: z.string(), pnc_id: z.string(), vlo_staff_id: z.string() })) })
      .parse(
        await env.connection
          .database()
          .execute(
            sql`select distinct c.crn, c.pnc_id, v.vlo_staff_id from probation.victim_contact v join probation.probation_case c on c.crn = v.crn where c.area = ${MappaArea.LONDON} and not c.current_restriction order by c.crn limit 1`,
          ),
      );
    const [allocation] = rows;
    expect(allocation).toBeDefined();
    const vlo = (staffId: string): PrincipalClaims => ({
      staffId,
      agency: 'probation',
      roles: ['victim_liaison_officer'],
      area: MappaArea.LONDON,
      clearance: 'BPSS',
    });
    const QUERY = 'query($crn: ID!) { offenderByCrn(crn: $crn) { pncId victimContacts { vloStaffId } } }';
    const management: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
    const own = await ask<{ offenderByCrn: { victimContacts: { vloStaffId: string }[] | null } }>(
      QUERY,
      { crn: allocation!.crn },
      vlo(allocation!.vlo_staff_id),
      management,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.offenderByCrn.victimContacts?.length).toBeGreaterThan(0);
    expect(own.data?.offenderByCrn.victimContacts?.every((contact) => contact.vloStaffId === allocation!.vlo_staff_id)).toBe(true);
    // Issue 12 (C.34, principle 9): another VLO's case management does not know this offender at all,
    // exactly as for a CRN probation does not hold.
    const other = await ask(QUERY, { crn: allocation!.crn }, vlo(`${allocation!.vlo_staff_id}0`), management);
    expect(other).toEqual(await ask(QUERY, { crn: 'Z999999' }, vlo(`${allocation!.vlo_staff_id}0`), management));
    expect(other).toEqual({ data: { offenderByCrn: null } });
  });

  it('C.5: once every owner records a transfer, the receiving area knows the person and the area it left gets the unknown-PNC-ID answer', async () => {
    const person = env.people.find(
      (p) => p.area === MappaArea.LONDON && ordinary(p) && p.crn !== null && !isUnder18(p.dateOfBirth, calendarDateOf(new Date())),
    )!;
    const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { area } probationCase { area } } }';
    const db = env.connection.database();
    const transfer = async (to: MappaArea) => {
      await db.execute(sql`update police.person set mappa_area = ${to} where pnc_id = ${person.pncId}`);
      await db.execute(sql`update probation.probation_case set area = ${to} where pnc_id = ${person.pncId}`);
      await db.execute(sql`update prison.prisoner set mappa_area = ${to} where pnc_id = ${person.pncId}`);
      await db.execute(sql`update mappa.mappa_case set area = ${to} where pnc_id = ${person.pncId} and status = 'ACTIVE'`);
    };
    await transfer(MappaArea.KENT);
    try {
      expect(await ask(QUERY, { pncId: person.pncId }, COORDINATOR)).toEqual(await ask(QUERY, { pncId: unknownPncId }, COORDINATOR));
      const received = await ask(QUERY, { pncId: person.pncId }, { ...COORDINATOR, area: MappaArea.KENT });
      expect(received).toEqual({
        data: { offender: { pncId: person.pncId, mappaCase: { area: 'KENT' }, probationCase: { area: 'KENT' } } },
      });
    } finally {
      await transfer(MappaArea.LONDON);
    }
  });

  it.each([
    ['A.R25', { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' }],
    ['B.10', { purpose: 'DISCLOSURE_DECISION', caseId: 'DD-1' }],
  ] as const)(
    '%s: under %o a child is unknown to every agency, as an unknown PNC ID; under screening they are there',
    async (_rule, purpose) => {
      const child = env.people.find(
        (p) => p.area === MappaArea.LONDON && ordinary(p) && isUnder18(p.dateOfBirth, calendarDateOf(new Date())),
      );
      expect(child).toBeDefined();
      const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level } } }';
      expect(await ask(QUERY, { pncId: child!.pncId }, COORDINATOR, purpose)).toEqual(
        await ask(QUERY, { pncId: unknownPncId }, COORDINATOR, purpose),
      );
      expect((await ask<{ offender: { pncId: string } | null }>(QUERY, { pncId: child!.pncId }, COORDINATOR)).data?.offender?.pncId).toBe(
        child!.pncId,
      );
    },
  );

  it('principle 5: a duty-to-co-operate attendee without a case grant knows no one, even in their own area', async () => {
    const person = env.people.find(
      (p) => p.area === MappaArea.LONDON && ordinary(p) && !isUnder18(p.dateOfBirth, calendarDateOf(new Date())),
    )!;
    const attendee: PrincipalClaims = {
      staffId: 'CSC0001',
      agency: 'children_social_care',
      roles: ['dtc_attendee'],
      area: MappaArea.LONDON,
      clearance: 'BPSS',
    };
    const meeting: DeclaredPurpose = { purpose: 'MAPPA_MEETING', caseId: 'MTG-1' };
    const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { mappaCase { level } } }';
    const about = await ask(QUERY, { pncId: person.pncId }, attendee, meeting);
    expect(about.data).toEqual({ offender: null });
    expect(about).toEqual(await ask(QUERY, { pncId: unknownPncId }, attendee, meeting));
  });
});

describe("principle 2: YOT staff whose token names their council know that council's young people", () => {
  // A MAPPA area holds several councils, each with a youth offending team keeping its own cases. The synthetic data
  // has one council per area, so one London case is moved to another London council here.
  const LONDON_COUNCIL = 'London Council';
  const OTHER_COUNCIL = 'Bromley Council';
  const BY_REFERENCE = 'query($ref: ID!) { offenderByYotReference(yotReference: $ref) { pncId youthCase { localAuthority } } }';
  const BY_PNC_ID = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId youthCase { yotReference localAuthority } } }';
  const manager = (localAuthority?: string): PrincipalClaims => ({
    staffId: 'YOT0001',
    agency: 'yot',
    roles: ['yot_case_manager'],
    area: MappaArea.LONDON,
    clearance: 'BPSS',
    ...(localAuthority ? { localAuthority } : {}),
  });
  const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
  let ownCouncil: SyntheticPerson;
  let otherCouncil: SyntheticPerson;

  beforeAll(async () => {
    const londonYouths = londonYoungPeopleOfTheYot();
    [ownCouncil, otherCouncil] = londonYouths as [SyntheticPerson, SyntheticPerson];
    expect(otherCouncil).toBeDefined();
    await env.connection
      .database()
      .execute(sql`update yot.youth_case set local_authority = ${OTHER_COUNCIL} where pnc_id = ${otherCouncil.pncId}`);
  });

  it("reads its own council's case, by YOT reference and in the offender view", async () => {
    expect(await ask(BY_REFERENCE, { ref: ownCouncil.yotReference }, manager(LONDON_COUNCIL), CASE_MANAGEMENT)).toEqual({
      data: { offenderByYotReference: { pncId: ownCouncil.pncId, youthCase: { localAuthority: LONDON_COUNCIL } } },
    });
    const view = await ask<{ offender: { youthCase: { yotReference: string } | null } | null }>(
      BY_PNC_ID,
      { pncId: ownCouncil.pncId },
      manager(LONDON_COUNCIL),
      CASE_MANAGEMENT,
    );
    expect(view.data?.offender?.youthCase?.yotReference).toBe(ownCouncil.yotReference);
  });

  it("principle 9: another council's case in the same area answers as an unknown YOT reference, and the view holds no YOT case", async () => {
    const other = await ask(BY_REFERENCE, { ref: otherCouncil.yotReference }, manager(LONDON_COUNCIL), CASE_MANAGEMENT);
    expect(other).toEqual({ data: { offenderByYotReference: null } });
    expect(other).toEqual(await ask(BY_REFERENCE, { ref: 'YOT-ZZZ-999999' }, manager(LONDON_COUNCIL), CASE_MANAGEMENT));
    const view = await ask<{ offender: { youthCase: unknown } | null }>(
      BY_PNC_ID,
      { pncId: otherCouncil.pncId },
      manager(LONDON_COUNCIL),
      CASE_MANAGEMENT,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender?.youthCase ?? null).toBeNull();
    // That council's own YOT reads it, and not the first council's.
    expect(await ask(BY_REFERENCE, { ref: otherCouncil.yotReference }, manager(OTHER_COUNCIL), CASE_MANAGEMENT)).toEqual({
      data: { offenderByYotReference: { pncId: otherCouncil.pncId, youthCase: { localAuthority: OTHER_COUNCIL } } },
    });
    expect(await ask(BY_REFERENCE, { ref: ownCouncil.yotReference }, manager(OTHER_COUNCIL), CASE_MANAGEMENT)).toEqual({
      data: { offenderByYotReference: null },
    });
  });

  it("R-3: a token naming no council keeps the area's scope: both councils' cases", async () => {
    for (const person of [ownCouncil, otherCouncil]) {
      const found = await ask<{ offenderByYotReference: { pncId: string } | null }>(
        BY_REFERENCE,
        { ref: person.yotReference },
        manager(),
        CASE_MANAGEMENT,
      );
      expect(found.data?.offenderByYotReference?.pncId).toBe(person.pncId);
    }
  });

  it('a council claimed for anyone but YOT staff is not a MAPPA principal: the token is refused', async () => {
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await env.headersFor({ ...COORDINATOR, localAuthority: LONDON_COUNCIL }, SCREENING)),
      },
      body: JSON.stringify({ query: BY_PNC_ID, variables: { pncId: ownCouncil.pncId } }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });
});

describe('C.49, A.R10: the MAPPA H notification is for the co-ordinator it was sent to', () => {
  it("through the gateway, a notification the YOT sent to another area's co-ordinator is not the case area's co-ordinator's", async () => {
    const youths = londonYoungPeopleOfTheYot();
    // The last London young person: the council tests above move the first two.
    const person = youths[youths.length - 1]!;
    expect(youths.length).toBeGreaterThan(2);
    const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId mappaHNotification { coordinatorArea category } } }';
    const before = await ask<{ offender: { mappaHNotification: { coordinatorArea: string } | null } | null }>(
      QUERY,
      { pncId: person.pncId },
      COORDINATOR,
    );
    expect(before.data?.offender?.mappaHNotification?.coordinatorArea).toBe(MappaArea.LONDON);
    // The young person is to be released to Kent: the YOT sends MAPPA H to Kent's co-ordinator instead.
    await env.connection
      .database()
      .execute(sql`update yot.mappa_h_notification set coordinator_area = ${MappaArea.KENT} where pnc_id = ${person.pncId}`);
    // London's co-ordinator still knows the person from the other agencies, and no longer the notification:
    // null without an error, as for a young person the YOT sent none about (principle 9).
    expect(await ask(QUERY, { pncId: person.pncId }, COORDINATOR)).toEqual({
      data: { offender: { pncId: person.pncId, mappaHNotification: null } },
    });
  });
});
