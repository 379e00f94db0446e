import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { MappaArea } from '../domain/mappa-area';
import { StatementCounter } from '../db/statement-counter';
import { openTestDatabase } from '../testing/test-database';
import type { TestDatabase } from '../testing/test-database';
import { migrateAuditStore, verifyAuditLog } from './audit-log';
import type { AuditPayloadInput } from './audit-payload';
import { AuditWriter } from './audit-writer';

const payload = (durationMs: number): AuditPayloadInput => ({
  principal: { staffId: 'MCU0001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: MappaArea.LONDON },
  purpose: 'MAPPA_SCREENING',
  caseId: null,
  operationName: 'OffenderView',
  documentHash: 'b'.repeat(64),
  subjects: ['2008/0545166T'],
  fields: [{ service: 'mappa', returned: ['MappaCase.level'], denied: [] }],
  outcome: 'ALLOWED',
  durationMs,
});

describe('AuditWriter', () => {
  let database: TestDatabase;
  let statements: StatementCounter;
  let db: Database;

  beforeEach(async () => {
    database = await openTestDatabase();
    await migrateAuditStore(database.connection);
    statements = new StatementCounter();
    db = database.connection.database(statements);
  });
  afterEach(async () => {
    await database.drop();
  });

  it('commits concurrent entries together (group commit): far fewer statements than one transaction each, one unbroken chain', async () => {
    const writer = new AuditWriter(db, 'mappa');
    // One append alone: head row, lock, entries, head move (plus BEGIN and COMMIT where the driver reports them).
    await writer.append({ requestId: 'req-first', payload: payload(0) });
    const oneTransaction = statements.count;
    expect(oneTransaction).toBeLessThanOrEqual(6);
    statements.reset();
    await Promise.all(Array.from({ length: 30 }, (_, i) => writer.append({ requestId: `req-${i}`, payload: payload(i) })));
    // 30 alone would cost 30 transactions; the first goes alone, the other 29 share the next.
    expect(statements.count).toBeLessThanOrEqual(2 * oneTransaction);
    expect(await verifyAuditLog(db, 'mappa')).toEqual({ log: 'mappa', entries: 31, intact: true });
  });

  it('refuses a payload that breaks the audit schema at once, without failing the entries committed beside it', async () => {
    const writer = new AuditWriter(db, 'police');
    const results = await Promise.allSettled([
      writer.append({ requestId: 'req-1', payload: payload(1) }),
      writer.append({ requestId: 'req-2', payload: { ...payload(2), subjects: ['John Smith'] } }),
      writer.append({ requestId: 'req-3', payload: payload(3) }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The refusal names the offending key, never its value.
    expect(String((results[1] as PromiseRejectedResult).reason)).not.toContain('John Smith');
    expect(await verifyAuditLog(db, 'police')).toEqual({ log: 'police', entries: 2, intact: true });
  });

  it('fail closed: every append of a batch the storage refuses is rejected, and the writer carries on once storage is back', async () => {
    const writer = new AuditWriter(db, 'yot');
    await db.execute(sql`alter table audit.entry rename to entry_offline`);
    const refused = await Promise.allSettled([1, 2, 3].map((i) => writer.append({ requestId: `req-${i}`, payload: payload(i) })));
    expect(refused.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await db.execute(sql`alter table audit.entry_offline rename to entry`);
    await writer.append({ requestId: 'req-4', payload: payload(4) });
    expect(await verifyAuditLog(db, 'yot')).toEqual({ log: 'yot', entries: 1, intact: true });
  });
});
