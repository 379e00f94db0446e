import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ConfigError, parseEnv } from '../config/parse-env';
import type { Database } from '../db/database';
import { backdateAuditEntries, withAuditTriggersDisabled, AUDIT_STORE_TEMPLATE, emptyAuditStore, openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { auditCheckpointTable } from './audit-checkpoint.table';
import { appendAuditEntry, auditCheckpointHash, verifyAuditLog } from './audit-log';
import { auditEntryTable, auditLogHeadTable } from './audit-log.table';
import { auditRetentionSchema } from './audit-payload';
import type { AuditLogName, AuditPayloadInput } from './audit-payload';
import { auditRetentionEnv, auditRetentionOf, pruneAuditLog } from './audit-retention';

const payload = (durationMs: number): AuditPayloadInput => ({
  principal: { staffId: 'OM0001', agency: 'probation', roles: ['probation_practitioner'], area: null },
  purpose: 'CASE_MANAGEMENT',
  caseId: null,
  operationName: 'Offender',
  documentHash: 'c'.repeat(64),
  subjects: ['2008/0545166T'],
  fields: [],
  outcome: 'ALLOWED',
  durationMs,
});

const sevenYears = auditRetentionSchema.parse({});
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function appendMany(db: Database, log: AuditLogName, n: number): Promise<void> {
  for (let i = 1; i <= n; i += 1) await appendAuditEntry(db, log, { requestId: `req-${i}`, payload: payload(i) });
}

async function sequencesOf(db: Database, log: string): Promise<number[]> {
  const rows = await db
    .select({ sequence: auditEntryTable.sequence })
    .from(auditEntryTable)
    .where(eq(auditEntryTable.log, log))
    .orderBy(asc(auditEntryTable.sequence));
  return rows.map(({ sequence }) => sequence);
}

async function entry(db: Database, log: string, sequence: number): Promise<typeof auditEntryTable.$inferSelect> {
  const [row] = await db
    .select()
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, log), eq(auditEntryTable.sequence, sequence)));
  if (!row) throw new Error(`${log} entry ${sequence} missing`);
  return row;
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

// A checkpoint as the prune would write it for moving `log` to `firstRetainedSequence` at the
// database's current time, so the only thing a trigger can object to is what the test changes.
async function checkpointAsThePruneWould(tx: Database, log: string, firstRetainedSequence: number, retentionYears: number) {
  const [clock] = await tx
    .select({ now: sql<Date>`date_trunc('milliseconds', now())`.mapWith(auditCheckpointTable.movedAt) })
    .from(auditLogHeadTable)
    .where(eq(auditLogHeadTable.log, log));
  if (!clock) throw new Error(`${log} has no head`);
  const last = await entry(tx, log, firstRetainedSequence - 1);
  const below = await tx
    .select({ recordedAt: auditEntryTable.recordedAt })
    .from(auditEntryTable)
    .where(and(eq(auditEntryTable.log, log), lt(auditEntryTable.sequence, firstRetainedSequence)));
  const newestRemovedAt = new Date(Math.max(...below.map(({ recordedAt }) => recordedAt.getTime())));
  const facts = { log, firstRetainedSequence, previousHash: last.hash, newestRemovedAt, movedAt: clock.now, retentionYears };
  return { ...facts, hash: auditCheckpointHash(facts) };
}

describe('audit retention: npm run audit:prune', () => {
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

  it('principle 10: removes only the entries older than the retention, leaves a checkpoint, and the chain still verifies and grows', async () => {
    await appendMany(db, 'gateway', 6);
    await backdateAuditEntries(db, 'gateway', range(1, 4), { years: 7, days: 1 });
    const lastRemoved = await entry(db, 'gateway', 4);

    expect(await pruneAuditLog(db, 'gateway', sevenYears)).toEqual({
      log: 'gateway',
      retentionYears: 7,
      pruned: true,
      removed: 4,
      firstRetainedSequence: 5,
      batches: 1,
    });

    expect(await sequencesOf(db, 'gateway')).toEqual([5, 6]);
    const [checkpoint] = await db.select().from(auditCheckpointTable);
    expect(checkpoint).toMatchObject({
      log: 'gateway',
      firstRetainedSequence: 5,
      previousHash: lastRemoved.hash,
      newestRemovedAt: lastRemoved.recordedAt,
      retentionYears: 7,
    });
    expect(await verifyAuditLog(db, 'gateway')).toEqual({ log: 'gateway', entries: 2, intact: true, firstRetainedSequence: 5 });
    // Appends carry on from the head as before.
    await appendAuditEntry(db, 'gateway', { requestId: 'req-7', payload: payload(7) });
    expect(await verifyAuditLog(db, 'gateway')).toEqual({ log: 'gateway', entries: 3, intact: true, firstRetainedSequence: 5 });
    // A second run finds nothing more to remove.
    expect(await pruneAuditLog(db, 'gateway', sevenYears)).toMatchObject({
      pruned: true,
      removed: 0,
      firstRetainedSequence: 5,
      batches: 0,
    });
  });

  it('removes from the start of the chain only: an old entry after a young one is kept', async () => {
    await appendMany(db, 'mappa', 5);
    await backdateAuditEntries(db, 'mappa', [1, 2, 4, 5], { years: 8 });
    expect(await pruneAuditLog(db, 'mappa', sevenYears)).toMatchObject({ pruned: true, removed: 2, firstRetainedSequence: 3 });
    expect(await sequencesOf(db, 'mappa')).toEqual([3, 4, 5]);
    expect(await verifyAuditLog(db, 'mappa')).toMatchObject({ intact: true, firstRetainedSequence: 3 });
  });

  it('prunes in batches, one transaction each, up to a whole log, which stays verifiable and appendable', async () => {
    await appendMany(db, 'yot', 5);
    await backdateAuditEntries(db, 'yot', range(1, 5), { years: 9 });
    expect(await pruneAuditLog(db, 'yot', sevenYears, { batchSize: 2 })).toEqual({
      log: 'yot',
      retentionYears: 7,
      pruned: true,
      removed: 5,
      firstRetainedSequence: 6,
      batches: 3,
    });
    expect(await sequencesOf(db, 'yot')).toEqual([]);
    expect(await verifyAuditLog(db, 'yot')).toEqual({ log: 'yot', entries: 0, intact: true, firstRetainedSequence: 6 });
    const next = await appendAuditEntry(db, 'yot', { requestId: 'req-6', payload: payload(6) });
    expect(next.sequence).toBe(6);
    expect(await verifyAuditLog(db, 'yot')).toEqual({ log: 'yot', entries: 1, intact: true, firstRetainedSequence: 6 });
  });

  it('honours a per-log override: the police log kept 10 years while the others keep 7', async () => {
    const retention = auditRetentionSchema.parse({ perLog: { police: 10 } });
    for (const log of ['police', 'probation'] as const) {
      await appendMany(db, log, 3);
      await backdateAuditEntries(db, log, [1, 2], { years: 8 });
    }
    expect(await pruneAuditLog(db, 'police', retention)).toMatchObject({ retentionYears: 10, removed: 0, firstRetainedSequence: 1 });
    expect(await pruneAuditLog(db, 'probation', retention)).toMatchObject({ retentionYears: 7, removed: 2, firstRetainedSequence: 3 });
    await backdateAuditEntries(db, 'police', [1], { years: 3 });
    expect(await pruneAuditLog(db, 'police', retention)).toMatchObject({ retentionYears: 10, removed: 1, firstRetainedSequence: 2 });
    const checkpoints = await db.select().from(auditCheckpointTable).orderBy(asc(auditCheckpointTable.log));
    expect(checkpoints.map(({ log, retentionYears }) => [log, retentionYears])).toEqual([
      ['police', 10],
      ['probation', 7],
    ]);
  });

  it('leaves a log whose chain is broken untouched: pruning it would delete the evidence', async () => {
    await appendMany(db, 'prison', 4);
    await backdateAuditEntries(db, 'prison', range(1, 4), { years: 8 });
    await withAuditTriggersDisabled(db, (su) =>
      su.execute(sql`update audit.entry set payload = jsonb_set(payload, '{durationMs}', '99') where log = 'prison' and sequence = 2`),
    );
    expect(await pruneAuditLog(db, 'prison', sevenYears)).toEqual({
      log: 'prison',
      retentionYears: 7,
      pruned: false,
      verification: { log: 'prison', entries: 4, intact: false, firstBadSequence: 2, problem: 'altered' },
    });
    expect(await sequencesOf(db, 'prison')).toEqual([1, 2, 3, 4]);
  });

  it('a young entry is never removed, even if asked: by the prune with the shortest retention, or by moving the checkpoint directly', async () => {
    await appendMany(db, 'police', 3);
    await backdateAuditEntries(db, 'police', [1], { years: 1, days: -2 });
    expect(await pruneAuditLog(db, 'police', auditRetentionSchema.parse({ defaultYears: 1 }))).toMatchObject({
      removed: 0,
      firstRetainedSequence: 1,
    });
    expect(auditRetentionSchema.safeParse({ defaultYears: 0 }).success).toBe(false);

    // Written exactly as the prune writes it, so age is the only thing wrong with it.
    expect(
      await refusal(
        db.transaction(async (tx) => tx.insert(auditCheckpointTable).values(await checkpointAsThePruneWould(tx, 'police', 2, 1))),
      ),
    ).toMatch(/only moves past entries older than its retention of 1 years/);
    // Claiming a later time, to make the entries look old, is refused too.
    const future = db.transaction(async (tx) => {
      const honest = await checkpointAsThePruneWould(tx, 'police', 2, 1);
      const facts = { ...honest, movedAt: new Date(honest.movedAt.getTime() + 2 * 365 * 24 * 3600_000) };
      await tx.insert(auditCheckpointTable).values({ ...facts, hash: auditCheckpointHash(facts) });
    });
    expect(await refusal(future)).toMatch(/records the database's time/);
    const noRetention = db.transaction(async (tx) =>
      tx.insert(auditCheckpointTable).values({ ...(await checkpointAsThePruneWould(tx, 'police', 2, 1)), retentionYears: 0 }),
    );
    expect(await refusal(noRetention)).toMatch(/retention of at least a year/);
    expect(await db.select().from(auditCheckpointTable)).toEqual([]);
    expect(await sequencesOf(db, 'police')).toEqual([1, 2, 3]);
  });

  it('the checkpoint moves past entries that are all there and linked, and only forward', async () => {
    await appendMany(db, 'police', 4);
    await backdateAuditEntries(db, 'police', range(1, 3), { years: 8 });
    const wrongLink = db.transaction(async (tx) => {
      const facts = { ...(await checkpointAsThePruneWould(tx, 'police', 3, 7)), previousHash: (await entry(tx, 'police', 1)).hash };
      await tx.insert(auditCheckpointTable).values({ ...facts, hash: auditCheckpointHash(facts) });
    });
    expect(await refusal(wrongLink)).toMatch(/links to the hash of the last entry/);
    const understatedAge = db.transaction(async (tx) => {
      const facts = {
        ...(await checkpointAsThePruneWould(tx, 'police', 3, 7)),
        newestRemovedAt: (await entry(tx, 'police', 1)).recordedAt,
      };
      await tx.insert(auditCheckpointTable).values({ ...facts, hash: auditCheckpointHash(facts) });
    });
    expect(await refusal(understatedAge)).toMatch(/records the newest time/);

    expect(await pruneAuditLog(db, 'police', sevenYears)).toMatchObject({ removed: 3, firstRetainedSequence: 4 });
    expect(
      await refusal(db.update(auditCheckpointTable).set({ firstRetainedSequence: 2 }).where(eq(auditCheckpointTable.log, 'police'))),
    ).toMatch(/only moves forward/);
    // Past sequence 4 would need entry 4 to be old, and entries 1-3 are no longer there to show theirs.
    expect(
      await refusal(db.transaction(async (tx) => tx.update(auditCheckpointTable).set(await checkpointAsThePruneWould(tx, 'police', 5, 7)))),
    ).toMatch(/older than its retention/);
    expect(await verifyAuditLog(db, 'police')).toEqual({ log: 'police', entries: 1, intact: true, firstRetainedSequence: 4 });
  });

  it('append-only: DELETE is still refused for every retained entry, and the checkpoint cannot be removed', async () => {
    await appendMany(db, 'gateway', 4);
    await appendMany(db, 'mappa', 2);
    await backdateAuditEntries(db, 'gateway', [1, 2], { years: 8 });
    await pruneAuditLog(db, 'gateway', sevenYears);
    expect(await refusal(db.execute(sql`delete from audit.entry where log = 'gateway'`))).toMatch(/append-only: DELETE of gateway entry 3/);
    expect(await refusal(db.execute(sql`delete from audit.entry where log = 'gateway' and sequence = 4`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit.entry where log = 'mappa'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`update audit.entry set request_id = 'forged' where log = 'gateway'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit.entry`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit.checkpoint`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit.checkpoint`))).toMatch(/append-only/);
    expect(await sequencesOf(db, 'gateway')).toEqual([3, 4]);
    expect(await sequencesOf(db, 'mappa')).toEqual([1, 2]);
    expect(await verifyAuditLog(db, 'gateway')).toMatchObject({ intact: true, firstRetainedSequence: 3 });
  });
});

describe('audit retention: verification finds checkpoint tampering (triggers disabled)', () => {
  let database: TestDatabase;
  let db: Database;

  // Six entries, the first three pruned for real: the chain starts at 4.
  // One database for the block, emptied before each test: each test starts from the migrated store.
  beforeAll(async () => {
    database = await openTestDatabase(AUDIT_STORE_TEMPLATE);
    db = database.connection.database();
  });
  beforeEach(async () => {
    await emptyAuditStore(db);
    await appendMany(db, 'probation', 6);
    await backdateAuditEntries(db, 'probation', range(1, 3), { years: 8 });
    await pruneAuditLog(db, 'probation', sevenYears);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('a checkpoint moved onto young entries by editing it, and the entries below deleted', async () => {
    const sixth = await entry(db, 'probation', 6);
    await withAuditTriggersDisabled(db, async (su) => {
      await su
        .update(auditCheckpointTable)
        .set({ firstRetainedSequence: 6, previousHash: sixth.previousHash })
        .where(eq(auditCheckpointTable.log, 'probation'));
      await su.delete(auditEntryTable).where(and(eq(auditEntryTable.log, 'probation'), lt(auditEntryTable.sequence, 6)));
    });
    expect(await verifyAuditLog(db, 'probation')).toEqual({
      log: 'probation',
      entries: 1,
      intact: false,
      firstBadSequence: 6,
      problem: 'checkpoint',
      firstRetainedSequence: 6,
    });
  });

  it('a checkpoint rewritten in full, its hash recomputed, past entries younger than its retention', async () => {
    await withAuditTriggersDisabled(db, async (su) => {
      const forged = await checkpointAsThePruneWould(su, 'probation', 6, 7);
      await su.update(auditCheckpointTable).set(forged).where(eq(auditCheckpointTable.log, 'probation'));
      await su.delete(auditEntryTable).where(and(eq(auditEntryTable.log, 'probation'), lt(auditEntryTable.sequence, 6)));
    });
    expect(await verifyAuditLog(db, 'probation')).toMatchObject({ intact: false, firstBadSequence: 6, problem: 'checkpoint' });
  });

  it('a checkpoint moved past young entries that are still there, claiming old ones', async () => {
    await withAuditTriggersDisabled(db, async (su) => {
      const honest = await checkpointAsThePruneWould(su, 'probation', 6, 7);
      const facts = { ...honest, newestRemovedAt: new Date(honest.movedAt.getTime() - 8 * 365 * 24 * 3600_000) };
      await su
        .update(auditCheckpointTable)
        .set({ ...facts, hash: auditCheckpointHash(facts) })
        .where(eq(auditCheckpointTable.log, 'probation'));
    });
    expect(await verifyAuditLog(db, 'probation')).toMatchObject({ intact: false, firstBadSequence: 6, problem: 'checkpoint' });
  });

  it('a checkpoint that no longer leads to the first retained entry', async () => {
    await withAuditTriggersDisabled(db, async (su) => {
      const [current] = await su.select().from(auditCheckpointTable);
      if (!current) throw new Error('no checkpoint');
      const facts = { ...current, previousHash: 'f'.repeat(64) };
      await su
        .update(auditCheckpointTable)
        .set({ ...facts, hash: auditCheckpointHash(facts) })
        .where(eq(auditCheckpointTable.log, 'probation'));
    });
    expect(await verifyAuditLog(db, 'probation')).toMatchObject({ intact: false, firstBadSequence: 4, problem: 'checkpoint' });
  });

  it('entries removed past the checkpoint are named as removed', async () => {
    await withAuditTriggersDisabled(db, (su) =>
      su.delete(auditEntryTable).where(and(eq(auditEntryTable.log, 'probation'), lt(auditEntryTable.sequence, 5))),
    );
    expect(await verifyAuditLog(db, 'probation')).toEqual({
      log: 'probation',
      entries: 2,
      intact: false,
      firstBadSequence: 4,
      problem: 'removed',
      firstRetainedSequence: 4,
    });
  });

  it('a deleted checkpoint makes the pruned entries show as removed from sequence 1', async () => {
    await withAuditTriggersDisabled(db, (su) => su.delete(auditCheckpointTable));
    expect(await verifyAuditLog(db, 'probation')).toEqual({
      log: 'probation',
      entries: 3,
      intact: false,
      firstBadSequence: 1,
      problem: 'removed',
    });
  });
});

describe('audit retention configuration', () => {
  const load = (env: NodeJS.ProcessEnv) => auditRetentionOf(parseEnv(z.object(auditRetentionEnv), env));

  it('defaults every log to 7 years, and reads a default and per-log overrides from the environment', () => {
    expect(load({})).toEqual({ defaultYears: 7, perLog: {} });
    expect(load({ AUDIT_RETENTION_YEARS: '8', AUDIT_RETENTION_PER_LOG: '{"police":10,"yot":12}' })).toEqual({
      defaultYears: 8,
      perLog: { police: 10, yot: 12 },
    });
  });

  it('refuses, naming the variable, a retention under a year, a fractional one, bad JSON or an unknown log', () => {
    for (const [env, variable] of [
      [{ AUDIT_RETENTION_YEARS: '0' }, 'AUDIT_RETENTION_YEARS'],
      [{ AUDIT_RETENTION_YEARS: '2.5' }, 'AUDIT_RETENTION_YEARS'],
      [{ AUDIT_RETENTION_YEARS: 'seven' }, 'AUDIT_RETENTION_YEARS'],
      [{ AUDIT_RETENTION_PER_LOG: '{police:10}' }, 'AUDIT_RETENTION_PER_LOG'],
      [{ AUDIT_RETENTION_PER_LOG: '{"nobody":10}' }, 'AUDIT_RETENTION_PER_LOG'],
      [{ AUDIT_RETENTION_PER_LOG: '{"police":0}' }, 'AUDIT_RETENTION_PER_LOG'],
    ] as const) {
      expect(() => load(env)).toThrow(ConfigError);
      expect(() => load(env)).toThrow(variable);
    }
  });
});
