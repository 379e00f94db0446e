-- Issue 15: two replicas of a service (or two gateways) on one log never refuse a request under
-- contention. Writers used to number and hash entries in the service from the head they last saw,
-- then move the head only if it was still there (a compare): a writer that lost re-read the head
-- and tried again, and two busy writers kept losing to each other (each loss a few more round trips
-- while its requests' deadlines ran), until requests answered AUDIT_UNAVAILABLE. Here the append is
-- one call that takes the head row's lock first and numbers and hashes its entries under it, in the
-- database: a writer waits its turn on the lock (held for this one statement, or until the caller's
-- transaction commits, for a mutation's evidence) and never loses, so every append is one round trip.
-- The hash is the one `auditEntryHash` computes and `npm run audit:verify` checks: SHA-256 of the
-- UTF-8 text of the JSON array [log, sequence, recorded_at, request_id, payload, previous_hash], the
-- payload as the caller's canonical JSON text (keys sorted at every level: `canonicalJson`). Log
-- names, request ids, times and hashes are checked to hold no character JSON would escape, so
-- quoting them here writes exactly the text JSON.stringify does.
CREATE FUNCTION "audit"."append_entries"(target_log text, entries jsonb)
RETURNS TABLE (entry_sequence bigint, entry_previous_hash text, entry_hash text)
LANGUAGE plpgsql AS $$
DECLARE
  head_sequence bigint;
  head_hash text;
  item jsonb;
  sequences bigint[] := '{}';
  recorded_times timestamptz[] := '{}';
  request_ids text[] := '{}';
  payloads jsonb[] := '{}';
  previous_hashes text[] := '{}';
  hashes text[] := '{}';
BEGIN
  IF target_log !~ '^[A-Za-z0-9._:-]{1,128}$' THEN
    RAISE EXCEPTION 'audit log name refused' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT h.last_sequence, h.last_hash INTO head_sequence, head_hash FROM audit.log_head AS h WHERE h.log = target_log FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit.log_head (log, last_sequence, last_hash) VALUES (target_log, 0, repeat('0', 64)) ON CONFLICT (log) DO NOTHING;
    SELECT h.last_sequence, h.last_hash INTO head_sequence, head_hash FROM audit.log_head AS h WHERE h.log = target_log FOR UPDATE;
  END IF;
  FOR item IN SELECT value FROM jsonb_array_elements(entries) LOOP
    IF coalesce(item->>'request_id', '') !~ '^[A-Za-z0-9._:-]{1,128}$'
      OR coalesce(item->>'recorded_at', '') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' THEN
      RAISE EXCEPTION 'audit entry refused: request id or time malformed' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    head_sequence := head_sequence + 1;
    entry_sequence := head_sequence;
    entry_previous_hash := head_hash;
    entry_hash := encode(sha256(convert_to(
      '["' || target_log || '",' || head_sequence::text || ',"' || (item->>'recorded_at') || '","' || (item->>'request_id') || '",'
        || (item->>'payload') || ',"' || head_hash || '"]', 'UTF8')), 'hex');
    sequences := sequences || head_sequence;
    recorded_times := recorded_times || (item->>'recorded_at')::timestamptz;
    request_ids := request_ids || (item->>'request_id');
    payloads := payloads || (item->>'payload')::jsonb;
    previous_hashes := previous_hashes || head_hash;
    hashes := hashes || entry_hash;
    head_hash := entry_hash;
    RETURN NEXT;
  END LOOP;
  IF cardinality(sequences) > 0 THEN
    INSERT INTO audit.entry (log, sequence, recorded_at, request_id, payload, previous_hash, hash)
      SELECT target_log, u.sequence, u.recorded_at, u.request_id, u.payload, u.previous_hash, u.hash
      FROM unnest(sequences, recorded_times, request_ids, payloads, previous_hashes, hashes)
        AS u(sequence, recorded_at, request_id, payload, previous_hash, hash);
    UPDATE audit.log_head SET last_sequence = head_sequence, last_hash = head_hash WHERE log = target_log;
  END IF;
END;
$$;
