-- Append-only in the database itself, not just in the application: no role, the owner and a
-- superuser included, can change or remove an audit entry while these triggers are enabled.
-- Someone who disables them (ALTER TABLE ... DISABLE TRIGGER, session_replication_role = replica)
-- is still caught by the hash chain that `npm run audit:verify` checks.
CREATE FUNCTION "audit"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "entry_refuse_update_delete" BEFORE UPDATE OR DELETE ON "audit"."entry"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "entry_refuse_truncate" BEFORE TRUNCATE ON "audit"."entry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
-- The head row moves forward with every append, so it may be updated, but never removed: losing it
-- would hide entries cut from the end of a chain.
CREATE TRIGGER "log_head_refuse_delete" BEFORE DELETE ON "audit"."log_head"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "log_head_refuse_truncate" BEFORE TRUNCATE ON "audit"."log_head"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
-- A head may only move forward: going back would let a shortened chain pass verification.
CREATE FUNCTION "audit"."refuse_head_rewind"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.log <> OLD.log OR NEW.last_sequence <> OLD.last_sequence + 1 THEN
    RAISE EXCEPTION 'an audit log head only moves forward one entry at a time'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "log_head_forward_only" BEFORE UPDATE ON "audit"."log_head"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_head_rewind"();
