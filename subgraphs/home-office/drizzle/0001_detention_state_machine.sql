-- Seed 000 §6, C.73 (issue 14): a detention moves only along DETAINED -> ARRANGEMENTS_CONFIRMED ->
-- RELEASED, or from DETAINED or ARRANGEMENTS_CONFIRMED to REMOVED; RELEASED and REMOVED are final, and a
-- new detention starts DETAINED (or at a later state only with the columns the table's checks require,
-- which the seed uses for history). The table's checks say what each state must carry (no release
-- without confirmed arrangements); this trigger says which state may follow which, so no writer, the
-- subgraph's code included, can skip the arrangements or reopen a closed detention.
CREATE FUNCTION "home_office"."detention_transition_allowed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status AND OLD.status IN ('RELEASED', 'REMOVED') THEN
    RAISE EXCEPTION 'detention of % is % and final', OLD.pnc_id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status <> OLD.status AND NOT (
    (OLD.status = 'DETAINED' AND NEW.status IN ('ARRANGEMENTS_CONFIRMED', 'REMOVED'))
    OR (OLD.status = 'ARRANGEMENTS_CONFIRMED' AND NEW.status IN ('RELEASED', 'REMOVED'))
  ) THEN
    RAISE EXCEPTION 'detention cannot move from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.pnc_id <> OLD.pnc_id OR NEW.detained_from <> OLD.detained_from THEN
    RAISE EXCEPTION 'a detention keeps its subject and start' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "detention_transition" BEFORE UPDATE ON "home_office"."detention" FOR EACH ROW EXECUTE FUNCTION "home_office"."detention_transition_allowed"();--> statement-breakpoint
-- The history is append-only: who moved a detention, and when, is never rewritten.
CREATE FUNCTION "home_office"."detention_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'detention events are append-only' USING ERRCODE = 'check_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "detention_event_immutable" BEFORE UPDATE ON "home_office"."detention_event" FOR EACH ROW EXECUTE FUNCTION "home_office"."detention_event_append_only"();
