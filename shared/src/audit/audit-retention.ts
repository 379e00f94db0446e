import { z } from 'zod';
import { jsonEnv } from '../config/parse-env';
import type { Database } from '../db/database';
import { auditRetentionSchema, retentionYears } from './audit-payload';
import type { AuditLogName, AuditRetention } from './audit-payload';
import { auditCheckpointHash, verifyAuditLog } from './audit-log';
import type { AuditVerification } from './audit-log';
import { auditPruneCandidates, deleteAuditEntries, lockAuditCheckpoint, moveAuditCheckpoint } from './audit-retention.query';

/**
 * The retention settings, read once at start with the rest of a service's environment:
 * `AUDIT_RETENTION_YEARS` for every log, `AUDIT_RETENTION_PER_LOG` (JSON, `{"police":10}`) for
 * overrides. Each is validated by `auditRetentionSchema`'s own field, so a bad value is reported
 * under its variable's name and the rule stays in one place.
 */
export const auditRetentionEnv = {
  AUDIT_RETENTION_YEARS: z.coerce.number().optional().pipe(auditRetentionSchema.shape.defaultYears),
  AUDIT_RETENTION_PER_LOG: jsonEnv(auditRetentionSchema.shape.perLog).optional(),
};

type AuditRetentionConfig = z.infer<z.ZodObject<typeof auditRetentionEnv>>;

/** The retention a configuration parsed with `auditRetentionEnv` describes. */
export function auditRetentionOf(config: AuditRetentionConfig): AuditRetention {
  return auditRetentionSchema.parse({ defaultYears: config.AUDIT_RETENTION_YEARS, perLog: config.AUDIT_RETENTION_PER_LOG });
}

/** What pruning one log did: entries removed and where its chain now starts, or why it was left alone. */
export type AuditPruneResult =
  | {
      readonly log: AuditLogName;
      readonly retentionYears: number;
      readonly pruned: true;
      readonly removed: number;
      readonly firstRetainedSequence: number;
      /** Transactions that removed entries (each at most the batch size). */
      readonly batches: number;
    }
  | { readonly log: AuditLogName; readonly retentionYears: number; readonly pruned: false; readonly verification: AuditVerification };

/** How many entries one prune transaction removes at most. */
export const AUDIT_PRUNE_BATCH_SIZE = 1_000;

/**
 * Removes `log`'s entries older than its retention, from the start of the chain only: the first
 * entry not yet old enough stops it, whatever follows. A log whose chain does not verify is left
 * untouched, since pruning it would delete the evidence of what was done to it. Each batch is one
 * transaction that moves the log's checkpoint past the batch and then deletes it; the database
 * refuses both unless every entry is older than the retention, by its own clock (see
 * `0005_prune_only_below_checkpoint.sql`), so the chain left behind verifies from the checkpoint.
 */
export async function pruneAuditLog(
  db: Database,
  log: AuditLogName,
  retention: AuditRetention,
  options: { readonly batchSize?: number } = {},
): Promise<AuditPruneResult> {
  const years = retentionYears(retention, log);
  const batchSize = options.batchSize ?? AUDIT_PRUNE_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('audit prune batch size must be a positive integer');
  const verification = await verifyAuditLog(db, log);
  if (!verification.intact) return { log, retentionYears: years, pruned: false, verification };
  let removed = 0;
  let batches = 0;
  for (;;) {
    const batch = await pruneBatch(db, log, years, batchSize);
    removed += batch.removed;
    if (batch.removed > 0) batches += 1;
    if (batch.removed < batchSize)
      return { log, retentionYears: years, pruned: true, removed, firstRetainedSequence: batch.firstRetainedSequence, batches };
  }
}

async function pruneBatch(
  db: Database,
  log: AuditLogName,
  years: number,
  batchSize: number,
): Promise<{ removed: number; firstRetainedSequence: number }> {
  return db.transaction(async (tx) => {
    // Locked, so a second prune of this log waits for this batch and then starts after it.
    const checkpoint = await lockAuditCheckpoint(tx, log);
    const from = checkpoint?.firstRetainedSequence ?? 1;
    // Judged old by the database's clock, never this process's (audit-retention.query.ts).
    const candidates = await auditPruneCandidates(tx, log, from, years, batchSize);
    // From the start of the chain only: stop at the first entry that is not old, or missing.
    let next = from;
    let newestRemovedAt: Date | undefined;
    let previousHash: string | undefined;
    for (const entry of candidates) {
      if (entry.sequence !== next || entry.old !== true) break;
      if (!newestRemovedAt || entry.recordedAt > newestRemovedAt) newestRemovedAt = entry.recordedAt;
      previousHash = entry.hash;
      next += 1;
    }
    const movedAt = candidates[0]?.now;
    if (next === from || !newestRemovedAt || !previousHash || !movedAt) return { removed: 0, firstRetainedSequence: from };
    const facts = { log, firstRetainedSequence: next, previousHash, newestRemovedAt, movedAt, retentionYears: years };
    const moved = { ...facts, hash: auditCheckpointHash(facts) };
    // The checkpoint moves first: the delete trigger allows only entries below it.
    await moveAuditCheckpoint(tx, checkpoint !== undefined, moved);
    await deleteAuditEntries(tx, log, from, next);
    return { removed: next - from, firstRetainedSequence: next };
  });
}
