import { sql } from 'drizzle-orm';
import { appendAuditEntry } from '@mappa/shared';
import { AUDIT_STORE_TEMPLATE, emptyAuditStore, openTestDatabase } from '@mappa/testing';
import type { AuditPayloadInput } from '@mappa/shared';
import type { TestDatabase } from '@mappa/testing';
import { runAuditVerify } from './audit-verify';

const payload: AuditPayloadInput = {
  principal: { staffId: 'OM0001', agency: 'probation', roles: ['probation_practitioner'], area: null },
  purpose: 'CASE_MANAGEMENT',
  caseId: null,
  operationName: 'Offender',
  documentHash: 'b'.repeat(64),
  subjects: ['2008/0545166T'],
  fields: [],
  outcome: 'ALLOWED',
  durationMs: 3,
};

describe('npm run audit:verify', () => {
  let database: TestDatabase;

  // One database for the describe, emptied before each test, instead of a copy per test (a PGlite load each).
  beforeAll(async () => {
    database = await openTestDatabase(AUDIT_STORE_TEMPLATE);
  });
  beforeEach(async () => {
    const db = database.connection.database();
    await emptyAuditStore(db);
    for (const log of ['gateway', 'probation'] as const) {
      for (let i = 0; i < 3; i += 1) await appendAuditEntry(db, log, { requestId: `req-${i}`, payload });
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  it('principle 10: exits 0 and reports every log with its entry count when all chains are intact', async () => {
    const lines: string[] = [];
    expect(await runAuditVerify(database.connection, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual(['gateway: 3 entries, intact', 'probation: 3 entries, intact']);
  });

  it('principle 10: exits non-zero on a tampered database and names the broken log and its first bad entry', async () => {
    const db = database.connection.database();
    await db.execute(sql`alter table audit.entry disable trigger user`);
    await db.execute(
      sql`update audit.entry set payload = jsonb_set(payload, '{durationMs}', '4') where log = 'probation' and sequence = 2`,
    );
    await db.execute(sql`alter table audit.entry enable trigger user`);
    const lines: string[] = [];
    expect(await runAuditVerify(database.connection, (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual(['gateway: 3 entries, intact', 'probation: 3 entries, BROKEN: first altered entry is sequence 2']);
  });
});

describe('npm run audit:verify is read-only (issue 15)', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it('on a database without an audit store, reports no logs and creates nothing (it needs no write rights)', async () => {
    const lines: string[] = [];
    expect(await runAuditVerify(database.connection, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual(['no audit logs in this database']);
    const schema = await database.connection
      .database()
      .execute(sql`select count(*)::int as schemas from pg_namespace where nspname = 'audit'`);
    expect((schema as { rows: { schemas: number }[] }).rows[0]?.schemas).toBe(0);
  });
});
