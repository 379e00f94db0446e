import { sql } from 'drizzle-orm';
import { bigint, check, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { auditSchema } from './audit.schema';

/**
 * Where each log's chain starts once its oldest entries have been pruned for retention: the first
 * retained sequence and the hash that entry links to (the last removed entry's hash), so
 * `verifyAuditLog` starts here instead of at sequence 1 and the genesis hash. One row per log,
 * moved forward in place by `npm run audit:prune`. Triggers (custom migration) refuse deleting it,
 * moving it back, or moving it past an entry that is missing or not older than `retention_years`;
 * entries may be deleted only below it. `hash` binds the row's own columns, so a checkpoint changed
 * with triggers disabled is found by verification as an altered entry would be.
 */
export const auditCheckpointTable = auditSchema.table(
  'checkpoint',
  {
    log: text('log').primaryKey(),
    firstRetainedSequence: bigint('first_retained_sequence', { mode: 'number' }).notNull(),
    previousHash: text('previous_hash').notNull(),
    // The newest `recorded_at` among the entries removed, kept so the age of what was removed stays
    // checkable after the entries themselves are gone.
    newestRemovedAt: timestamp('newest_removed_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull(),
    // The database's time when the checkpoint last moved (the triggers refuse any other).
    movedAt: timestamp('moved_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull(),
    retentionYears: integer('retention_years').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    // Constraints, unlike triggers, hold even for a superuser who switches triggers off.
    check('checkpoint_retention_at_least_a_year', sql`${table.retentionYears} >= 1`),
    check('checkpoint_removes_an_entry', sql`${table.firstRetainedSequence} > 1`),
    check('checkpoint_removed_entries_predate_it', sql`${table.newestRemovedAt} < ${table.movedAt}`),
  ],
);
