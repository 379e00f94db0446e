import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { accessAuditQueryName, isUnder18, MappaArea, calendarDateOf, syntheticPeople } from '@mappa/shared';
import { TEST_ISSUER, postGraphQL } from '@mappa/testing';
import type { DeclaredPurpose, PrincipalClaims, PrincipalAgency, SyntheticPerson } from '@mappa/shared';
import { startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 9 §3, existence must not leak through the side doors (principle 9: someone outside a
// record's scope cannot tell it exists, by any route or any sequence of requests; principle 10:
// owner control). Every test asks through the real gateway and compares the whole answer (data and
// errors) about a hidden subject with the answer about a well-formed PNC ID no agency holds; the
// only normalisation is of what differs by request (ids, times, sequence numbers, cursors).

const DATASET = { offenders: 300, seed: 11, asOf: '2026-11-01', areas: [MappaArea.LONDON] };
const AUDIT: DeclaredPurpose = { purpose: 'AUDIT', caseId: null };
const SCREENING: DeclaredPurpose = { purpose: 'MAPPA_SCREENING', caseId: null };
const MEETING_ID = 'MTG-9301';
const MEETING: DeclaredPurpose = { purpose: 'MAPPA_MEETING', caseId: MEETING_ID };
const OWNERS = ['police', 'probation', 'prison', 'yot', 'mappa'] as const;

let env: TestStack;
/** Counter-terrorism restricted (category 4), held by the police and the MAPPA unit: hidden from every uncleared reader. */
let restricted: SyntheticPerson;
/** An ordinary adult MAPPA offender, held by the police and the MAPPA unit. */
let ordinary: SyntheticPerson;
/** Under 18 today: hidden from everyone under a meeting or disclosure decision. */
let child: SyntheticPerson;
/** For each owner, a counter-terrorism restricted person it holds (as it records them). */
let restrictedHeldBy: Record<(typeof OWNERS)[number], SyntheticPerson>;
/** A well-formed PNC ID of someone beyond the dataset: no agency holds them. */
let unknownPncId: string;
/** Someone beyond the dataset with every agency's identifier: no agency holds them. */
let unknownPerson: SyntheticPerson;
/** Someone the police, probation, prison and the MAPPA unit all hold. */
let heldEverywhere: SyntheticPerson;
let from: string;
let to: string;
const range = () => ({ from, to });

const staff = (
  staffId: string,
  agency: PrincipalAgency,
  role: PrincipalClaims['roles'][number],
  clearance: PrincipalClaims['clearance'] = 'BPSS',
): PrincipalClaims => ({
  staffId,
  agency,
  roles: [role],
  area: MappaArea.LONDON,
  clearance,
});

async function ask(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse> {
  return postGraphQL(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

// What legitimately differs from one request to the next, whoever it is about.
const REQUEST_SPECIFIC = new Set(['requestId', 'recordedAt', 'sequence', 'cursor', 'endCursor', 'grantId', 'validUntil']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer with request-specific values replaced and the PNC ID asked about replaced, so two answers about different subjects compare. */
function normalised(value: unknown, pncId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => normalised(item, pncId));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        REQUEST_SPECIFIC.has(key) && item !== null ? '<request-specific>' : normalised(item, pncId),
      ]),
    );
  }
  if (typeof value === 'string') return UUID.test(value) ? '<uuid>' : value.split(pncId).join('<pnc-id>');
  return value;
}

/** Asks the same thing about the hidden subject and the unknown one (by `key`: a PNC ID unless told otherwise), and returns both answers, normalised. */
async function aboutBoth(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  hiddenId: string,
  variables: Record<string, unknown> = {},
  key = 'pncId',
  unknownId = unknownPncId,
) {
  const hidden = await ask(principal, purpose, query, { ...variables, [key]: hiddenId });
  const unknown = await ask(principal, purpose, query, { ...variables, [key]: unknownId });
  return { hidden: normalised(hidden, hiddenId), unknown: normalised(unknown, unknownId) };
}

const accessAudit = (owner: (typeof OWNERS)[number]) => `query AccessAuditReview($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  ${accessAuditQueryName(owner)}(pncId: $pncId, from: $from, to: $to, first: 100) {
    edges { cursor node { sequence recordedAt requestId staffId agency roles area purpose caseId operationName outcome fieldsReturned fieldsDenied { field policy } errorCodes } }
    pageInfo { hasNextPage endCursor }
  }
}`;

beforeAll(async () => {
  env = await startTestStack({ dataset: DATASET });
  unknownPncId = syntheticPeople(DATASET.offenders, 1, DATASET)[0]!.pncId;
  unknownPerson = syntheticPeople(DATASET.offenders, 200, DATASET).find((person) => person.crn !== null && person.prisonNumber !== null)!;
  heldEverywhere = env.people.find(
    (person) => person.crn !== null && person.prisonNumber !== null && person.category !== 4 && !person.restrictedAccess,
  )!;
  const today = calendarDateOf(new Date());
  restricted = env.people.find((person) => person.category === 4)!;
  ordinary = env.people.find((person) => person.category !== 4 && !person.restrictedAccess && !isUnder18(person.dateOfBirth, today))!;
  child = env.people.find((person) => person.category !== 4 && !person.restrictedAccess && isUnder18(person.dateOfBirth, today))!;
  expect([restricted, ordinary, child, unknownPerson, heldEverywhere].every((person) => person !== undefined)).toBe(true);
  const ctRestricted = (person: SyntheticPerson) => person.category === 4 || person.restrictedAccess;
  // The dataset holds no restricted young person: the youth offending team marks one of its cases, as it would record it.
  const youth = env.people.find((person) => person.yotReference !== null && person !== child)!;
  await env.connection.database().execute(sql`update yot.youth_case set ct_restricted = true where pnc_id = ${youth.pncId}`);
  restrictedHeldBy = {
    police: restricted,
    mappa: restricted,
    probation: env.people.find((person) => ctRestricted(person) && person.crn !== null)!,
    prison: env.people.find((person) => ctRestricted(person) && person.prisonNumber !== null)!,
    yot: youth,
  };
  expect(Object.values(restrictedHeldBy).every((person) => person !== undefined)).toBe(true);
  expect(env.people.some((person) => person.pncId === unknownPncId)).toBe(false);
  from = new Date(Date.now() - 3_600_000).toISOString();
  to = new Date(Date.now() + 3_600_000).toISOString();
});

afterAll(async () => {
  await env.close();
});

describe('issue 9 §3: the access audit is not an oracle', () => {
  const reader = staff('IG9301', 'police', 'information_governance');
  const colleague = staff('IG9302', 'police', 'information_governance');
  const cleared = staff('IG9303', 'police', 'information_governance', 'SC');

  it('issue 9 §3: an uncleared information-governance reader cannot tell a counter-terrorism restricted subject from an unknown PNC ID by reading its access audit twice, after a colleague, or after a cleared reader', async () => {
    const query = accessAudit('police');
    const compare = async (step: string) => {
      const { hidden, unknown } = await aboutBoth(reader, AUDIT, query, restricted.pncId, range());
      expect({ step, answer: hidden }).toEqual({ step, answer: unknown });
    };
    await compare('first read');
    await compare('read twice');
    await aboutBoth(colleague, AUDIT, query, restricted.pncId, range());
    await compare('after a colleague read both');
    await aboutBoth(cleared, AUDIT, query, restricted.pncId, range());
    await compare('after a cleared reader read both');
    // The colleague, too, after all of that.
    const colleagues = await aboutBoth(colleague, AUDIT, query, restricted.pncId, range());
    expect(colleagues.hidden).toEqual(colleagues.unknown);
  });

  it.each(OWNERS.filter((owner) => owner !== 'police'))(
    'issue 9 §3: the %s log answers its uncleared information governance the same about a restricted subject it holds as about an unknown PNC ID, read twice',
    async (owner) => {
      const agency: PrincipalAgency = owner === 'mappa' ? 'mappa_unit' : owner;
      const ownReader = staff(`IG-${owner}`, agency, 'information_governance');
      const query = accessAudit(owner);
      const subject = restrictedHeldBy[owner];
      await aboutBoth(ownReader, AUDIT, query, subject.pncId, range());
      const { hidden, unknown } = await aboutBoth(ownReader, AUDIT, query, subject.pncId, range());
      expect(hidden).toEqual(unknown);
    },
  );

  it("positive control: the owner's information governance still reads its log about a subject it holds, its own earlier read included, and a cleared reader sees who asked about a restricted one", async () => {
    const query = accessAudit('police');
    await ask(colleague, AUDIT, query, { pncId: ordinary.pncId, ...range() });
    const again = await ask(colleague, AUDIT, query, { pncId: ordinary.pncId, ...range() });
    expect(again.errors).toBeUndefined();
    const ownReads = (again.data?.policeAccessAudit as { edges: { node: { staffId: string; purpose: string } }[] }).edges.filter(
      (edge) => edge.node.staffId === colleague.staffId,
    );
    expect(ownReads.length).toBeGreaterThan(0);
    const byCleared = await ask(cleared, AUDIT, query, { pncId: restricted.pncId, ...range() });
    expect(byCleared.errors).toBeUndefined();
    const askedBy = new Set(
      (byCleared.data?.policeAccessAudit as { edges: { node: { staffId: string } }[] }).edges.map((edge) => edge.node.staffId),
    );
    expect(askedBy).toEqual(new Set([reader.staffId, colleague.staffId, cleared.staffId]));
  });
});

describe("issue 9 §3: nobody learns about a subject through AUDIT but the owner's own information governance, about its own records", () => {
  // Every route information governance has under AUDIT: the offender view (the PNC ID and every
  // audit field any owner grants it), and every owner's access audit.
  const OFFENDER_VIEW = `query AuditView($pncId: ID!) { offender(pncId: $pncId) {
    pncId identity { pncId } visorNominal { recordManagerStaffId retentionReviewDate } policeRiskAssessment { assessorStaffId }
    mappaCase { history { changedByStaffId decision { reference } } } mappaFReports { authorStaffId }
  } }`;
  const ROUTES = [OFFENDER_VIEW, ...OWNERS.map(accessAudit)];

  it.each<PrincipalAgency>([
    'housing',
    'health',
    'jobcentre_plus',
    'children_social_care',
    'education',
    'home_office',
    'electronic_monitoring',
  ])(
    'issue 9 §3: %s information governance, an agency that owns no records, cannot tell a MAPPA offender from an unknown PNC ID on any route',
    async (agency) => {
      const ig = staff(`IG-${agency}`, agency, 'information_governance', 'DV');
      for (const route of ROUTES) {
        // Twice: the first read must not change the second answer either.
        await aboutBoth(ig, AUDIT, route, ordinary.pncId, range());
        const { hidden, unknown } = await aboutBoth(ig, AUDIT, route, ordinary.pncId, range());
        expect({ route, answer: hidden }).toEqual({ route, answer: unknown });
      }
      // Each owner's own identifier look-ups, with a held identifier and an unknown well-formed one.
      for (const [route, key, held, notHeld] of [
        ['query($crn: ID!) { offenderByCrn(crn: $crn) { pncId } }', 'crn', heldEverywhere.crn!, unknownPerson.crn!],
        [
          'query($prisonNumber: ID!) { offenderByPrisonNumber(prisonNumber: $prisonNumber) { pncId } }',
          'prisonNumber',
          heldEverywhere.prisonNumber!,
          unknownPerson.prisonNumber!,
        ],
      ] as const) {
        const { hidden, unknown } = await aboutBoth(ig, AUDIT, route, held, {}, key, notHeld);
        expect({ route, answer: hidden }).toEqual({ route, answer: unknown });
      }
    },
  );

  it.each<PrincipalAgency>(['probation', 'prison', 'yot', 'mappa_unit'])(
    "issue 9 §3: %s information governance (a data owner) cannot learn through the police's lookup or fields which people the police hold (principle 10)",
    async (agency) => {
      const ig = staff(`IG-OWN-${agency}`, agency, 'information_governance', 'DV');
      const { hidden, unknown } = await aboutBoth(ig, AUDIT, OFFENDER_VIEW, ordinary.pncId);
      expect(hidden).toEqual(unknown);
    },
  );

  it("positive control: the police's own information governance still finds a person the police hold under AUDIT", async () => {
    const result = await ask(
      staff('IG9310', 'police', 'information_governance'),
      AUDIT,
      'query($pncId: ID!) { offender(pncId: $pncId) { pncId } }',
      { pncId: ordinary.pncId },
    );
    expect(result).toEqual({ data: { offender: { pncId: ordinary.pncId } } });
  });
});

describe('issue 9 §3: a case access grant never reveals what row scope hides', () => {
  const cleared = staff('MCU9301', 'mappa_unit', 'mappa_coordinator', 'SC');
  const unclearedCoordinator = staff('MCU9302', 'mappa_unit', 'mappa_coordinator', 'BPSS');
  // A practitioner from another area, invited to the meeting: outside their own area's scope, uncleared.
  const grantee: PrincipalClaims = { ...staff('NPS9301', 'probation', 'probation_practitioner'), area: MappaArea.KENT };
  const withoutGrants: PrincipalClaims = { ...grantee, staffId: 'NPS9302' };
  const MINE = 'query MyGrants { myCaseAccessGrants { grantId pncId purpose caseId validUntil } }';
  const GRANT = 'mutation($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId pncId } }';
  const validUntil = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
  let restrictedGrant: string;

  async function grant(pncId: string, purpose: DeclaredPurpose, staffId: string): Promise<string> {
    // Granted by a cleared co-ordinator screening (no under-18 bar), who may know every subject here.
    const result = await ask(cleared, SCREENING, GRANT, {
      input: {
        granteeIssuer: TEST_ISSUER,
        granteeStaffId: staffId,
        pncId,
        purpose: purpose.purpose,
        caseId: purpose.caseId,
        validUntil: validUntil(),
        reason: 'Invited',
      },
    });
    expect(result.errors).toBeUndefined();
    return (result.data?.grantCaseAccess as { grantId: string }).grantId;
  }

  beforeAll(async () => {
    restrictedGrant = await grant(restricted.pncId, SCREENING, grantee.staffId);
    await grant(child.pncId, MEETING, grantee.staffId);
  });

  it('issue 9 §3: myCaseAccessGrants lists no grant for a counter-terrorism restricted subject to an uncleared holder: the same answer as holding no grant', async () => {
    const holder = await ask(grantee, SCREENING, MINE);
    const nobody = await ask(withoutGrants, SCREENING, MINE);
    expect(holder).toEqual(nobody);
  });

  it('issue 9 §3: myCaseAccessGrants lists no grant for an under-18 subject under a meeting (R-5): the same answer as holding no grant', async () => {
    const holder = await ask(grantee, MEETING, MINE);
    const nobody = await ask(withoutGrants, MEETING, MINE);
    expect(holder).toEqual(nobody);
  });

  it('guard (held before issue 9): an uncleared co-ordinator gets the same answer about a restricted subject as about an unknown PNC ID from caseAccessGrants, grantCaseAccess and revokeCaseAccess', async () => {
    const list = await aboutBoth(
      unclearedCoordinator,
      SCREENING,
      'query($pncId: ID!) { caseAccessGrants(pncId: $pncId) { grantId pncId } }',
      restricted.pncId,
    );
    expect(list.hidden).toEqual(list.unknown);
    const input = (pncId: string) => ({
      granteeIssuer: TEST_ISSUER,
      granteeStaffId: 'NPS9303',
      pncId,
      purpose: 'MAPPA_SCREENING',
      validUntil: validUntil(),
      reason: 'Invited',
    });
    const granted = normalised(await ask(unclearedCoordinator, SCREENING, GRANT, { input: input(restricted.pncId) }), restricted.pncId);
    expect(granted).toEqual(normalised(await ask(unclearedCoordinator, SCREENING, GRANT, { input: input(unknownPncId) }), unknownPncId));
    const REVOKE = 'mutation($id: ID!) { revokeCaseAccess(grantId: $id, reason: "Not invited") { grantId pncId } }';
    const revoked = normalised(await ask(unclearedCoordinator, SCREENING, REVOKE, { id: restrictedGrant }), restricted.pncId);
    expect(revoked).toEqual(normalised(await ask(unclearedCoordinator, SCREENING, REVOKE, { id: randomUUID() }), unknownPncId));
    // Under a meeting, an under-18 subject is hidden from the co-ordinator too.
    const atMeeting = await aboutBoth(
      cleared,
      MEETING,
      'query($pncId: ID!) { caseAccessGrants(pncId: $pncId) { grantId pncId } }',
      child.pncId,
    );
    expect(atMeeting.hidden).toEqual(atMeeting.unknown);
  });

  it('positive control: a grant holder still gets their grants for subjects they may know, and a cleared holder for a restricted one', async () => {
    const visible = await grant(ordinary.pncId, SCREENING, grantee.staffId);
    const holder = await ask(grantee, SCREENING, MINE);
    expect(holder.errors).toBeUndefined();
    expect((holder.data?.myCaseAccessGrants as { grantId: string }[]).map((entry) => entry.grantId)).toEqual([visible]);
    const clearedGrantee: PrincipalClaims = { ...grantee, staffId: 'NPS9304', clearance: 'SC' };
    const clearedGrant = await grant(restricted.pncId, SCREENING, clearedGrantee.staffId);
    const clearedHolder = await ask(clearedGrantee, SCREENING, MINE);
    expect(
      (clearedHolder.data?.myCaseAccessGrants as { grantId: string; pncId: string }[]).map((entry) => [entry.grantId, entry.pncId]),
    ).toEqual([[clearedGrant, restricted.pncId]]);
  });
});
