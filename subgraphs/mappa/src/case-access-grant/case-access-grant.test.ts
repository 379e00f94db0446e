import { TEST_ISSUER, startTestSubgraph, querySubgraph } from '@mappa/testing';
import { addDays, formatPncId, isUnder18, calendarDateOf, syntheticPeople } from '@mappa/shared';
import { eq, sql } from 'drizzle-orm';
import type { GraphQLResponse, TestDatabase, TestGatewayKeys } from '@mappa/testing';
import type { Caller, DeclaredPurpose, Principal, RunningSubgraph, SyntheticPerson } from '@mappa/shared';
import { mappaSubgraph } from '../index';
import { MAX_GRANT_DAYS } from './case-access-grant.input';
import { caseAccessGrantTable } from './case-access-grant.table';

const dataset = { offenders: 1_000, seed: 1, asOf: '2026-11-01' };
const people = syntheticPeople(0, dataset.offenders, dataset);
const isRestricted = (person: SyntheticPerson) => person.category === 4 || person.restrictedAccess;
// The co-ordinator's area is one holding a counter-terrorism restricted subject, so principle 7 can be tested in it.
const restrictedInArea = people.find(isRestricted)!;
const AREA = restrictedInArea.area;
// Adults with no grant of the seed's own (its meetings invite their attendees), so that each test's
// grants are the only ones about its subjects; filled in once the database is seeded.
let inArea: SyntheticPerson[] = [];
const otherArea = people.find((person) => person.area !== AREA && !isRestricted(person))!;
const UNKNOWN_PNC_ID = formatPncId(2008, 545166);
const DAY_MS = 86_400_000;

let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;

const COORDINATOR: Principal = {
  issuer: TEST_ISSUER,
  staffId: 'MCU00001',
  agency: 'mappa_unit',
  roles: ['mappa_coordinator'],
  area: AREA,
  clearance: 'SC',
};
const SCREENING: DeclaredPurpose = { purpose: 'MAPPA_SCREENING', caseId: null };
const meeting = (caseId: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId });
const as = (principal: Principal, declaredPurpose: DeclaredPurpose = SCREENING): Caller => ({ principal, declaredPurpose });

async function post(query: string, variables: Record<string, unknown>, caller: Caller): Promise<GraphQLResponse> {
  return querySubgraph(subgraph, gateway, query, variables, caller);
}

const GRANT_FIELDS = `grantId granteeStaffId granteeIssuer granteeAgency granteeRole pncId purpose caseId validFrom validUntil reason
  createdByStaffId createdAt revokedAt revokedByStaffId revocationReason`;

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

function grantInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    granteeAgency: 'health',
    granteeRole: 'dtc_attendee',
    // Issue 12: a grant to an agency and role names the areas it holds in.
    granteeAreas: [AREA],
    pncId: inArea[0]!.pncId,
    purpose: 'MAPPA_MEETING',
    caseId: 'MTG-1001',
    validUntil: inDays(14),
    reason: 'Invited to the level 2 meeting on the subject',
    ...overrides,
  };
}

const grant = (input: Record<string, unknown>, caller: Caller = as(COORDINATOR)) =>
  post(`mutation($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { ${GRANT_FIELDS} } }`, { input }, caller);
const revoke = (grantId: string, reason: string, caller: Caller = as(COORDINATOR)) =>
  post(
    `mutation($id: ID!, $reason: String!) { revokeCaseAccess(grantId: $id, reason: $reason) { ${GRANT_FIELDS} } }`,
    { id: grantId, reason },
    caller,
  );
const list = (pncId: string, caller: Caller = as(COORDINATOR)) =>
  post(`query($pncId: ID!) { caseAccessGrants(pncId: $pncId) { ${GRANT_FIELDS} } }`, { pncId }, caller);
const mine = (caller: Caller) => post('{ myCaseAccessGrants { grantId pncId purpose caseId validUntil } }', {}, caller);

async function grantIdOf(input: Record<string, unknown>): Promise<string> {
  const result = await grant(input);
  expect(result.errors).toBeUndefined();
  return (result.data?.grantCaseAccess as { grantId: string }).grantId;
}

const grantRows = async () =>
  (
    await database.connection
      .database()
      .select({ count: sql<number>`count(*)::int` })
      .from(caseAccessGrantTable)
  )[0]!.count;

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(mappaSubgraph, dataset));
  const seeded = await database.connection.database().selectDistinct({ pncId: caseAccessGrantTable.pncId }).from(caseAccessGrantTable);
  const granted = new Set(seeded.map((row) => row.pncId));
  const today = calendarDateOf(new Date());
  inArea = people.filter(
    (person) => person.area === AREA && !isRestricted(person) && !isUnder18(person.dateOfBirth, today) && !granted.has(person.pncId),
  );
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('case access grants', () => {
  it('the dataset has the subjects these tests need', () => {
    expect(inArea.length).toBeGreaterThanOrEqual(8);
    expect(otherArea.area).not.toBe(AREA);
  });

  it('principle 5: the co-ordinator grants a DTC agency role access for one meeting, lists it, and revokes it, keeping the history', async () => {
    const subject = inArea[0]!;
    const validUntil = inDays(14);
    const created = await grant(grantInput({ pncId: subject.pncId, validUntil }));
    expect(created.errors).toBeUndefined();
    const record = created.data?.grantCaseAccess as Record<string, unknown>;
    expect(record).toMatchObject({
      granteeStaffId: null,
      granteeAgency: 'health',
      granteeRole: 'dtc_attendee',
      pncId: subject.pncId,
      purpose: 'MAPPA_MEETING',
      caseId: 'MTG-1001',
      validUntil,
      createdByStaffId: COORDINATOR.staffId,
      revokedAt: null,
      revokedByStaffId: null,
      revocationReason: null,
    });
    expect(Math.abs(Date.parse(record.validFrom as string) - Date.now())).toBeLessThan(60_000);

    const listed = await list(subject.pncId);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.caseAccessGrants).toEqual([record]);

    const revoked = await revoke(record.grantId as string, 'Meeting postponed');
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeCaseAccess).toMatchObject({
      grantId: record.grantId,
      revokedByStaffId: COORDINATOR.staffId,
      revocationReason: 'Meeting postponed',
    });

    // Revoked, not gone: the list still shows what was granted, and when it stopped.
    const after = (await list(subject.pncId)).data?.caseAccessGrants as Record<string, unknown>[];
    expect(after).toHaveLength(1);
    expect(after[0]).toEqual({
      ...record,
      revokedAt: expect.any(String),
      revokedByStaffId: COORDINATOR.staffId,
      revocationReason: 'Meeting postponed',
    });

    const again = await revoke(record.grantId as string, 'Twice');
    expect(again.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('principle 5: a grant to one staff id, for screening, needs no meeting id', async () => {
    const created = await grant(
      grantInput({
        granteeAgency: null,
        granteeRole: null,
        granteeAreas: null,
        granteeStaffId: 'HSG00042',
        granteeIssuer: TEST_ISSUER,
        purpose: 'MAPPA_SCREENING',
        caseId: null,
        pncId: inArea[1]!.pncId,
      }),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.grantCaseAccess).toMatchObject({
      granteeStaffId: 'HSG00042',
      granteeIssuer: TEST_ISSUER,
      granteeAgency: null,
      granteeRole: null,
      purpose: 'MAPPA_SCREENING',
      caseId: null,
    });
  });

  describe("myCaseAccessGrants: the caller's own live grants for the declared purpose", () => {
    const HEALTH_ATTENDEE: Principal = {
      issuer: TEST_ISSUER,
      staffId: 'HLT00007',
      agency: 'health',
      roles: ['dtc_attendee'],
      area: AREA,
      clearance: 'BPSS',
    };
    let byStaff: string;
    let byRole: string;
    let otherMeeting: string;
    let pending: string;

    beforeAll(async () => {
      byStaff = await grantIdOf(
        grantInput({
          granteeAgency: null,
          granteeRole: null,
          granteeAreas: null,
          granteeStaffId: 'HLT00007',
          granteeIssuer: TEST_ISSUER,
          pncId: inArea[2]!.pncId,
          caseId: 'MTG-2001',
        }),
      );
      byRole = await grantIdOf(grantInput({ pncId: inArea[3]!.pncId, caseId: 'MTG-2001' }));
      otherMeeting = await grantIdOf(grantInput({ pncId: inArea[4]!.pncId, caseId: 'MTG-2002' }));
      pending = await grantIdOf(grantInput({ pncId: inArea[5]!.pncId, caseId: 'MTG-2001', validFrom: inDays(2), validUntil: inDays(20) }));
      // An expired grant: the API refuses to make one, so it is written as it would stand after its time.
      await database.connection
        .database()
        .insert(caseAccessGrantTable)
        .values({
          grantId: '00000000-0000-4000-8000-000000000001',
          granteeAgency: 'health',
          granteeRole: 'dtc_attendee',
          granteeAreas: [AREA],
          pncId: inArea[6]!.pncId,
          purpose: 'MAPPA_MEETING',
          caseId: 'MTG-2001',
          validFrom: new Date(Date.now() - 20 * DAY_MS),
          validUntil: new Date(Date.now() - DAY_MS),
          reason: 'An earlier meeting',
          createdByStaffId: COORDINATOR.staffId,
        });
    });

    const idsFor = async (caller: Caller) => {
      const result = await mine(caller);
      expect(result.errors).toBeUndefined();
      return (result.data?.myCaseAccessGrants as { grantId: string }[]).map((row) => row.grantId).sort();
    };

    it('principle 5: matches by staff id and by agency + role, for the declared meeting only, started and not expired', async () => {
      expect(await idsFor(as(HEALTH_ATTENDEE, meeting('MTG-2001')))).toEqual([byStaff, byRole].sort());
      expect(await idsFor(as(HEALTH_ATTENDEE, meeting('MTG-2002')))).toEqual([otherMeeting]);
      expect(pending).toBeDefined();
    });

    it('principle 5: carries what the gateway needs, and nothing for another purpose, agency or person', async () => {
      const result = await mine(as(HEALTH_ATTENDEE, meeting('MTG-2001')));
      expect(result.data?.myCaseAccessGrants).toContainEqual({
        grantId: byStaff,
        pncId: inArea[2]!.pncId,
        purpose: 'MAPPA_MEETING',
        caseId: 'MTG-2001',
        validUntil: expect.any(String),
      });
      expect(await idsFor(as(HEALTH_ATTENDEE, { purpose: 'DISCLOSURE_DECISION', caseId: 'MTG-2001' }))).toEqual([]);
      expect(await idsFor(as({ ...HEALTH_ATTENDEE, staffId: 'HLT00008' }, meeting('MTG-2001')))).toEqual([byRole]);
      expect(await idsFor(as({ ...HEALTH_ATTENDEE, staffId: 'HSG00001', agency: 'housing' }, meeting('MTG-2001')))).toEqual([]);
    });

    it('principle 5: a revoked grant stops applying at once', async () => {
      const revoked = await revoke(byRole, 'No longer attending');
      expect(revoked.errors).toBeUndefined();
      expect(await idsFor(as(HEALTH_ATTENDEE, meeting('MTG-2001')))).toEqual([byStaff]);
    });

    it("principle 9 (issue 9 §3): never lists a grant for a subject the holder's row scope hides whatever the grant, in the list's one statement", async () => {
      const today = calendarDateOf(new Date());
      const [adult, child] = inArea.slice(7).filter((person) => !isUnder18(person.dateOfBirth, today));
      // The area holds no child in this dataset: the referral of one records a date of birth 10 years ago, as it would for a child.
      await database.connection
        .database()
        .execute(sql`update mappa.mappa_case set subject_date_of_birth = ${addDays(today, -3653)} where pnc_id = ${child!.pncId}`);
      const holder: Principal = { ...HEALTH_ATTENDEE, staffId: 'HLT00009' };
      const byId = (pncId: string, caseId: string) =>
        grantInput({
          granteeAgency: null,
          granteeRole: null,
          granteeAreas: null,
          granteeStaffId: holder.staffId,
          granteeIssuer: holder.issuer,
          pncId,
          caseId,
        });
      const visible = await grantIdOf(byId(adult!.pncId, 'MTG-2003'));
      const hidden = [await grantIdOf(byId(restrictedInArea.pncId, 'MTG-2003')), await grantIdOf(byId(child!.pncId, 'MTG-2003'))];
      subgraph.statements.reset();
      expect(await idsFor(as(holder, meeting('MTG-2003')))).toEqual([visible]);
      // The subjects' MAPPA cases are checked in the grants' own statement.
      expect(subgraph.statements.count).toBe(1);
      // A cleared holder sees the restricted subject's grant; the child stays out at a meeting for everyone.
      expect(await idsFor(as({ ...holder, clearance: 'SC' }, meeting('MTG-2003')))).toEqual([visible, hidden[0]!].sort());
    });

    it('principle 8: not for roles that hold no grants, nor for case management', async () => {
      for (const caller of [
        as({ ...HEALTH_ATTENDEE, roles: ['analyst'] }, meeting('MTG-2001')),
        as(HEALTH_ATTENDEE, { purpose: 'CASE_MANAGEMENT', caseId: null }),
      ]) {
        const result = await mine(caller);
        expect(result.data?.myCaseAccessGrants).toBeNull();
        expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy])).toEqual([
          ['FORBIDDEN', 'mappa.ownCaseGrants'],
        ]);
      }
    });
  });

  describe('input validation', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['a malformed PNC ID', { pncId: '2008/123' }, 'input.pncId'],
      ['a PNC ID with the wrong check letter', { pncId: '2008/0545166A' }, 'input.pncId'],
      ['validUntil in the past', { validUntil: inDays(-1) }, 'input.validUntil'],
      [`validUntil more than ${MAX_GRANT_DAYS} days ahead`, { validUntil: inDays(MAX_GRANT_DAYS + 1) }, 'input.validUntil'],
      ['validFrom in the past', { validFrom: inDays(-2) }, 'input.validFrom'],
      ['validUntil before validFrom', { validFrom: inDays(10), validUntil: inDays(5) }, 'input.validUntil'],
      ['a meeting grant without its meeting id', { caseId: null }, 'input.caseId'],
      ['a disclosure decision grant without its decision id', { purpose: 'DISCLOSURE_DECISION', caseId: null }, 'input.caseId'],
      ['a screening grant naming a meeting', { purpose: 'MAPPA_SCREENING', caseId: 'MTG-1' }, 'input.caseId'],
      ['both grantee forms', { granteeStaffId: 'HLT00001' }, 'input.granteeStaffId'],
      ['neither grantee form', { granteeAgency: null, granteeRole: null, granteeAreas: null }, 'input.granteeStaffId'],
      ['issue 12: a grant to an agency and role naming no area', { granteeAreas: null }, 'input.granteeAreas'],
      ['issue 12: a grant to an agency and role naming an empty list of areas', { granteeAreas: [] }, 'input.granteeAreas'],
      [
        'issue 12: a grant to a staff id naming areas',
        { granteeAgency: null, granteeRole: null, granteeStaffId: 'HLT00001', granteeIssuer: TEST_ISSUER },
        'input.granteeAreas',
      ],
      [
        'issue 9 §2: a staff id without the identity provider that issued it',
        { granteeAgency: null, granteeRole: null, granteeAreas: null, granteeStaffId: 'HLT00001' },
        'input.granteeIssuer',
      ],
      [
        'issue 9 §2: a role its agency cannot hold (housing + ppu_officer)',
        { granteeAgency: 'housing', granteeRole: 'ppu_officer' },
        'input.granteeRole',
      ],
      ['a role without its agency', { granteeAgency: null }, 'input.granteeAgency'],
      ['an unknown agency', { granteeAgency: 'bank' }, 'input.granteeAgency'],
      ['principle 8: a lay adviser role', { granteeRole: 'lay_adviser' }, 'input.granteeRole'],
      ["the MAPPA unit's own chair role", { granteeRole: 'mappa_chair' }, 'input.granteeRole'],
      ['an empty reason', { reason: '  ' }, 'input.reason'],
    ])('refuses %s with BAD_USER_INPUT naming the issue, and records nothing', async (_name, overrides, issuePath) => {
      const before = await grantRows();
      const result = await grant(grantInput(overrides));
      expect(result.data?.grantCaseAccess).toBeNull();
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.issues?.map((issue) => issue.path)).toContain(issuePath);
      expect(await grantRows()).toBe(before);
    });

    it("refuses a grant purpose outside the MAPPA purposes at the schema (case management is the owners' own)", async () => {
      const result = await grant(grantInput({ purpose: 'CASE_MANAGEMENT' }));
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe("only the co-ordinator, of the case's area", () => {
    it.each<[string, Principal]>([
      ['the chair', { ...COORDINATOR, staffId: 'PPU00009', agency: 'police', roles: ['mappa_chair'] }],
      ['a probation practitioner', { ...COORDINATOR, staffId: 'NPS00009', agency: 'probation', roles: ['probation_practitioner'] }],
      ['a duty-to-co-operate attendee', { ...COORDINATOR, staffId: 'HLT00009', agency: 'health', roles: ['dtc_attendee'] }],
      ['a co-ordinator role outside the MAPPA unit', { ...COORDINATOR, agency: 'prison' }],
    ])('principle 1: %s is FORBIDDEN once, and the mutation does not run', async (_name, principal) => {
      const before = await grantRows();
      const result = await grant(grantInput(), as(principal));
      expect(result.data?.grantCaseAccess).toBeNull();
      expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy, error.path])).toEqual([
        ['FORBIDDEN', 'mappa.caseGrantAdministration', ['grantCaseAccess']],
      ]);
      expect(await grantRows()).toBe(before);
      const listed = await list(inArea[0]!.pncId, as(principal));
      expect(listed.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it('principle 9: a subject in another area, a CT-restricted one without clearance, and an unknown PNC ID answer alike', async () => {
      const uncleared = as({ ...COORDINATOR, clearance: 'BPSS' });
      const cases: [string, Caller][] = [
        [otherArea.pncId, as(COORDINATOR)],
        [restrictedInArea.pncId, uncleared],
        [UNKNOWN_PNC_ID, as(COORDINATOR)],
      ];
      const answers = [];
      for (const [pncId, caller] of cases) {
        const created = await grant(grantInput({ pncId }), caller);
        const listed = await list(pncId, caller);
        answers.push([
          created.data,
          created.errors?.map((error) => [error.message, error.extensions?.code, error.path]),
          listed.data,
          listed.errors?.map((error) => [error.message, error.extensions?.code]),
        ]);
      }
      expect(answers[0]).toEqual([
        { grantCaseAccess: null },
        [['No MAPPA case in your area holds this PNC ID.', 'NOT_FOUND', ['grantCaseAccess']]],
        { caseAccessGrants: null },
        [['No MAPPA case in your area holds this PNC ID.', 'NOT_FOUND']],
      ]);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      // Cleared, the same co-ordinator may grant on the restricted subject.
      expect((await grant(grantInput({ pncId: restrictedInArea.pncId }))).errors).toBeUndefined();
    });

    it("principle 9: revoking another area's grant answers as an unknown grant id, and leaves it live", async () => {
      const otherCoordinator = as({ ...COORDINATOR, staffId: 'MCU00002', area: otherArea.area });
      const created = await grant(grantInput({ pncId: otherArea.pncId }), otherCoordinator);
      const grantId = (created.data?.grantCaseAccess as { grantId: string }).grantId;
      const foreign = await revoke(grantId, 'Not mine');
      const unknown = await revoke('00000000-0000-4000-8000-00000000abcd', 'Not mine');
      expect(foreign.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
        ['No case access grant with this id in your area.', 'NOT_FOUND'],
      ]);
      expect(unknown.errors).toEqual(foreign.errors);
      expect(unknown.data).toEqual(foreign.data);
      const [row] = await database.connection
        .database()
        .select()
        .from(caseAccessGrantTable)
        .where(eq(caseAccessGrantTable.grantId, grantId));
      expect(row?.revokedAt).toBeNull();
    });
  });

  describe('the database keeps grants honest', () => {
    const base = {
      pncId: people[0]!.pncId,
      purpose: 'MAPPA_SCREENING' as const,
      validFrom: new Date(),
      validUntil: new Date(Date.now() + DAY_MS),
      reason: 'test',
      createdByStaffId: 'MCU00001',
    };
    const insert = (values: Partial<typeof caseAccessGrantTable.$inferInsert>) =>
      database.connection
        .database()
        .insert(caseAccessGrantTable)
        .values({ ...base, grantId: crypto.randomUUID(), ...values });
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (caught: unknown) => caught as { cause?: { message?: string; constraint?: string }; message?: string },
      );
      expect(error).not.toBeNull();
      return `${error?.message ?? ''} ${error?.cause?.message ?? ''} ${error?.cause?.constraint ?? ''}`;
    };

    it('refuses a grant naming both a staff id and an agency + role (CHECK case_access_grant_grantee_check)', async () => {
      expect(
        await failure(
          insert({
            granteeStaffId: 'HLT00001',
            granteeIssuer: TEST_ISSUER,
            granteeAgency: 'health',
            granteeRole: 'dtc_attendee',
            granteeAreas: [AREA],
          }),
        ),
      ).toMatch(/case_access_grant_grantee_(areas_)?check/);
    });

    it('issue 12: refuses a grant to an agency and role without areas (CHECK case_access_grant_grantee_areas_check)', async () => {
      expect(await failure(insert({ granteeAgency: 'health', granteeRole: 'dtc_attendee' }))).toMatch(
        /case_access_grant_grantee_areas_check/,
      );
      expect(await failure(insert({ granteeAgency: 'health', granteeRole: 'dtc_attendee', granteeAreas: [] }))).toMatch(
        /case_access_grant_grantee_areas_check/,
      );
    });

    it('refuses a grant naming neither (CHECK case_access_grant_grantee_check)', async () => {
      expect(await failure(insert({}))).toMatch(/case_access_grant_grantee_check/);
    });

    it('refuses a meeting grant without a meeting id (CHECK case_access_grant_case_id_check)', async () => {
      expect(await failure(insert({ granteeStaffId: 'HLT00001', granteeIssuer: TEST_ISSUER, purpose: 'MAPPA_MEETING' }))).toMatch(
        /case_access_grant_case_id_check/,
      );
    });

    it('never deletes a grant, and lets a grant change only by one revocation', async () => {
      const grantId = crypto.randomUUID();
      await insert({ grantId, granteeStaffId: 'HLT00001', granteeIssuer: TEST_ISSUER });
      const db = database.connection.database();
      const byId = eq(caseAccessGrantTable.grantId, grantId);
      expect(await failure(db.delete(caseAccessGrantTable).where(byId))).toMatch(/never deleted/);
      expect(
        await failure(
          db
            .update(caseAccessGrantTable)
            .set({ validUntil: new Date(Date.now() + 9 * DAY_MS) })
            .where(byId),
        ),
      ).toMatch(/only be revoked/);
      await db
        .update(caseAccessGrantTable)
        .set({ revokedAt: new Date(), revokedByStaffId: 'MCU00001', revocationReason: 'done' })
        .where(byId);
      expect(await failure(db.update(caseAccessGrantTable).set({ revocationReason: 'rewritten' }).where(byId))).toMatch(/only be revoked/);
      const [row] = await db.select().from(caseAccessGrantTable).where(byId);
      expect(row?.revocationReason).toBe('done');
    });
  });
});
