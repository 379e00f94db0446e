import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import {
  ASSERTION_HEADER,
  auditEntryTable,
  auditValueHash,
  AuditWriter,
  DatabaseConnection,
  MappaArea,
  verifyAllAuditLogs,
  verifyAuditLog,
} from '@mappa/shared';
import { openTestDatabase, TEST_ISSUER, postGraphQL } from '@mappa/testing';
import type { AuditPayload, AuditPayloadInput, DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import { DEFAULT_PRINCIPAL, DEFAULT_PURPOSE, eventually, startGatewayOver, startTestStack, vouched } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

let env: TestStack;
let requestCount = 0;

const PPU_OFFICER: PrincipalClaims = {
  staffId: 'PPU0042',
  agency: 'police',
  roles: ['ppu_officer'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };

const OFFENDER_VIEW = `query AuditedOffenderView($pncId: ID!) {
  offender(pncId: $pncId) {
    pncId
    identity { firstName lastName dateOfBirth }
    mappaCase { category level }
    probationCase { crn }
    custody { inOutStatus }
    youthCase { yotReference }
  }
}`;

interface StoredEntry {
  readonly log: string;
  readonly sequence: number;
  readonly payload: AuditPayload;
}

/** A fresh request id per call, so a test reads exactly the entries its own request left. */
function nextRequestId(): string {
  requestCount += 1;
  return `audit-test-${String(requestCount).padStart(4, '0')}`;
}

async function ask<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ requestId: string; status: number; body: GraphQLResponse<Data> }> {
  const requestId = nextRequestId();
  const response = await fetch(`${env.stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId, status: response.status, body: (await response.json()) as GraphQLResponse<Data> };
}

/** Rows of a raw query (both drivers answer `{ rows }`). */
async function rowsOf<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Row[] }).rows;
}

async function entriesOf(requestId: string): Promise<StoredEntry[]> {
  const rows = await env.connection
    .database()
    .select()
    .from(auditEntryTable)
    .where(eq(auditEntryTable.requestId, requestId))
    .orderBy(asc(auditEntryTable.log), asc(auditEntryTable.sequence));
  return rows.map((row) => ({ log: row.log, sequence: row.sequence, payload: row.payload as AuditPayload }));
}

const onlyEntry = (entries: readonly StoredEntry[], log: string): AuditPayload => {
  const matching = entries.filter((entry) => entry.log === log);
  expect(matching).toHaveLength(1);
  return matching[0]!.payload;
};

// Audit storage that refuses writes, as a full disk or a lost connection would: a trigger on the
// real table, for one log or for all, raising on every insert.
async function makeAuditUnavailable(log: string | null): Promise<void> {
  const db = env.connection.database();
  await db.execute(
    sql`create or replace function audit.test_storage_unavailable() returns trigger language plpgsql as $$ begin raise exception 'audit storage unavailable'; end $$`,
  );
  if (log === null)
    await db.execute(
      sql`create trigger test_storage_unavailable before insert on audit.entry for each row execute function audit.test_storage_unavailable()`,
    );
  else
    await db.execute(
      sql.raw(
        `create trigger test_storage_unavailable before insert on audit.entry for each row when (new.log = '${log}') execute function audit.test_storage_unavailable()`,
      ),
    );
}

async function restoreAudit(): Promise<void> {
  await env.connection.database().execute(sql`drop trigger if exists test_storage_unavailable on audit.entry`);
}

beforeAll(async () => {
  env = await startTestStack();
  // Seeding a stack outlasts jest's 60 s on a loaded two-core machine.
}, 300_000);

afterAll(async () => {
  await env.close();
});

afterEach(async () => {
  await restoreAudit();
});

/** A person the PPU officer may know (own area, not counter-terrorism restricted, an adult). */
async function personThePpuOfficerSees(): Promise<string> {
  for (const person of env.people) {
    const { body } = await ask<{ offender: { pncId: string } | null }>(
      OFFENDER_VIEW,
      { pncId: person.pncId },
      await env.headersFor(PPU_OFFICER, CASE_MANAGEMENT),
    );
    if (body.data?.offender) return person.pncId;
  }
  throw new Error('no person in scope for the PPU officer');
}

describe('the audit trail: what is recorded', () => {
  it('the gateway records who, why, which operation (a document hash, never variables), whom, and per agency the fields returned and denied', async () => {
    const pncId = await personThePpuOfficerSees();
    const { requestId, body } = await ask<{ offender: Record<string, unknown> }>(
      OFFENDER_VIEW,
      { pncId },
      await env.headersFor(PPU_OFFICER, CASE_MANAGEMENT),
    );
    const gateway = onlyEntry(await entriesOf(requestId), 'gateway');
    expect(gateway).toMatchObject({
      principal: { staffId: 'PPU0042', issuer: TEST_ISSUER, agency: 'police', roles: ['ppu_officer'], area: 'LONDON' },
      purpose: 'CASE_MANAGEMENT',
      caseId: null,
      operationName: 'AuditedOffenderView',
      documentHash: createHash('sha256').update(OFFENDER_VIEW).digest('hex'),
      subjects: [pncId],
    });
    // Every FORBIDDEN error the caller got is in the entry, with the policy that denied it, under its owner.
    const forbidden = (body.errors ?? [])
      .filter((error) => error.extensions?.code === 'FORBIDDEN')
      .map((error) => String(error.extensions?.policy));
    expect(forbidden.length).toBeGreaterThan(0);
    const deniedPolicies = gateway.fields.flatMap((service) =>
      service.denied.map((denied) => {
        expect(denied.policy.startsWith(`${service.service}.`)).toBe(true);
        return denied.policy;
      }),
    );
    expect([...new Set(deniedPolicies)].sort()).toEqual([...new Set(forbidden)].sort());
    expect(gateway.outcome).toBe('PARTLY_DENIED');
    expect(gateway.errorCodes).toEqual(['FORBIDDEN']);
    // Every field that carried a value is named as returned, under an agency.
    const returned = new Set(gateway.fields.flatMap((service) => service.returned));
    for (const [field, value] of Object.entries(body.data!.offender)) {
      expect(returned.has(`Offender.${field}`)).toBe(value !== null);
    }
    expect(returned.has('PoliceIdentity.firstName') || [...returned].some((coordinate) => coordinate.endsWith('.firstName'))).toBe(true);
  });

  it('each agency asked keeps its own entry for the same request: its subjects, its fields returned, to whom, under which purpose', async () => {
    const pncId = await personThePpuOfficerSees();
    const { requestId } = await ask(OFFENDER_VIEW, { pncId }, await env.headersFor(PPU_OFFICER, CASE_MANAGEMENT));
    const entries = await entriesOf(requestId);
    const owners = entries.map((entry) => entry.log).filter((log) => log !== 'gateway');
    expect(owners).toContain('police');
    for (const owner of new Set(owners)) {
      for (const { payload } of entries.filter((entry) => entry.log === owner)) {
        expect(payload.principal).toEqual({
          staffId: 'PPU0042',
          issuer: TEST_ISSUER,
          agency: 'police',
          roles: ['ppu_officer'],
          area: 'LONDON',
        });
        expect(payload.purpose).toBe('CASE_MANAGEMENT');
        expect(payload.fields.map((fields) => fields.service)).toEqual([owner]);
      }
    }
    const police = entries.filter((entry) => entry.log === 'police').map((entry) => entry.payload);
    expect(
      police.some(
        (payload) => payload.subjects.includes(pncId) && payload.fields[0]!.returned.some((field) => field.endsWith('.firstName')),
      ),
    ).toBe(true);
  });

  it('no data leaks through the audit: no field values, no variable values, no response bodies', async () => {
    const pncId = await personThePpuOfficerSees();
    const { requestId, body } = await ask<{ offender: { identity: { firstName: string; lastName: string; dateOfBirth: string } | null } }>(
      OFFENDER_VIEW,
      { pncId },
      await env.headersFor(PPU_OFFICER, CASE_MANAGEMENT),
    );
    const identity = body.data!.offender.identity;
    expect(identity).not.toBeNull();
    const stored = JSON.stringify(await entriesOf(requestId));
    expect(stored.length).toBeGreaterThan(100);
    for (const value of [identity!.firstName, identity!.lastName, identity!.dateOfBirth]) expect(stored).not.toContain(value);
    expect(stored).not.toContain('"variables"');
  });

  it('an authentication failure is recorded by the gateway with no principal, and no agency is asked', async () => {
    const { requestId, status, body } = await ask(
      OFFENDER_VIEW,
      { pncId: env.people[0]!.pncId },
      { 'x-mappa-purpose': 'CASE_MANAGEMENT', authorization: 'Bearer not-a-token' },
    );
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Refusals before authentication are written once their window closes (issue 9 §1; 200 ms in tests).
    const entries = await eventually(
      () => entriesOf(requestId),
      (found) => found.length > 0,
    );
    expect(entries.map((entry) => entry.log)).toEqual(['gateway']);
    expect(entries[0]!.payload).toMatchObject({
      principal: null,
      purpose: null,
      operationName: null,
      documentHash: createHash('sha256').update(OFFENDER_VIEW).digest('hex'),
      subjects: [],
      outcome: 'UNAUTHENTICATED',
      errorCodes: ['UNAUTHENTICATED'],
    });
  });

  it('a request without a declared purpose is recorded as rejected, naming the principal', async () => {
    const headers = await env.headersFor(PPU_OFFICER, CASE_MANAGEMENT);
    delete headers['x-mappa-purpose'];
    const { requestId, body } = await ask(OFFENDER_VIEW, { pncId: env.people[0]!.pncId }, headers);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(onlyEntry(await entriesOf(requestId), 'gateway')).toMatchObject({
      principal: { staffId: 'PPU0042' },
      purpose: null,
      outcome: 'REJECTED',
      errorCodes: ['BAD_USER_INPUT'],
    });
  });

  it('an invalid document is recorded as rejected', async () => {
    const { requestId, body } = await ask('query Broken { offender(pncId: "2008/0545166T") { noSuchField } }', {}, await env.headersFor());
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(onlyEntry(await entriesOf(requestId), 'gateway')).toMatchObject({
      principal: { staffId: DEFAULT_PRINCIPAL.staffId },
      operationName: 'Broken',
      outcome: 'REJECTED',
      subjects: [],
    });
  });

  it('a long operation name is kept to 128 characters everywhere, never a reason to withhold the answer', async () => {
    // The gateway names each subgraph fetch after the operation (`<name>__police__0`), so an owner sees a longer name still.
    const name = `Q${'x'.repeat(126)}`;
    const pncId = env.people[0]!.pncId;
    const { requestId, body } = await ask<{ offender: { pncId: string } }>(
      OFFENDER_VIEW.replace('AuditedOffenderView', name),
      { pncId },
      await env.headersFor(),
    );
    // The co-ordinator is denied the youth case (A.R10), and nothing else is refused.
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(body.data?.offender.pncId).toBe(pncId);
    const entries = await entriesOf(requestId);
    expect(entries.length).toBeGreaterThan(1);
    expect(onlyEntry(entries, 'gateway').operationName).toBe(name);
    for (const { payload } of entries) {
      expect(payload.operationName!.startsWith(name)).toBe(true);
      expect(payload.operationName!.length).toBeLessThanOrEqual(128);
    }
  });

  it("principle 9: asking about someone outside the caller's scope is recorded with no subject, exactly as for an unknown PNC ID", async () => {
    const elsewhere: PrincipalClaims = { ...PPU_OFFICER, staffId: 'PPU0043', area: MappaArea.ESSEX };
    const known = await ask<{ offender: unknown }>(
      OFFENDER_VIEW,
      { pncId: env.people[0]!.pncId },
      await env.headersFor(elsewhere, CASE_MANAGEMENT),
    );
    expect(known.body.data?.offender).toBeNull();
    const gateway = onlyEntry(await entriesOf(known.requestId), 'gateway');
    expect(gateway.subjects).toEqual([]);
    expect(gateway.fields.flatMap((service) => service.returned)).toEqual([]);
  });
});

describe("the audit trail: the owner's own evidence", () => {
  /** The exact body `askPolice` sends: an assertion is signed for it. */
  const policeBody = (): string =>
    JSON.stringify({
      query: OFFENDER_VIEW.replace(/\n\s*(mappaCase|probationCase|custody|youthCase) \{[^}]*\}/g, ''),
      variables: { pncId: env.people[0]!.pncId },
    });

  async function askPolice(headers: Record<string, string>): Promise<{ requestId: string; status: number; body: GraphQLResponse }> {
    const requestId = nextRequestId();
    const response = await fetch(`${env.stack.subgraphs.police.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
      body: policeBody(),
    });
    return { requestId, status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  it('a subgraph records what it served in its own log, whoever called it and whether or not the gateway did', async () => {
    const caller = { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE };
    const { requestId, body } = await askPolice({
      [ASSERTION_HEADER]: await env.stack.assertionSigner.sign('police', caller, 'direct-0001', policeBody()),
    });
    expect(body.errors).toBeUndefined();
    // The request id is the one the assertion vouches for: the gateway's, tying the owner's entry to the gateway's.
    expect(await entriesOf(requestId)).toEqual([]);
    const entries = await entriesOf('direct-0001');
    expect(entries.map((entry) => entry.log)).toEqual(['police']);
    expect(entries[0]!.payload).toMatchObject({
      principal: { staffId: DEFAULT_PRINCIPAL.staffId },
      purpose: 'MAPPA_SCREENING',
      subjects: [env.people[0]!.pncId],
      outcome: 'ALLOWED',
    });
  });

  it('an attempt that does not come through the gateway is recorded by the owner as unauthenticated', async () => {
    const { requestId, status } = await askPolice({});
    expect(status).toBe(401);
    expect((await entriesOf(requestId)).map((entry) => [entry.log, entry.payload.outcome, entry.payload.principal])).toEqual([
      ['police', 'UNAUTHENTICATED', null],
    ]);
  });

  it('fail closed at the owner: with its audit storage refusing writes, the subgraph returns no data and AUDIT_UNAVAILABLE', async () => {
    await makeAuditUnavailable('police');
    const caller = { principal: vouched(DEFAULT_PRINCIPAL), declaredPurpose: DEFAULT_PURPOSE };
    const { body } = await askPolice({
      [ASSERTION_HEADER]: await env.stack.assertionSigner.sign('police', caller, 'direct-0002', policeBody()),
    });
    expect(body).toEqual({
      errors: [{ message: expect.stringMatching(/could not be recorded in the audit trail/), extensions: { code: 'AUDIT_UNAVAILABLE' } }],
    });
  });

  it('costs a bounded number of SQL statements: one entry per service per request, never one per field or per subject', async () => {
    const { stack } = env;
    // Once every writer knows its log's head (after a first request), an entry is one statement.
    await ask(OFFENDER_VIEW, { pncId: env.people[1]!.pncId }, await env.headersFor());
    stack.gateway.auditStatements.reset();
    env.resetCounters();
    for (const subgraph of Object.values(stack.subgraphs)) subgraph.auditStatements.reset();
    const { body } = await ask(OFFENDER_VIEW, { pncId: env.people[1]!.pncId }, await env.headersFor());
    expect(body.data).toBeDefined();
    expect(stack.gateway.auditStatements.count).toBe(1);
    // At most one statement per request served (two requests' entries may share one).
    for (const subgraph of Object.values(stack.subgraphs)) {
      expect(subgraph.auditStatements.count).toBeLessThanOrEqual(subgraph.requests.count);
      expect(subgraph.auditStatements.count > 0).toBe(subgraph.requests.count > 0);
    }
  });
});

describe('the audit trail: mutations', () => {
  it("a level change records which fields of which records changed, with hashes of the old and new values, in the owner's log", async () => {
    const [active] = await rowsOf<{ case_id: string; pnc_id: string; level: number }>(
      sql`select case_id, pnc_id, level from mappa.mappa_case where status = 'ACTIVE' and category <> 3 and pnc_id not in (select pnc_id from police.visor_nominal where restricted_access) order by case_id limit 1`,
    );
    if (!active) throw new Error('the dataset has an active case');
    const level = active.level === 1 ? 2 : 1;
    const { requestId, body } = await ask(
      'mutation ChangeLevel($input: ChangeMappaLevelInput!) { changeMappaLevel(input: $input) { caseId level } }',
      {
        input: {
          caseId: active.case_id,
          level,
          decisionKind: 'SCREENING_DECISION',
          decisionReference: 'SCR-2026-0042',
          reason: 'New information about risk',
        },
      },
      await env.headersFor(DEFAULT_PRINCIPAL, DEFAULT_PURPOSE),
    );
    expect(body.errors).toBeUndefined();
    const mappa = (await entriesOf(requestId)).filter((entry) => entry.log === 'mappa').map((entry) => entry.payload);
    const change = mappa.find((payload) => payload.changes.length > 0);
    expect(change).toMatchObject({
      principal: { staffId: DEFAULT_PRINCIPAL.staffId },
      purpose: 'MAPPA_SCREENING',
      operationName: expect.stringMatching(/^ChangeLevel__mappa__/),
      subjects: [active.pnc_id],
    });
    const record = `MappaCase:${active.case_id}`;
    expect(change!.changes).toContainEqual({
      record,
      field: 'level',
      oldValueHash: auditValueHash(record, 'level', active.level),
      newValueHash: auditValueHash(record, 'level', level),
    });
    const history = change!.changes.filter((entry) => entry.record.startsWith(`MappaCaseChange:${active.case_id}/`));
    expect(history.map((entry) => entry.field)).toEqual(expect.arrayContaining(['valueBefore', 'valueAfter', 'reason']));
    expect(history.every((entry) => entry.oldValueHash === null && entry.newValueHash !== null)).toBe(true);
    // The reason is proven by its hash, never stored.
    expect(JSON.stringify(mappa)).not.toContain('New information about risk');
  });

  it("a case access grant and its revocation each leave the owner's evidence: the fields set, as hashes of their values", async () => {
    const pncId = env.people[2]!.pncId;
    const validUntil = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const granted = await ask<{ grantCaseAccess: { grantId: string } }>(
      'mutation Grant($input: GrantCaseAccessInput!) { grantCaseAccess(input: $input) { grantId } }',
      {
        input: {
          granteeStaffId: 'PRAC0099',
          granteeIssuer: TEST_ISSUER,
          pncId,
          purpose: 'MAPPA_SCREENING',
          validUntil,
          reason: 'Screening needs their view',
        },
      },
      await env.headersFor(DEFAULT_PRINCIPAL, DEFAULT_PURPOSE),
    );
    expect(granted.body.errors).toBeUndefined();
    const grantId = granted.body.data!.grantCaseAccess.grantId;
    const record = `CaseAccessGrant:${grantId}`;
    const grantEvidence = (await entriesOf(granted.requestId)).find(
      (entry) => entry.log === 'mappa' && entry.payload.changes.length > 0,
    )!.payload;
    expect(grantEvidence.subjects).toEqual([pncId]);
    expect(grantEvidence.changes).toEqual(
      expect.arrayContaining([
        { record, field: 'granteeStaffId', oldValueHash: null, newValueHash: auditValueHash(record, 'granteeStaffId', 'PRAC0099') },
        { record, field: 'pncId', oldValueHash: null, newValueHash: auditValueHash(record, 'pncId', pncId) },
        { record, field: 'purpose', oldValueHash: null, newValueHash: auditValueHash(record, 'purpose', 'MAPPA_SCREENING') },
      ]),
    );
    // Fields the grant does not set (no role grantee) are not claimed as changed.
    expect(grantEvidence.changes.map((change) => change.field)).not.toContain('granteeRole');
    const revoked = await ask(
      'mutation Revoke($id: ID!) { revokeCaseAccess(grantId: $id, reason: "No longer needed") { grantId } }',
      { id: grantId },
      await env.headersFor(DEFAULT_PRINCIPAL, DEFAULT_PURPOSE),
    );
    expect(revoked.body.errors).toBeUndefined();
    const revokeEvidence = (await entriesOf(revoked.requestId)).find(
      (entry) => entry.log === 'mappa' && entry.payload.changes.length > 0,
    )!.payload;
    expect(revokeEvidence.changes.map((change) => [change.record, change.field, change.oldValueHash])).toEqual([
      [record, 'revokedAt', null],
      [record, 'revokedByStaffId', null],
      [record, 'revocationReason', null],
    ]);
    expect(revokeEvidence.changes.find((change) => change.field === 'revocationReason')?.newValueHash).toBe(
      auditValueHash(record, 'revocationReason', 'No longer needed'),
    );
  });

  it('fail closed: when the owner cannot record a change, the change is not made', async () => {
    const [active] = await rowsOf<{ case_id: string; level: number }>(
      sql`select case_id, level from mappa.mappa_case where status = 'ACTIVE' and category <> 3 and pnc_id not in (select pnc_id from police.visor_nominal where restricted_access) order by case_id desc limit 1`,
    );
    if (!active) throw new Error('the dataset has an active case');
    await makeAuditUnavailable('mappa');
    const { body } = await ask(
      'mutation ChangeLevel($input: ChangeMappaLevelInput!) { changeMappaLevel(input: $input) { caseId level } }',
      {
        input: {
          caseId: active.case_id,
          level: active.level === 1 ? 2 : 1,
          decisionKind: 'SCREENING_DECISION',
          decisionReference: 'SCR-2026-0043',
          reason: 'Should not land',
        },
      },
      await env.headersFor(DEFAULT_PRINCIPAL, DEFAULT_PURPOSE),
    );
    expect(body.data?.changeMappaLevel ?? null).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
    const [after] = await rowsOf<{ level: number }>(sql`select level from mappa.mappa_case where case_id = ${active.case_id}`);
    expect(after?.level).toBe(active.level);
  });

  it('issue 15: a change is applied and answered as applied, or not applied: when the gateway cannot write its entry after the owner committed the change with its evidence, the answer says it was applied', async () => {
    const [active] = await rowsOf<{ case_id: string; level: number }>(
      sql`select case_id, level from mappa.mappa_case where status = 'ACTIVE' and category <> 3 and pnc_id not in (select pnc_id from police.visor_nominal where restricted_access) order by case_id limit 1 offset 2`,
    );
    if (!active) throw new Error('the dataset has an active case');
    const level = active.level === 1 ? 2 : 1;
    await makeAuditUnavailable('gateway');
    const { requestId, body } = await ask<{ changeMappaLevel: { caseId: string; level: number } }>(
      'mutation ChangeLevel($input: ChangeMappaLevelInput!) { changeMappaLevel(input: $input) { caseId level } }',
      {
        input: {
          caseId: active.case_id,
          level,
          decisionKind: 'SCREENING_DECISION',
          decisionReference: 'SCR-2026-0044',
          reason: 'Applied whatever the gateway log says',
        },
      },
      await env.headersFor(DEFAULT_PRINCIPAL, DEFAULT_PURPOSE),
    );
    await restoreAudit();
    expect(body.errors).toBeUndefined();
    expect(body.data?.changeMappaLevel).toEqual({ caseId: active.case_id, level });
    const [after] = await rowsOf<{ level: number }>(sql`select level from mappa.mappa_case where case_id = ${active.case_id}`);
    expect(after?.level).toBe(level);
    // The owner's evidence of the change committed with it.
    const mappa = (await entriesOf(requestId)).filter((entry) => entry.log === 'mappa' && entry.payload.changes.length > 0);
    expect(mappa).toHaveLength(1);
  });

  // Each database as it is deployed. On the server another replica of the owner is another process with
  // a pool of its own; it is modelled here by a second AuditWriter on a second pool. The embedded
  // database has no second replica: PGlite is one process's, and a second process cannot open its data
  // directory. There, the other writers to the owner's log are the same stack's other requests. A second
  // AuditWriter on the embedded connection is no deployment at all, and a loop of its appends would
  // never give the event loop a turn: PGlite answers in this process without I/O or timers, so a chain
  // of its statements runs on microtasks alone. This test's first form, with such a loop, never ended
  // there: the changes' requests were never read (a 200-burst cap showed none sent until the cap).
  it("issue 15: while other requests append to the owner's log all the while (on the server, another replica too), every change is applied, answered as applied and committed with its own evidence; every other entry commits too", async () => {
    const cases = await rowsOf<{ case_id: string; pnc_id: string; level: number }>(
      sql`select case_id, pnc_id, level from mappa.mappa_case where status = 'ACTIVE' and category <> 3 and pnc_id not in (select pnc_id from police.visor_nominal where restricted_access) order by case_id limit 4 offset 4`,
    );
    expect(cases).toHaveLength(4);
    const url = env.connection.serverUrl;
    const replicaConnection = url ? await DatabaseConnection.open({ url }, { poolSize: 3 }) : undefined;
    let refused = 0;
    const replica =
      replicaConnection &&
      new AuditWriter(replicaConnection.database(), 'mappa', undefined, {
        auditAppended: () => undefined,
        auditBatchCommitted: () => undefined,
        auditFailed: () => {
          refused += 1;
        },
      });
    const replicaPayload: AuditPayloadInput = {
      principal: { staffId: 'MCU0001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: MappaArea.LONDON },
      purpose: 'MAPPA_SCREENING',
      caseId: null,
      operationName: 'OffenderView',
      documentHash: 'c'.repeat(64),
      subjects: [],
      fields: [{ service: 'mappa', returned: ['MappaCase.level'], denied: [] }],
      outcome: 'ALLOWED',
      durationMs: 1,
    };
    const headers = await env.headersFor(DEFAULT_PRINCIPAL, DEFAULT_PURPOSE);
    // Bounded twice over: each load stops once the changes are answered, and after a fixed number of
    // bursts whatever happens, so a failing change can never leave a loop running in the worker.
    let contending = true;
    const replicaAppends: string[] = [];
    const reads: { requestId: string; status: number; body: GraphQLResponse }[] = [];
    const replicaLoad = (async () => {
      for (let burst = 0; replica && contending && burst < 40; burst += 1) {
        const ids = Array.from({ length: 10 }, (_, i) => `replica-${burst}-${i}`);
        await Promise.all(ids.map((requestId) => replica.append({ requestId, payload: replicaPayload })));
        replicaAppends.push(...ids);
      }
    })();
    // The same stack's other requests: reads of the very cases being changed, each recorded in the MAPPA log.
    const readLoad = (async () => {
      for (let burst = 0; contending && burst < 6; burst += 1) {
        reads.push(
          ...(await Promise.all(
            cases.map(({ pnc_id }) =>
              ask(
                'query ContendingRead($pncId: ID!) { offender(pncId: $pncId) { pncId mappaCase { level } } }',
                { pncId: pnc_id },
                headers,
              ),
            ),
          )),
        );
      }
    })();
    try {
      const changes = await Promise.all(
        cases.map(async (active, i) => {
          const level = active.level === 1 ? 2 : 1;
          const answer = await ask<{ changeMappaLevel: { caseId: string; level: number } }>(
            'mutation ChangeLevel($input: ChangeMappaLevelInput!) { changeMappaLevel(input: $input) { caseId level } }',
            {
              input: {
                caseId: active.case_id,
                level,
                decisionKind: 'SCREENING_DECISION',
                decisionReference: `SCR-2026-005${i}`,
                reason: 'Changed while other requests write',
              },
            },
            headers,
          );
          return { active, level, ...answer };
        }),
      );
      contending = false;
      await Promise.all([replicaLoad, readLoad]);
      for (const { active, level, requestId, status, body } of changes) {
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data?.changeMappaLevel).toEqual({ caseId: active.case_id, level });
        const [after] = await rowsOf<{ level: number }>(sql`select level from mappa.mappa_case where case_id = ${active.case_id}`);
        expect(after?.level).toBe(level);
        const evidence = (await entriesOf(requestId)).filter((entry) => entry.log === 'mappa' && entry.payload.changes.length > 0);
        expect(evidence).toHaveLength(1);
      }
      expect(reads.length).toBeGreaterThanOrEqual(cases.length);
      for (const { requestId, status, body } of reads) {
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect((await entriesOf(requestId)).filter((entry) => entry.log === 'mappa')).not.toHaveLength(0);
      }
      expect(refused).toBe(0);
      if (replica) expect(replicaAppends.length).toBeGreaterThanOrEqual(10);
      const [replicaStored] = await rowsOf<{ count: number }>(
        sql`select count(*)::int as count from audit.entry where log = 'mappa' and request_id like 'replica-%'`,
      );
      expect(replicaStored?.count).toBe(replicaAppends.length);
      expect(await verifyAuditLog(env.connection.database(), 'mappa')).toMatchObject({ intact: true });
    } finally {
      contending = false;
      await Promise.allSettled([replicaLoad, readLoad]);
      await replicaConnection?.close();
    }
  });
});

describe('the audit trail: fail closed', () => {
  it('when the gateway cannot write its entry, the caller gets AUDIT_UNAVAILABLE (HTTP 503) and no data', async () => {
    const pncId = env.people[0]!.pncId;
    await makeAuditUnavailable('gateway');
    const { status, body } = await ask(OFFENDER_VIEW, { pncId }, await env.headersFor());
    expect(status).toBe(503);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      { message: expect.stringMatching(/could not be recorded in the audit trail/), extensions: { code: 'AUDIT_UNAVAILABLE' } },
    ]);
    await restoreAudit();
    const again = await ask<{ offender: { pncId: string } }>(OFFENDER_VIEW, { pncId }, await env.headersFor());
    expect(again.status).toBe(200);
    expect(again.body.data?.offender.pncId).toBe(pncId);
  });

  it('when one owner cannot write its entry, its data is withheld with AUDIT_UNAVAILABLE; the others answer and the gateway records the failure', async () => {
    const pncId = env.people[0]!.pncId;
    await makeAuditUnavailable('police');
    const { requestId, body } = await ask<{ offender: Record<string, unknown> | null }>(OFFENDER_VIEW, { pncId }, await env.headersFor());
    await restoreAudit();
    expect(body.errors?.some((error) => error.extensions?.code === 'AUDIT_UNAVAILABLE')).toBe(true);
    // Police own the identity record: none of it reaches the caller.
    expect(body.data?.offender?.identity ?? null).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/firstName"\s*:\s*"/);
    const entries = await entriesOf(requestId);
    expect(entries.some((entry) => entry.log === 'police')).toBe(false);
    expect(onlyEntry(entries, 'gateway')).toMatchObject({ outcome: 'FAILED', errorCodes: expect.arrayContaining(['AUDIT_UNAVAILABLE']) });
  });

  it('when the gateway loses its audit database altogether, it answers AUDIT_UNAVAILABLE (HTTP 503) and no data', async () => {
    // A gateway of its own over the same agencies, keeping its log in a database of its own, as deployed apart.
    const auditDatabase = await openTestDatabase();
    const gateway = await startGatewayOver(env, {
      production: true,
      auditConnection: auditDatabase.connection,
      // In production a gateway runs registered documents only unless told otherwise; this one is sent text.
      trustedDocuments: { mode: 'optional', manifest: new Map() },
    });
    try {
      const pncId = env.people[0]!.pncId;
      const before = await postGraphQL<{ offender: { pncId: string } }>(
        `${gateway.url}/graphql`,
        OFFENDER_VIEW,
        { pncId },
        await env.headersFor(),
      );
      expect(before.data?.offender.pncId).toBe(pncId);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      await auditDatabase.drop();
      // Not ready: a load balancer sends callers to a gateway that can record their requests.
      const readiness = await fetch(`${gateway.url}/readyz`);
      expect(readiness.status).toBe(503);
      expect(await readiness.json()).toMatchObject({
        status: 'not ready',
        checks: [
          { name: 'supergraph', ok: true },
          { name: 'audit database', ok: false },
        ],
      });
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await env.headersFor()) },
        body: JSON.stringify({ query: OFFENDER_VIEW, variables: { pncId } }),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.stringMatching(/could not be recorded in the audit trail/), extensions: { code: 'AUDIT_UNAVAILABLE' } }],
      });
    } finally {
      await gateway.close();
    }
  });

  it('when the audit storage refuses every write, nothing is returned to anyone', async () => {
    await makeAuditUnavailable(null);
    const { status, body } = await ask(OFFENDER_VIEW, { pncId: env.people[0]!.pncId }, await env.headersFor());
    expect(status).toBe(503);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
  });
});

describe('the audit trail: integrity', () => {
  it('tamper-evident: after all the traffic above every chain verifies intact, and appends never forked a chain', async () => {
    // Concurrent requests: entries of many requests are committed together, still one unbroken chain per log.
    const headers = await env.headersFor();
    await Promise.all(
      env.people
        .slice(0, 24)
        .map((person) => postGraphQL(`${env.stack.gateway.url}/graphql`, OFFENDER_VIEW, { pncId: person.pncId }, headers)),
    );
    const results = await verifyAllAuditLogs(env.connection.database());
    // YOT is asked by none of these callers (the youth case is removed before planning for all of them).
    expect(results.map((result) => result.log)).toEqual(expect.arrayContaining(['gateway', 'mappa', 'police', 'prison', 'probation']));
    for (const result of results) expect(result).toMatchObject({ intact: true });
    expect(results.find((result) => result.log === 'gateway')!.entries).toBeGreaterThanOrEqual(24);
  });
});
