-- Retention (`npm run audit:prune`) removes a log's oldest entries, and only those: the log's
-- checkpoint (audit.checkpoint) moves forward first, past entries the database itself finds older
-- than the retention the checkpoint records, and then only entries below the checkpoint may be
-- deleted. Every other DELETE, any UPDATE and TRUNCATE stay refused, a superuser's included, while
-- the triggers are enabled; what is done with them disabled is found by `npm run audit:verify`.

-- The moment `years` before `moment`, in UTC calendar terms: the one cutoff the prune, these
-- triggers and verification all use. In the session's time zone the result would move by an hour
-- across daylight saving, and clients with different settings would disagree.
CREATE FUNCTION "audit"."retention_cutoff"(moment timestamptz, years integer) RETURNS timestamptz
  LANGUAGE sql STABLE STRICT AS $$
  SELECT ($1 AT TIME ZONE 'UTC' - make_interval(years => $2)) AT TIME ZONE 'UTC'
$$;
--> statement-breakpoint
DROP TRIGGER "entry_refuse_update_delete" ON "audit"."entry";
--> statement-breakpoint
CREATE TRIGGER "entry_refuse_update" BEFORE UPDATE ON "audit"."entry"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE FUNCTION "audit"."delete_only_below_checkpoint"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "audit"."checkpoint" c WHERE c.log = OLD.log AND OLD.sequence < c.first_retained_sequence
  ) THEN
    RAISE EXCEPTION 'audit entries are append-only: DELETE of % entry % is refused, it is not below the log''s checkpoint', OLD.log, OLD.sequence
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "entry_delete_only_below_checkpoint" BEFORE DELETE ON "audit"."entry"
  FOR EACH ROW EXECUTE FUNCTION "audit"."delete_only_below_checkpoint"();
--> statement-breakpoint
-- A checkpoint moves forward only, to now, past entries that are all still there (so their age can
-- be seen) and all older than the retention it records, links to the last of them, and records the
-- newest time among them. Moving it is what permits the deletes, so this is the one gate.
CREATE FUNCTION "audit"."checkpoint_moves_past_old_entries_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  from_sequence bigint := 1;
  present bigint;
  newest timestamptz;
  last_hash text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.log <> OLD.log OR NEW.first_retained_sequence <= OLD.first_retained_sequence THEN
      RAISE EXCEPTION 'an audit checkpoint only moves forward'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    from_sequence := OLD.first_retained_sequence;
  END IF;
  IF NEW.retention_years IS NULL OR NEW.retention_years < 1 THEN
    RAISE EXCEPTION 'an audit checkpoint applies a retention of at least a year'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.moved_at IS DISTINCT FROM date_trunc('milliseconds', now()) THEN
    RAISE EXCEPTION 'an audit checkpoint records the database''s time when it moves'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT count(*), max(e.recorded_at) INTO present, newest
    FROM "audit"."entry" e
    WHERE e.log = NEW.log AND e.sequence >= from_sequence AND e.sequence < NEW.first_retained_sequence;
  IF present <> NEW.first_retained_sequence - from_sequence THEN
    RAISE EXCEPTION 'an audit checkpoint only moves past entries that are all present'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF newest >= "audit"."retention_cutoff"(NEW.moved_at, NEW.retention_years) THEN
    RAISE EXCEPTION 'an audit checkpoint only moves past entries older than its retention of % years', NEW.retention_years
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.newest_removed_at IS DISTINCT FROM newest THEN
    RAISE EXCEPTION 'an audit checkpoint records the newest time among the entries it moves past'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT e.hash INTO last_hash FROM "audit"."entry" e
    WHERE e.log = NEW.log AND e.sequence = NEW.first_retained_sequence - 1;
  IF NEW.previous_hash IS DISTINCT FROM last_hash THEN
    RAISE EXCEPTION 'an audit checkpoint links to the hash of the last entry it moves past'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "checkpoint_moves_past_old_entries_only" BEFORE INSERT OR UPDATE ON "audit"."checkpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit"."checkpoint_moves_past_old_entries_only"();
--> statement-breakpoint
-- Losing the checkpoint would make verification start again at sequence 1 (and report the pruned
-- entries as removed); it is never deleted.
CREATE TRIGGER "checkpoint_refuse_delete" BEFORE DELETE ON "audit"."checkpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "checkpoint_refuse_truncate" BEFORE TRUNCATE ON "audit"."checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();
