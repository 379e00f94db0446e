-- Minutes, decision and action state transitions the database enforces, whatever the code does
-- (issue 10). Minutes (MAPPA B) are versioned: a version is inserted as a DRAFT and its content is
-- never edited; a DRAFT is approved (only once its meeting is HELD, B.22) or superseded; an APPROVED
-- version is never edited (B.22: a correction is a new version the chair approves), except that it is
-- distributed once or superseded by a later approved version; a SUPERSEDED version never changes.
-- A meeting decision is never edited or deleted. An action goes PROPOSED -> ACCEPTED | DECLINED and
-- ACCEPTED -> COMPLETED only (B.41); nothing else about it changes. Nothing here is deleted.
-- Only a load of finished history (the synthetic seed), which says so for its own transaction with
-- SET LOCAL mappa.loading_history = 'on', inserts rows already in a later state, as a restore would;
-- its updates and deletes are checked like any others.
CREATE FUNCTION "mappa"."meeting_minutes_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- What each move may change; everything else must stay as it was.
  movable text[];
  meeting_status text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'minutes are never deleted; a correction is a new version' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'INSERT' AND current_setting('mappa.loading_history', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'DRAFT' OR NEW.distributed_at IS NOT NULL THEN
      RAISE EXCEPTION 'a minutes version starts as an undistributed DRAFT' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'SUPERSEDED' THEN
    RAISE EXCEPTION 'a superseded minutes version never changes' USING ERRCODE = 'restrict_violation';
  ELSIF OLD.status = 'DRAFT' AND NEW.status = 'APPROVED' THEN
    SELECT status INTO meeting_status FROM "mappa"."meeting" WHERE meeting_id = NEW.meeting_id;
    IF meeting_status IS DISTINCT FROM 'HELD' THEN
      RAISE EXCEPTION 'minutes are approved only once the meeting is held' USING ERRCODE = 'restrict_violation';
    END IF;
    movable := ARRAY['status', 'approved_by_staff_id', 'approved_at', 'recipients', 'withheld_from'];
  ELSIF OLD.status IN ('DRAFT', 'APPROVED') AND NEW.status = 'SUPERSEDED' THEN
    movable := ARRAY['status'];
  ELSIF OLD.status = 'APPROVED' AND NEW.status = 'APPROVED' AND OLD.distributed_at IS NULL THEN
    movable := ARRAY['distributed_at'];
  ELSE
    RAISE EXCEPTION 'an approved minutes version is never edited; a correction is a new version (% to %)', OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
    RAISE EXCEPTION 'minutes going from % to % change only %', OLD.status, NEW.status, array_to_string(movable, ', ') USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_minutes_transition" BEFORE INSERT OR UPDATE OR DELETE ON "mappa"."meeting_minutes" FOR EACH ROW EXECUTE FUNCTION "mappa"."meeting_minutes_transition"();--> statement-breakpoint
CREATE FUNCTION "mappa"."meeting_decision_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  meeting_status text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'a meeting decision is never edited or deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF current_setting('mappa.loading_history', true) = 'on' THEN
    RETURN NEW;
  END IF;
  SELECT status INTO meeting_status FROM "mappa"."meeting" WHERE meeting_id = NEW.meeting_id;
  IF meeting_status IS DISTINCT FROM 'IN_SESSION' THEN
    RAISE EXCEPTION 'a meeting decides its level while in session' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_decision_rules" BEFORE INSERT OR UPDATE OR DELETE ON "mappa"."meeting_decision" FOR EACH ROW EXECUTE FUNCTION "mappa"."meeting_decision_rules"();--> statement-breakpoint
CREATE FUNCTION "mappa"."meeting_action_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  movable text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'meeting actions are never deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'INSERT' AND current_setting('mappa.loading_history', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'PROPOSED' THEN
      RAISE EXCEPTION 'an action starts PROPOSED' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'PROPOSED' AND NEW.status IN ('ACCEPTED', 'DECLINED') THEN
    movable := ARRAY['status', 'decline_reason', 'responded_by_staff_id', 'responded_at'];
  ELSIF OLD.status = 'ACCEPTED' AND NEW.status = 'COMPLETED' THEN
    movable := ARRAY['status', 'completed_at'];
  ELSE
    RAISE EXCEPTION 'an action cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
    RAISE EXCEPTION 'an action going from % to % changes only %', OLD.status, NEW.status, array_to_string(movable, ', ') USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_action_transition" BEFORE INSERT OR UPDATE OR DELETE ON "mappa"."meeting_action" FOR EACH ROW EXECUTE FUNCTION "mappa"."meeting_action_transition"();
