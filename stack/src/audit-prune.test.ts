import { sql } from 'drizzle-orm';
import { appendAuditEntry, auditRetentionOf } from '@mappa/shared';
import { backdateAuditEntries, AUDIT_STORE_TEMPLATE, emptyAuditStore, openTestDatabase, withAuditTriggersDisabled } from '@mappa/testing';
import type { AuditPayloadInput } from '@mappa/shared';
import type { TestDatabase } from '@mappa/testing';
import { runAuditPrune } from './audit-prune';
import { runAuditVerify } from './audit-verify';
import { loadStackConfig } from './config';

const payload: AuditPayloadInput = {
  principal: { staffId: 'PPU0001', agency: 'police', roles: ['ppu_officer'], area: null },
  purpose: 'CASE_MANAGEMENT',
  caseId: null,
  operationName: 'Offender',
  documentHash: 'd'.repeat(64),
  subjects: ['2008/0545166T'],
  fields: [],
  outcome: 'ALLOWED',
  durationMs: 5,
};

describe('npm run audit:prune', () => {
  let database: TestDatabase;

  // One database for the file, emptied before each test, instead of a copy per test (a PGlite load each:
  // the file's hooks cost 7.7 s of CPU on the embedded database, load ~20).
  beforeAll(async () => {
    database = await openTestDatabase(AUDIT_STORE_TEMPLATE);
  });
  // Three entries in each of two logs, the first two appended eight years ago.
  beforeEach(async () => {
    const db = database.connection.database();
    await emptyAuditStore(db);
    for (const log of ['gateway', 'police'] as const) {
      for (let i = 1; i <= 3; i += 1) await appendAuditEntry(db, log, { requestId: `req-${i}`, payload });
      await backdateAuditEntries(db, log, [1, 2], { years: 8 });
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  it('principle 10: exits 0, one line per log, with the retention read from the environment (the police log kept 10 years), and the chains still verify', async () => {
    const retention = auditRetentionOf(loadStackConfig({ AUDIT_RETENTION_PER_LOG: '{"police":10}' }));
    const lines: string[] = [];
    expect(await runAuditPrune(database.connection, retention, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([
      'gateway: 2 entries removed (retention 7 years), first retained sequence 3',
      'police: 0 entries removed (retention 10 years), first retained sequence 1',
    ]);
    const verified: string[] = [];
    expect(await runAuditVerify(database.connection, (line) => verified.push(line))).toBe(0);
    expect(verified).toEqual(['gateway: 1 entry from sequence 3, intact', 'police: 3 entries, intact']);
  });

  it('takes the default from AUDIT_RETENTION_YEARS', async () => {
    const retention = auditRetentionOf(loadStackConfig({ AUDIT_RETENTION_YEARS: '9' }));
    const lines: string[] = [];
    expect(await runAuditPrune(database.connection, retention, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([
      'gateway: 0 entries removed (retention 9 years), first retained sequence 1',
      'police: 0 entries removed (retention 9 years), first retained sequence 1',
    ]);
  });

  it('exits 1 and removes nothing from a broken chain, while the intact ones are pruned', async () => {
    const db = database.connection.database();
    await withAuditTriggersDisabled(db, (su) =>
      su.execute(sql`update audit.entry set request_id = 'req-forged' where log = 'police' and sequence = 1`),
    );
    const lines: string[] = [];
    expect(await runAuditPrune(database.connection, auditRetentionOf(loadStackConfig({})), (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual([
      'gateway: 2 entries removed (retention 7 years), first retained sequence 3',
      'police: 3 entries, BROKEN: first altered entry is sequence 1; nothing removed',
    ]);
  });

  it('names a tampered checkpoint in audit:verify', async () => {
    await runAuditPrune(database.connection, auditRetentionOf(loadStackConfig({})), () => undefined);
    const db = database.connection.database();
    await withAuditTriggersDisabled(db, (su) => su.execute(sql`update audit.checkpoint set retention_years = 1 where log = 'gateway'`));
    const verified: string[] = [];
    expect(await runAuditVerify(database.connection, (line) => verified.push(line))).toBe(1);
    expect(verified[0]).toBe(
      'gateway: 1 entry from sequence 3, BROKEN: the retention checkpoint at sequence 3 was altered or removed entries younger than its retention',
    );
  });

  it('keeps a log it has no retention for', async () => {
    const db = database.connection.database();
    await db.execute(sql`insert into audit.log_head (log, last_sequence, last_hash) values ('legacy', 0, ${'0'.repeat(64)})`);
    const lines: string[] = [];
    expect(await runAuditPrune(database.connection, auditRetentionOf(loadStackConfig({})), (line) => lines.push(line))).toBe(0);
    expect(lines).toContain('legacy: not a known audit log; nothing removed');
  });
});
