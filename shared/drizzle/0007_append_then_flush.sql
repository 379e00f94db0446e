-- Issue 15: the audit writer's batches no longer hold the log's head row lock through the WAL flush.
-- `audit.append_entries` called as a statement of its own keeps the lock until its commit is flushed to
-- disk, so a second batch of the same log (the writer's next, or another replica's) waits for that
-- flush and then for its own: two flushes in turn, however the client pipelines. This procedure, called
-- by the audit writer once per batch, appends under the lock and commits without waiting for the flush
-- (which releases the lock at once), then writes one small WAL record in a second transaction whose
-- commit does wait for the flush, as every synchronous commit does: PostgreSQL writes one ordered WAL
-- stream and flushes it up to that record, past the first transaction's commit. So when the call
-- returns the entries are durable (with synchronous standbys, as confirmed as the operator's
-- `synchronous_commit` asks), in one round trip as before, and the next batch appends while this one's
-- flush is on its way; overlapping flushes share one fsync (the server's own group commit). A crash
-- before the flush loses the batch, whose requests were never answered, and everything after it in the
-- WAL, so a chain that survives never has a hole. The second transaction stores nothing: a
-- transactional logical message is only a WAL record (executable by any role, PostgreSQL 9.6 on).
-- Transaction control in a procedure is refused inside a transaction block ("invalid transaction
-- termination"), so this can never turn a mutation's transaction asynchronous: a mutation's evidence
-- keeps `audit.append_entries` in the mutation's own transaction, committed and flushed with it.
CREATE PROCEDURE "audit"."append_entries_durably"(
  target_log text,
  entries jsonb,
  INOUT sequences bigint[] DEFAULT NULL,
  INOUT previous_hashes text[] DEFAULT NULL,
  INOUT hashes text[] DEFAULT NULL
)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_catalog.set_config('synchronous_commit', 'off', true);
  SELECT array_agg(a.entry_sequence ORDER BY a.entry_sequence), array_agg(a.entry_previous_hash ORDER BY a.entry_sequence),
      array_agg(a.entry_hash ORDER BY a.entry_sequence)
    INTO sequences, previous_hashes, hashes
    FROM audit.append_entries(target_log, entries) AS a;
  COMMIT;
  -- A new transaction, committing synchronously again (the setting above was local to the first).
  PERFORM pg_catalog.pg_logical_emit_message(true, 'mappa.audit.flush', '');
END;
$$;
