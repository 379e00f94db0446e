import { sql } from 'drizzle-orm';
import { LocalIssuer } from '@mappa/gateway';
import type { MintOptions } from '@mappa/gateway';
import { MappaArea } from '@mappa/shared';
import { TEST_ISSUER } from '@mappa/testing';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { z } from 'zod';
import { insertMeeting, signAttendance, DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 9 §2, "an identity provider vouches only for its own people", through the real gateway
// with several real identity providers, each with its own signing key:
// - the test issuer (TEST_ISSUER): trusted for every agency, and the provider every agency's own
//   staff ids come from (the probation provider's nDelius staff codes, the MAPPA unit's grantees);
// - a police provider: police only, up to SC;
// - a housing provider: housing only, up to BPSS;
// - a shared regional provider: probation and health only, up to SC. It may vouch for probation
//   staff, but its staff ids are not probation's: the same id from it is somebody else.
const AREA = MappaArea.LONDON;
const MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const MEETING_ID = 'MTG-9201';
const MEETING: DeclaredPurpose = { purpose: 'MAPPA_MEETING', caseId: MEETING_ID };

let env: TestStack;
let police: LocalIssuer;
let housing: LocalIssuer;
let shared: LocalIssuer;

beforeAll(async () => {
  [police, housing, shared] = await Promise.all([
    LocalIssuer.generate('https://idp.police.example'),
    LocalIssuer.generate('https://idp.housing.example'),
    LocalIssuer.generate('https://idp.shared-services.example'),
  ]);
  env = await startTestStack({
    moreIssuers: [
      police.trustedIssuer({ agencies: ['police'], maxClearance: 'SC' }),
      housing.trustedIssuer({ agencies: ['housing'], maxClearance: 'BPSS' }),
      shared.trustedIssuer({ agencies: ['probation', 'health'], maxClearance: 'SC' }),
    ],
  });
});

afterAll(async () => {
  await env.close();
});

/** POSTs to the gateway with a token from `issuer` for `principal`; the HTTP status with the body. */
async function askAs<Data = Record<string, unknown>>(
  issuer: LocalIssuer,
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown> = {},
  mint: MintOptions = {},
): Promise<{ status: number; body: GraphQLResponse<Data> }> {
  const response = await fetch(`${env.stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await issuer.mint(principal, mint)}`,
      'x-mappa-purpose': purpose.purpose,
      ...(purpose.caseId ? { 'x-mappa-case': purpose.caseId } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<Data> };
}

/** A refusal at authentication: HTTP 401, UNAUTHENTICATED, and no data at all. */
function expectUnauthenticated(answer: { status: number; body: GraphQLResponse }, message?: RegExp): void {
  expect(answer.status).toBe(401);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  if (message) expect(answer.body.errors?.[0]?.message).toMatch(message);
}

/** Rows of a raw query (both database drivers answer `{ rows }`). */
async function rowsOf<Row>(schema: z.ZodType<Row>, query: ReturnType<typeof sql>): Promise<Row[]> {
  return z.object({ rows: z.array(schema) }).parse(await env.connection.database().execute(query)).rows;
}

const OFFENDER = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId identity { lastName } } }';
const REGISTER = '{ offenders(first: 5) { totalCount edges { node { pncId } } } }';
const VICTIMS =
  'query($crn: ID!) { offenderByCrn(crn: $crn) { pncId victimContacts { vloStaffId contactDetails { addressLine1 postcode telephoneNumber } } } }';
const UNVOUCHABLE = /identity provider may not vouch for/;

const ordinaryAdult = (person: SyntheticPerson) =>
  person.area === AREA && person.category !== 4 && !person.restrictedAccess && person.crn !== null && person.dateOfBirth < '2000-01-01';

/** A probation case with victims in the Victim Contact Scheme, and the VLO probation allocated them to. */
async function victimAllocation() {
  const [allocation] = await rowsOf(
    z.object({ crn: z.string(), pnc_id: z.string(), vlo_staff_id: z.string() }),
    sql`select distinct c.crn, c.pnc_id, v.vlo_staff_id from probation.victim_contact v join probation.probation_case c on c.crn = v.crn where c.area = ${AREA} and not c.current_restriction and not c.ct_restricted order by c.crn limit 1`,
  );
  expect(allocation).toBeDefined();
  return allocation!;
}

describe('issue 9 §2: an identity provider vouches only for its own people', () => {
  it('issue 9 §2 (issuer binding): a housing identity provider cannot mint a police counter-terrorism officer with DV clearance', async () => {
    const person = env.people.find(ordinaryAdult)!;
    const ctOfficer: PrincipalClaims = { staffId: 'CTU9001', agency: 'police', roles: ['ct_officer'], area: AREA, clearance: 'DV' };
    expectUnauthenticated(await askAs(housing, ctOfficer, MANAGEMENT, OFFENDER, { pncId: person.pncId }), UNVOUCHABLE);
    // The police's own provider vouches for a police officer (within its clearance).
    const asPolice = await askAs<{ offender: { pncId: string } | null }>(police, { ...ctOfficer, clearance: 'SC' }, MANAGEMENT, OFFENDER, {
      pncId: person.pncId,
    });
    expect(asPolice.status).toBe(200);
    expect(asPolice.body.data?.offender?.pncId).toBe(person.pncId);
  });

  it("issue 9 §2 (issuer binding): a housing identity provider cannot mint a probation victim liaison officer, nor read a victim's address or phone number", async () => {
    const allocation = await victimAllocation();
    const vlo: PrincipalClaims = {
      staffId: allocation.vlo_staff_id,
      agency: 'probation',
      roles: ['victim_liaison_officer'],
      area: AREA,
      clearance: 'BPSS',
    };
    const forged = await askAs(housing, vlo, MANAGEMENT, VICTIMS, { crn: allocation.crn });
    expectUnauthenticated(forged, UNVOUCHABLE);
    expect(JSON.stringify(forged.body)).not.toContain('addressLine1');
    // Probation's own provider vouches for its VLO, who reads their victims.
    const genuine = await askAs<{
      offenderByCrn: { victimContacts: { contactDetails: { telephoneNumber: string | null } | null }[] | null };
    }>(env.issuer, vlo, MANAGEMENT, VICTIMS, { crn: allocation.crn });
    expect(genuine.body.errors).toBeUndefined();
    expect(genuine.body.data?.offenderByCrn.victimContacts?.length).toBeGreaterThan(0);
    expect(genuine.body.data?.offenderByCrn.victimContacts?.[0]?.contactDetails).not.toBeNull();
  });

  it('issue 9 §2 (roles belong to agencies): housing + ppu_officer is refused, even from a provider trusted for every agency', async () => {
    const person = env.people.find(ordinaryAdult)!;
    const housingPpu: PrincipalClaims = { staffId: 'HSG9001', agency: 'housing', roles: ['ppu_officer'], area: AREA, clearance: 'SC' };
    expectUnauthenticated(await askAs(env.issuer, housingPpu, MANAGEMENT, OFFENDER, { pncId: person.pncId }), UNVOUCHABLE);
  });

  it('issue 9 §2 (roles belong to agencies): jobcentre_plus + mappa_chair cannot page the register', async () => {
    const jobcentreChair: PrincipalClaims = {
      staffId: 'JCP9001',
      agency: 'jobcentre_plus',
      roles: ['mappa_chair'],
      area: AREA,
      clearance: 'SC',
    };
    expectUnauthenticated(await askAs(env.issuer, jobcentreChair, DEFAULT_PURPOSE, REGISTER), UNVOUCHABLE);
    // A chair from the police is a principal the provider may vouch for: authenticated, then refused by
    // policy, because the register is the co-ordinator's (A.R9, A.R19, B.52, C.88, issue 12).
    const policeChair = await askAs<{ offenders: { totalCount: number } | null }>(
      env.issuer,
      { ...jobcentreChair, staffId: 'PCH9001', agency: 'police' },
      { purpose: 'CASE_MANAGEMENT', caseId: null },
      REGISTER,
    );
    expect(policeChair.status).toBe(200);
    expect(policeChair.body.errors?.map((error) => [error.extensions?.code, error.extensions?.policy])).toEqual([
      ['FORBIDDEN', 'mappa.register'],
    ]);
  });

  it("issue 9 §2 (issuer binding): a clearance above the provider's maximum is refused", async () => {
    const person = env.people.find(ordinaryAdult)!;
    const officer: PrincipalClaims = { staffId: 'PPU9001', agency: 'police', roles: ['ppu_officer'], area: AREA, clearance: 'DV' };
    expectUnauthenticated(await askAs(police, officer, MANAGEMENT, OFFENDER, { pncId: person.pncId }), UNVOUCHABLE);
    expectUnauthenticated(
      await askAs(
        housing,
        { staffId: 'HSG9002', agency: 'housing', roles: ['dtc_attendee'], area: AREA, clearance: 'CTC' },
        MEETING,
        OFFENDER,
        { pncId: person.pncId },
      ),
      UNVOUCHABLE,
    );
  });

  it('issue 9 §2 (staff ids qualified by issuer): a case grant to staff id X from provider A is not usable by staff id X from provider B', async () => {
    const subject = env.people.find(ordinaryAdult)!;
    const attendee: PrincipalClaims = { staffId: 'HLT9001', agency: 'health', roles: ['dtc_attendee'], area: AREA, clearance: 'BPSS' };
    const coordinator: PrincipalClaims = { ...DEFAULT_PRINCIPAL, area: subject.area };
    // Issue 10: the meeting the grant is for exists, and provider A's HLT9001 has signed in to it.
    await insertMeeting(env, subject.pncId, { meetingId: MEETING_ID });
    await signAttendance(env, MEETING_ID, attendee);
    const granted = await askAs(
      env.issuer,
      coordinator,
      MEETING,
      'mutation($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId granteeStaffId granteeIssuer } }',
      {
        input: {
          granteeStaffId: attendee.staffId,
          granteeIssuer: TEST_ISSUER,
          pncId: subject.pncId,
          purpose: 'MAPPA_MEETING',
          caseId: MEETING_ID,
          validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          reason: 'Invited to the meeting',
        },
      },
    );
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data?.grantCaseAccess).toMatchObject({ granteeStaffId: attendee.staffId, granteeIssuer: TEST_ISSUER });
    const QUERY = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }';
    // Provider A's HLT9001 holds the grant.
    const holder = await askAs(env.issuer, attendee, MEETING, QUERY, { pncId: subject.pncId });
    expect(holder.body).toEqual({ data: { offender: { pncId: subject.pncId } } });
    // Provider B may vouch for health staff too, but its HLT9001 is somebody else: as for an unknown PNC ID.
    const impostor = await askAs(shared, attendee, MEETING, QUERY, { pncId: subject.pncId });
    expect(impostor.status).toBe(200);
    expect(impostor.body).toEqual({ data: { offender: null } });
  });

  it("issue 9 §2 (staff ids qualified by issuer): a limited-access probation case is known only to its allocated offender manager's id from probation's own provider (R-4)", async () => {
    const [limited] = await rowsOf(
      z.object({ crn: z.string(), manager_staff_code: z.string() }),
      sql`select crn, manager_staff_code from probation.probation_case where current_restriction and area = ${AREA} and manager_staff_code not like '%U' order by crn limit 1`,
    );
    expect(limited).toBeDefined();
    const com: PrincipalClaims = {
      staffId: limited!.manager_staff_code,
      agency: 'probation',
      roles: ['probation_practitioner'],
      area: AREA,
      clearance: 'SC',
    };
    const CASE = 'query($crn: ID!) { offenderByCrn(crn: $crn) { probationCase { crn } } }';
    const own = await askAs(env.issuer, com, MANAGEMENT, CASE, { crn: limited!.crn });
    expect(own.body).toEqual({ data: { offenderByCrn: { probationCase: { crn: limited!.crn } } } });
    const sameIdElsewhere = await askAs(shared, com, MANAGEMENT, CASE, { crn: limited!.crn });
    expect(sameIdElsewhere.body).toEqual(await askAs(shared, com, MANAGEMENT, CASE, { crn: 'Z999999' }).then((answer) => answer.body));
  });

  it("issue 9 §2 (staff ids qualified by issuer): a victim liaison officer's victims are only for the VLO's id from probation's own provider", async () => {
    const allocation = await victimAllocation();
    const vlo: PrincipalClaims = {
      staffId: allocation.vlo_staff_id,
      agency: 'probation',
      roles: ['victim_liaison_officer'],
      area: AREA,
      clearance: 'BPSS',
    };
    const sameIdElsewhere = await askAs(shared, vlo, MANAGEMENT, VICTIMS, { crn: allocation.crn });
    expect(sameIdElsewhere.status).toBe(200);
    // Issue 12: a VLO's case management knows only the offenders of their own victims; anyone else's is
    // answered as a CRN probation does not hold (principle 9).
    expect(sameIdElsewhere.body).toEqual(await askAs(shared, vlo, MANAGEMENT, VICTIMS, { crn: 'Z999999' }).then((answer) => answer.body));
    expect(sameIdElsewhere.body).toEqual({ data: { offenderByCrn: null } });
  });

  describe('issue 9 §2 (token lifetime)', () => {
    const person = () => env.people.find(ordinaryAdult)!;
    const now = () => Math.floor(Date.now() / 1000);

    it('a token without iat is refused', async () => {
      expectUnauthenticated(
        await askAs(env.issuer, DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, OFFENDER, { pncId: person().pncId }, { issuedAt: null }),
        /iat/,
      );
    });

    it('a token living longer than the maximum (default one hour) is refused, even while young', async () => {
      expectUnauthenticated(
        await askAs(env.issuer, DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, OFFENDER, { pncId: person().pncId }, { lifetimeSeconds: 2 * 3_600 }),
        /lives longer/,
      );
      // One hour exactly is accepted.
      const hour = await askAs(
        env.issuer,
        DEFAULT_PRINCIPAL,
        DEFAULT_PURPOSE,
        OFFENDER,
        { pncId: person().pncId },
        { lifetimeSeconds: 3_600 },
      );
      expect(hour.status).toBe(200);
    });

    it('a token issued in the future beyond the clock skew is refused', async () => {
      expectUnauthenticated(
        await askAs(
          env.issuer,
          DEFAULT_PRINCIPAL,
          DEFAULT_PURPOSE,
          OFFENDER,
          { pncId: person().pncId },
          { issuedAt: now() + 300, lifetimeSeconds: 1_800 },
        ),
        /future/,
      );
      // Within the 30 s skew it is accepted.
      const skewed = await askAs(
        env.issuer,
        DEFAULT_PRINCIPAL,
        DEFAULT_PURPOSE,
        OFFENDER,
        { pncId: person().pncId },
        { issuedAt: now() + 10, lifetimeSeconds: 1_800 },
      );
      expect(skewed.status).toBe(200);
    });
  });

  it("issue 9 §2: the principal's issuer is in the gateway's audit entry", async () => {
    const officer: PrincipalClaims = { staffId: 'PPU9077', agency: 'police', roles: ['ppu_officer'], area: AREA, clearance: 'SC' };
    const answer = await askAs(police, officer, MANAGEMENT, OFFENDER, { pncId: env.people.find(ordinaryAdult)!.pncId });
    expect(answer.status).toBe(200);
    const [entry] = await rowsOf(
      z.object({ principal: z.unknown() }),
      sql`select payload->'principal' as principal from audit.entry where log = 'gateway' and payload->'principal'->>'staffId' = ${officer.staffId} order by sequence desc limit 1`,
    );
    expect(entry?.principal).toEqual({
      staffId: 'PPU9077',
      issuer: 'https://idp.police.example',
      agency: 'police',
      roles: ['ppu_officer'],
      area: AREA,
    });
  });
});
