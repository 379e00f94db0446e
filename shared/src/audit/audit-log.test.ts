import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { AUDIT_STORE_TEMPLATE, emptyAuditStore, openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import {
  appendAuditEntries,
  appendAuditEntry,
  auditEntryHash,
  canonicalJson,
  checkAuditEntry,
  GENESIS_HASH,
  verifyAllAuditLogs,
  verifyAuditLog,
} from './audit-log';
import { auditEntryTable } from './audit-log.table';
import { auditPayloadSchema, auditRetentionSchema, retentionYears } from './audit-payload';
import type { AuditLogName, AuditPayloadInput } from './audit-payload';

const payload = (overrides: Partial<AuditPayloadInput> = {}): AuditPayloadInput => ({
  principal: { staffId: 'PPU0001', agency: 'police', roles: ['ppu_officer'], area: null },
  purpose: 'CASE_MANAGEMENT',
  caseId: null,
  operationName: 'OffenderSummary',
  documentHash: 'a'.repeat(64),
  subjects: ['2008/0545166T'],
  fields: [
    { service: 'police', returned: ['Offender.pncId'], denied: [{ field: 'Offender.intelligence', policy: 'police.intelligence' }] },
  ],
  outcome: 'PARTLY_DENIED',
  durationMs: 12,
  ...overrides,
});

async function appendMany(db: Database, log: AuditLogName, n: number): Promise<void> {
  for (let i = 1; i <= n; i += 1) await appendAuditEntry(db, log, { requestId: `req-${i}`, payload: payload({ durationMs: i }) });
}

// The database's own message, whether or not the query builder wrapped it.
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error: unknown) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return `${error instanceof Error ? error.message : String(error)} ${cause}`;
  }
  return 'not refused';
}

// What a superuser can do: switch the append-only triggers off, tamper, switch them on again.
async function asSuperuserWithTriggersDisabled(db: Database, work: (db: Database) => Promise<unknown>): Promise<void> {
  await db.execute(sql`alter table audit.entry disable trigger user`);
  try {
    await work(db);
  } finally {
    await db.execute(sql`alter table audit.entry enable trigger user`);
  }
}

describe("an entry's check", () => {
  // Each payload twice: first checked afresh, then with its caller-and-operation part remembered
  // from the entry before (the same text), which must change nothing about what is refused.
  const cases: [string, unknown][] = [
    ['a valid entry, defaults applied', payload()],
    ['the same caller and operation, another subject and duration', payload({ subjects: ['2001/0000001A'], durationMs: 3 })],
    ['an unknown key beside a remembered caller part', { ...payload(), variables: { pncId: '2008/0545166T' } }],
    ['free text as a subject beside a remembered caller part', payload({ subjects: ['Joe Bloggs'] })],
    ['free text in an error code beside a remembered caller part', payload({ errorCodes: ['could not find Joe Bloggs'] })],
    ['free text as the operation name', payload({ operationName: 'find Joe Bloggs' })],
    ['an unknown key in the principal', payload({ principal: { ...payload().principal!, name: 'Joe' } as never })],
    ['a field returned named with free text', payload({ fields: [{ service: 'police', returned: ['a body: {"x": 1}'], denied: [] }] })],
    ['no principal key at all', (({ principal: _principal, ...rest }) => rest)(payload())],
    ['a negative duration', payload({ durationMs: -1 })],
  ];

  it.each(cases)("refuses and accepts exactly as the audit schema does, the caller's part remembered or not: %s", (_case, given) => {
    const expected = auditPayloadSchema.safeParse(given);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = checkAuditEntry({ requestId: 'req-1', payload: given as AuditPayloadInput });
      if (expected.success) expect(result).toEqual({ checked: { requestId: 'req-1', payload: expected.data } });
      else expect('refused' in result ? result.refused : 'accepted').toMatch(/^audit payload refused: /);
    }
  });

  it('shares a remembered part between entries frozen, so no entry can change what another stores', () => {
    const first = checkAuditEntry({ requestId: 'req-1', payload: payload() });
    const second = checkAuditEntry({ requestId: 'req-2', payload: payload({ durationMs: 99 }) });
    if (!('checked' in first) || !('checked' in second)) throw new Error('both entries should be accepted');
    expect(() => (first.checked.payload.principal!.roles as string[]).push('mappa_coordinator')).toThrow(TypeError);
    expect(second.checked.payload.principal!.roles).toEqual(['ppu_officer']);
    expect(second.checked.payload.durationMs).toBe(99);
  });
});

describe("an entry's hash", () => {
  // Entries already stored must keep verifying: the text hashed may never change, however it is built.
  it('is SHA-256 over the same canonical text as entries written before: keys sorted at every level, undefined left out', () => {
    const entry = {
      log: 'probation',
      sequence: 42,
      recordedAt: new Date('2026-11-01T09:30:00.125Z'),
      requestId: 'req-42',
      payload: auditPayloadSchema.parse({
        principal: { staffId: 'MCU0001', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: 'LONDON', issuer: undefined },
        purpose: 'MAPPA_SCREENING',
        caseId: null,
        operationName: 'OffenderView',
        documentHash: 'b'.repeat(64),
        subjects: ['2008/0545166T'],
        fields: [
          {
            service: 'probation',
            returned: ['ProbationCase.crn', 'Licence.conditions'],
            denied: [{ field: 'Offender.riskOfSeriousHarm', policy: 'probation.rosh' }],
          },
        ],
        changes: [],
        outcome: 'PARTLY_DENIED',
        errorCodes: ['FORBIDDEN'],
        durationMs: 7,
      }),
      previousHash: 'a'.repeat(64),
    };
    // Computed by the implementation that wrote the entries stored so far.
    expect(auditEntryHash(entry)).toBe('22b26d7db0356383708cb5d3c1e19547f09891c83b9dc9bb04b5509f919489b1');
    expect(canonicalJson({ b: [1, undefined, 'x'], a: { é: true, Z: null, z: undefined } })).toBe('{"a":{"Z":null,"é":true},"b":[1,,"x"]}');
  });
});

describe('audit store', () => {
  let database: TestDatabase;
  let db: Database;

  // One database for the block, emptied before each test: each test starts from the migrated store.
  beforeAll(async () => {
    database = await openTestDatabase(AUDIT_STORE_TEMPLATE);
    db = database.connection.database();
  });
  beforeEach(async () => {
    await emptyAuditStore(db);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('principle 10: appended entries form one chain per log, numbered from 1, each linked to the one before', async () => {
    const first = await appendAuditEntry(db, 'gateway', { requestId: 'req-1', payload: payload() });
    const second = await appendAuditEntry(db, 'gateway', { requestId: 'req-2', payload: payload({ outcome: 'ALLOWED' }) });
    const other = await appendAuditEntry(db, 'police', { requestId: 'req-1', payload: payload() });
    expect([first.sequence, second.sequence, other.sequence]).toEqual([1, 2, 1]);
    expect(first.previousHash).toBe(GENESIS_HASH);
    expect(second.previousHash).toBe(first.hash);
    expect(other.previousHash).toBe(GENESIS_HASH);
    expect(await verifyAllAuditLogs(db)).toEqual([
      { log: 'gateway', entries: 2, intact: true },
      { log: 'police', entries: 1, intact: true },
    ]);
  });

  it('a batch is appended in order in one transaction, and a batch with one bad payload appends nothing', async () => {
    const batch = await appendAuditEntries(
      db,
      'mappa',
      [1, 2, 3].map((i) => ({ requestId: `req-${i}`, payload: payload({ durationMs: i }) })),
    );
    expect(batch.map(({ sequence, requestId }) => [sequence, requestId])).toEqual([
      [1, 'req-1'],
      [2, 'req-2'],
      [3, 'req-3'],
    ]);
    expect(batch[1]?.previousHash).toBe(batch[0]?.hash);
    await expect(
      appendAuditEntries(db, 'mappa', [
        { requestId: 'req-4', payload: payload() },
        { requestId: 'req-5', payload: { ...payload(), variables: {} } as AuditPayloadInput },
      ]),
    ).rejects.toThrow();
    expect(await verifyAuditLog(db, 'mappa')).toEqual({ log: 'mappa', entries: 3, intact: true });
  });

  it('an empty log verifies as intact with no entries', async () => {
    expect(await verifyAuditLog(db, 'yot')).toEqual({ log: 'yot', entries: 0, intact: true });
  });

  it('concurrent appends to one log never fork the chain: every sequence once, one unbroken chain', async () => {
    const writers = 40;
    const appended = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        appendAuditEntry(db, 'probation', { requestId: `req-${i}`, payload: payload({ durationMs: i }) }),
      ),
    );
    expect(appended.map(({ sequence }) => sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: writers }, (_, i) => i + 1));
    expect(new Set(appended.map(({ previousHash }) => previousHash)).size).toBe(writers);
    expect(await verifyAuditLog(db, 'probation')).toEqual({ log: 'probation', entries: writers, intact: true });
  });

  it('no data leaks through the audit: a payload holding free text or an unknown key (a variable, a body) is refused', async () => {
    expect(auditPayloadSchema.safeParse(payload({ caseId: 'John Smith lives at 1 High St' })).success).toBe(false);
    expect(auditPayloadSchema.safeParse({ ...payload(), variables: { pncId: '2008/0545166T' } }).success).toBe(false);
    expect(auditPayloadSchema.safeParse(payload({ subjects: ['Smith'] })).success).toBe(false);
    await expect(
      appendAuditEntry(db, 'gateway', { requestId: 'req-1', payload: { ...payload(), responseBody: '{}' } as AuditPayloadInput }),
    ).rejects.toThrow();
    expect(await verifyAuditLog(db, 'gateway')).toEqual({ log: 'gateway', entries: 0, intact: true });
  });

  it('append-only: the database itself refuses UPDATE, DELETE and TRUNCATE of audit entries, even from a superuser', async () => {
    await appendMany(db, 'prison', 2);
    expect(await refusal(db.execute(sql`update audit.entry set request_id = 'forged' where log = 'prison'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit.entry where log = 'prison'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit.entry`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit.log_head`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit.log_head`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`update audit.log_head set last_sequence = 1 where log = 'prison'`))).toMatch(/only moves forward/);
    expect(await verifyAuditLog(db, 'prison')).toEqual({ log: 'prison', entries: 2, intact: true });
  });

  it('tamper-evident: a payload changed with triggers disabled is named as the first altered entry', async () => {
    await appendMany(db, 'mappa', 5);
    await asSuperuserWithTriggersDisabled(db, (su) =>
      su.execute(sql`update audit.entry set payload = jsonb_set(payload, '{outcome}', '"ALLOWED"') where log = 'mappa' and sequence = 3`),
    );
    expect(await verifyAuditLog(db, 'mappa')).toEqual({ log: 'mappa', entries: 5, intact: false, firstBadSequence: 3, problem: 'altered' });
  });

  it('tamper-evident: a changed request id or time is caught too', async () => {
    await appendMany(db, 'mappa', 3);
    await appendMany(db, 'yot', 3);
    await asSuperuserWithTriggersDisabled(db, async (su) => {
      await su.execute(sql`update audit.entry set request_id = 'req-forged' where log = 'mappa' and sequence = 2`);
      await su.execute(sql`update audit.entry set recorded_at = recorded_at - interval '1 day' where log = 'yot' and sequence = 1`);
    });
    expect(await verifyAuditLog(db, 'mappa')).toMatchObject({ intact: false, firstBadSequence: 2, problem: 'altered' });
    expect(await verifyAuditLog(db, 'yot')).toMatchObject({ intact: false, firstBadSequence: 1, problem: 'altered' });
  });

  it('tamper-evident: a row deleted under session_replication_role = replica is named as the first removed entry', async () => {
    await appendMany(db, 'police', 5);
    await db.transaction(async (tx) => {
      // Replica mode skips ordinary triggers for this transaction only.
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit.entry where log = 'police' and sequence = 2`);
    });
    expect(await verifyAuditLog(db, 'police')).toEqual({
      log: 'police',
      entries: 4,
      intact: false,
      firstBadSequence: 2,
      problem: 'removed',
    });
  });

  it('tamper-evident: entries cut from the end of a chain are found from the log head', async () => {
    await appendMany(db, 'police', 4);
    await asSuperuserWithTriggersDisabled(db, (su) => su.execute(sql`delete from audit.entry where log = 'police' and sequence >= 3`));
    expect(await verifyAuditLog(db, 'police')).toEqual({
      log: 'police',
      entries: 2,
      intact: false,
      firstBadSequence: 3,
      problem: 'removed',
    });
  });

  it('tamper-evident: two rows whose sequence numbers were swapped are named as reordered at the first of them', async () => {
    await appendMany(db, 'gateway', 5);
    await asSuperuserWithTriggersDisabled(db, async (su) => {
      // Three steps, as the primary key is checked row by row.
      await su.execute(sql`update audit.entry set sequence = -2 where log = 'gateway' and sequence = 2`);
      await su.execute(sql`update audit.entry set sequence = 2 where log = 'gateway' and sequence = 4`);
      await su.execute(sql`update audit.entry set sequence = 4 where log = 'gateway' and sequence = -2`);
    });
    expect(await verifyAuditLog(db, 'gateway')).toEqual({
      log: 'gateway',
      entries: 5,
      intact: false,
      firstBadSequence: 2,
      problem: 'reordered',
    });
  });

  it('tamper-evident: an entry rewritten with a recomputed hash breaks the link from the next entry', async () => {
    await appendMany(db, 'prison', 4);
    // The forger recomputes entry 2's hash over a changed payload; entry 3 still links to the original.
    const [original] = await db
      .select()
      .from(auditEntryTable)
      .where(and(eq(auditEntryTable.log, 'prison'), eq(auditEntryTable.sequence, 2)));
    if (!original) throw new Error('entry 2 missing');
    const forgedPayload = { ...(original.payload as Record<string, unknown>), outcome: 'ALLOWED' };
    const forgedHash = auditEntryHash({ ...original, log: 'prison', payload: auditPayloadSchema.parse(forgedPayload) });
    await asSuperuserWithTriggersDisabled(db, (su) =>
      su.execute(
        sql`update audit.entry set payload = ${JSON.stringify(forgedPayload)}::jsonb, hash = ${forgedHash} where log = 'prison' and sequence = 2`,
      ),
    );
    expect(await verifyAuditLog(db, 'prison')).toEqual({
      log: 'prison',
      entries: 4,
      intact: false,
      firstBadSequence: 2,
      problem: 'altered',
    });
  });
});

describe('audit retention setting', () => {
  it('defaults every log to 7 years and takes a per-log override', () => {
    const defaults = auditRetentionSchema.parse({});
    expect(retentionYears(defaults, 'gateway')).toBe(7);
    const configured = auditRetentionSchema.parse({ perLog: { police: 10 } });
    expect(retentionYears(configured, 'police')).toBe(10);
    expect(retentionYears(configured, 'yot')).toBe(7);
  });

  it('refuses a retention shorter than a year, a fractional one or an unknown log', () => {
    expect(auditRetentionSchema.safeParse({ defaultYears: 0 }).success).toBe(false);
    expect(auditRetentionSchema.safeParse({ defaultYears: 1.5 }).success).toBe(false);
    expect(auditRetentionSchema.safeParse({ perLog: { nobody: 3 } }).success).toBe(false);
  });
});
