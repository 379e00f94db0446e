-- Meeting state transitions the database enforces, whatever the code does (issue 10): a meeting only
-- goes SCHEDULED -> IN_SESSION -> HELD or SCHEDULED -> CANCELLED, and a HELD or CANCELLED meeting never
-- changes (so it cannot be closed twice); a signed attendance (MAPPA E) is never edited except that the
-- time of leaving is added once; an invitation is never edited except that it is withdrawn once,
-- recorded as consulted once, and its case grant re-issued while it stands. None of them is deleted.
CREATE FUNCTION "mappa"."meeting_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- What each move may change besides the status; everything else must stay as it was.
  movable text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'meetings are never deleted; cancel them' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.status IN ('HELD', 'CANCELLED') THEN
    RAISE EXCEPTION 'a % meeting never changes', lower(OLD.status) USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.status = OLD.status THEN
    -- A scheduled meeting may be moved or given another chair; one in session changes only by closing.
    movable := CASE WHEN OLD.status = 'SCHEDULED' THEN ARRAY['scheduled_for', 'chair_staff_id', 'chair_issuer', 'chair_agency'] ELSE ARRAY[]::text[] END;
  ELSIF OLD.status = 'SCHEDULED' AND NEW.status = 'IN_SESSION' THEN
    movable := ARRAY['status', 'opened_at', 'confidentiality_statement_read_at'];
  ELSIF OLD.status = 'IN_SESSION' AND NEW.status = 'HELD' THEN
    movable := ARRAY['status', 'closed_at'];
  ELSIF OLD.status = 'SCHEDULED' AND NEW.status = 'CANCELLED' THEN
    movable := ARRAY['status', 'cancelled_at', 'cancellation_reason'];
  ELSE
    RAISE EXCEPTION 'a meeting cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
    RAISE EXCEPTION 'a meeting going from % to % changes only %', OLD.status, NEW.status, array_to_string(movable, ', ') USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_transition" BEFORE UPDATE OR DELETE ON "mappa"."meeting" FOR EACH ROW EXECUTE FUNCTION "mappa"."meeting_transition"();--> statement-breakpoint
CREATE FUNCTION "mappa"."meeting_invitation_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'meeting invitations are never deleted; withdraw them' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.withdrawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'a withdrawn invitation never changes' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.consulted_at IS NOT NULL AND (NEW.consulted_at, NEW.consultation_note) IS DISTINCT FROM (OLD.consulted_at, OLD.consultation_note) THEN
    RAISE EXCEPTION 'a consultation is recorded once' USING ERRCODE = 'restrict_violation';
  END IF;
  -- grant_id: the invitation's access is re-issued (a new grant) when the minutes are distributed.
  IF (to_jsonb(NEW) - 'withdrawn_at' - 'withdrawn_by_staff_id' - 'withdrawal_reason' - 'consulted_at' - 'consultation_note' - 'grant_id')
    IS DISTINCT FROM (to_jsonb(OLD) - 'withdrawn_at' - 'withdrawn_by_staff_id' - 'withdrawal_reason' - 'consulted_at' - 'consultation_note' - 'grant_id') THEN
    RAISE EXCEPTION 'an invitation changes only by its withdrawal, its consultation or its grant' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_invitation_immutable" BEFORE UPDATE OR DELETE ON "mappa"."meeting_invitation" FOR EACH ROW EXECUTE FUNCTION "mappa"."meeting_invitation_immutable"();--> statement-breakpoint
CREATE FUNCTION "mappa"."meeting_attendance_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a signed attendance is never deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.left_at IS NOT NULL OR (to_jsonb(NEW) - 'left_at') IS DISTINCT FROM (to_jsonb(OLD) - 'left_at') THEN
    RAISE EXCEPTION 'a signed attendance is never edited; the time of leaving is added once' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_attendance_immutable" BEFORE UPDATE OR DELETE ON "mappa"."meeting_attendance" FOR EACH ROW EXECUTE FUNCTION "mappa"."meeting_attendance_immutable"();
