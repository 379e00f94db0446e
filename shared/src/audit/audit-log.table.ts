import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { auditSchema } from './audit.schema';

/**
 * One audit entry. Rows are append-only: triggers (see the custom migration) refuse UPDATE,
 * DELETE and TRUNCATE, and `hash` chains each entry to the one before it in its log, so what a
 * superuser changes with triggers disabled is still found by `verifyAuditLog`.
 */
export const auditEntryTable = auditSchema.table(
  'entry',
  {
    log: text('log').notNull(),
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    // Millisecond precision, so the time read back is exactly the time that was hashed.
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull(),
    requestId: text('request_id').notNull(),
    payload: jsonb('payload').notNull(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.log, table.sequence] }),
    // Information governance asks "who accessed this subject, between these times" of one log.
    index('entry_subjects_idx').using('gin', sql`(${table.payload} -> 'subjects')`),
    index('entry_log_recorded_at_idx').on(table.log, table.recordedAt),
  ],
);

/**
 * The head of each log: its last sequence number and hash. Appends lock this row (`FOR UPDATE`),
 * which serialises writers to one log so the chain can never fork; verification compares it with
 * the last entry, so entries removed from the end of a chain are found too.
 */
export const auditLogHeadTable = auditSchema.table('log_head', {
  log: text('log').primaryKey(),
  lastSequence: bigint('last_sequence', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
