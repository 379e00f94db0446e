-- Disclosure decisions (issue 11): the state machine the database holds, the same in every holder
-- (generated from shared/src/disclosure/disclosure-triggers.sql.ts; do not edit here, edit there and regenerate).
--   PROPOSED -> CONSULTING -> DECIDED (DISCLOSE | NOT_DISCLOSE) -> MADE (DISCLOSE only)
--   PROPOSED | CONSULTING | DECIDED (DISCLOSE) -> WITHDRAWN
-- A NOT_DISCLOSE decision, a MADE one and a WITHDRAWN one never change; nothing is ever deleted.
CREATE FUNCTION "probation"."disclosure_item_agreed"(text, text, text) RETURNS boolean LANGUAGE sql STABLE AS $$
  -- Whether item $1's latest answer of kind $2 (by recorded_at; several at that same instant must all say
  -- so) agrees to exactly the wording whose SHA-256 is $3.
  SELECT coalesce(bool_and(a.agreed AND a.wording_sha256 = $3), false)
  FROM "probation"."disclosure_item_agreement" a
  WHERE a.item_id = $1 AND a.kind = $2
    AND a.recorded_at = (SELECT max(b.recorded_at) FROM "probation"."disclosure_item_agreement" b WHERE b.item_id = $1 AND b.kind = $2);
$$;--> statement-breakpoint
CREATE FUNCTION "probation"."disclosure_decision_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- What each move may change besides the status; everything else must stay as it was.
  movable text[];
  representations text[] := ARRAY['representations_sought', 'representations_summary', 'representations_exception', 'representations_recorded_at'];
  required text[] := ARRAY[]::text[];
  unsatisfied text;
  lacking text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'disclosure decisions are never deleted; withdraw them' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF current_setting('mappa.loading_history', true) = 'on' THEN
      RETURN NEW;
    END IF;
    IF NEW.status <> 'PROPOSED' OR num_nonnulls(NEW.outcome, NEW.consulting_from, NEW.representations_sought, NEW.representations_summary, NEW.representations_exception,
        NEW.representations_recorded_at, NEW.decided_by_staff_id, NEW.decided_by_issuer, NEW.decided_by_agency, NEW.decided_at, NEW.rationale,
        NEW.disclosure_risk_assessment, NEW.contingency_plans, NEW.dissent, NEW.executing_agency, NEW.made_by_staff_id, NEW.made_by_issuer,
        NEW.made_by_agency, NEW.made_at, NEW.made_to, NEW.offender_told, NEW.signed_form_reference, NEW.frozen_content, NEW.content_sha256,
        NEW.withdrawn_at, NEW.withdrawn_by_staff_id, NEW.withdrawal_reason) > 0 THEN
      RAISE EXCEPTION 'a disclosure decision starts PROPOSED, with nothing consulted, represented, decided, made or withdrawn' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status IN ('MADE', 'WITHDRAWN') OR (OLD.status = 'DECIDED' AND OLD.outcome = 'NOT_DISCLOSE') THEN
    RAISE EXCEPTION 'a % disclosure decision never changes; any change is a new decision', CASE WHEN OLD.status = 'DECIDED' THEN 'NOT_DISCLOSE' ELSE OLD.status END
      USING ERRCODE = 'restrict_violation';
  END IF;
  -- 10.20: the offender's representations are recorded once, while the decision is open.
  IF OLD.representations_recorded_at IS NOT NULL
    AND (NEW.representations_sought, NEW.representations_summary, NEW.representations_exception, NEW.representations_recorded_at)
      IS DISTINCT FROM (OLD.representations_sought, OLD.representations_summary, OLD.representations_exception, OLD.representations_recorded_at) THEN
    RAISE EXCEPTION 'the offender''s representations are recorded once' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.status = OLD.status THEN
    movable := CASE WHEN OLD.status IN ('PROPOSED', 'CONSULTING') AND OLD.representations_recorded_at IS NULL THEN representations ELSE ARRAY[]::text[] END;
  ELSIF OLD.status = 'PROPOSED' AND NEW.status = 'CONSULTING' THEN
    IF NEW.consulting_from IS NULL THEN
      RAISE EXCEPTION 'a decision going to CONSULTING records when consultation began' USING ERRCODE = 'check_violation';
    END IF;
    movable := ARRAY['status', 'consulting_from'];
  ELSIF OLD.status = 'CONSULTING' AND NEW.status = 'DECIDED' THEN
    movable := ARRAY['status', 'outcome', 'decided_by_staff_id', 'decided_by_issuer', 'decided_by_agency', 'decided_at', 'rationale',
      'disclosure_risk_assessment', 'contingency_plans', 'dissent', 'executing_agency'];
    IF OLD.representations_recorded_at IS NULL THEN
      RAISE EXCEPTION '10.20: a decision is taken only once the offender''s representations are recorded (sought, or not sought under an exception)' USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.dissent IS NULL OR jsonb_typeof(NEW.dissent) <> 'array' THEN
      RAISE EXCEPTION 'a decision minutes its dissent as a list (empty when nobody dissented)' USING ERRCODE = 'check_violation';
    END IF;
    -- requiredConsultationsOf (B.10, B.11, B.12), from the decision's own columns.
    IF OLD.subject_under_18 THEN
      required := required || ARRAY['YOT_SENIOR', 'CHILDRENS_SERVICES'];
    END IF;
    IF OLD.recipient_is_child AND NOT 'CHILDRENS_SERVICES' = ANY(required) THEN
      required := required || ARRAY['CHILDRENS_SERVICES'];
    END IF;
    IF OLD.recipient_is_adult_at_risk THEN
      required := required || ARRAY['ADULT_SOCIAL_CARE'];
    END IF;
    IF OLD.recipient_kind = 'MEDIA' THEN
      required := required || ARRAY['ACC_APPROVAL', 'MOJ_PRESS_OFFICE'];
    END IF;
    -- consultationSatisfied: the ACC approved, the press office was informed, anyone else answered.
    SELECT string_agg(r.needed, ', ' ORDER BY r.needed) INTO unsatisfied FROM unnest(required) AS r(needed)
    WHERE NOT EXISTS (
      SELECT 1 FROM "probation"."disclosure_consultation" c
      WHERE c.decision_id = OLD.decision_id AND c.kind = r.needed
        AND CASE c.kind WHEN 'ACC_APPROVAL' THEN c.response = 'APPROVED' WHEN 'MOJ_PRESS_OFFICE' THEN c.response = 'INFORMED' ELSE c.response IN ('AGREES', 'CONCERNS') END
    );
    IF unsatisfied IS NOT NULL THEN
      RAISE EXCEPTION 'B.10-B.12: a decision needs every consultation the guidance requires answered (the ACC approving, the press office informed); not yet: %', unsatisfied
        USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.outcome = 'DISCLOSE' THEN
      IF NOT EXISTS (SELECT 1 FROM "probation"."disclosure_item" i WHERE i.decision_id = OLD.decision_id AND i.removed_at IS NULL) THEN
        RAISE EXCEPTION 'a decision to disclose discloses at least one item' USING ERRCODE = 'restrict_violation';
      END IF;
      SELECT string_agg(i.position::text, ', ' ORDER BY i.position) INTO lacking FROM "probation"."disclosure_item" i
      WHERE i.decision_id = OLD.decision_id AND i.removed_at IS NULL AND NOT "probation"."disclosure_item_agreed"(i.item_id, 'OWNER', i.wording_sha256);
      IF lacking IS NOT NULL THEN
        RAISE EXCEPTION 'B.8: every item disclosed needs its owner''s agreement to its exact wording; not yet at positions %', lacking USING ERRCODE = 'restrict_violation';
      END IF;
      SELECT string_agg(i.position::text, ', ' ORDER BY i.position) INTO lacking FROM "probation"."disclosure_item" i
      WHERE i.decision_id = OLD.decision_id AND i.removed_at IS NULL AND i.victim_identifying
        AND NOT "probation"."disclosure_item_agreed"(i.item_id, 'VICTIM_LIAISON', i.wording_sha256);
      IF lacking IS NOT NULL THEN
        RAISE EXCEPTION 'B.15: every victim-identifying item disclosed needs the victim liaison officer''s agreement to its exact wording; not yet at positions %', lacking
          USING ERRCODE = 'restrict_violation';
      END IF;
    END IF;
  ELSIF OLD.status = 'DECIDED' AND OLD.outcome = 'DISCLOSE' AND NEW.status = 'MADE' THEN
    movable := ARRAY['status', 'made_by_staff_id', 'made_by_issuer', 'made_by_agency', 'made_at', 'made_to', 'offender_told', 'signed_form_reference',
      'frozen_content', 'content_sha256'];
    IF NEW.content_sha256 IS DISTINCT FROM encode(sha256(convert_to(NEW.frozen_content, 'UTF8')), 'hex') THEN
      RAISE EXCEPTION 'a made disclosure''s content_sha256 is the SHA-256 of its frozen content' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF OLD.status IN ('PROPOSED', 'CONSULTING', 'DECIDED') AND NEW.status = 'WITHDRAWN' THEN
    movable := ARRAY['status', 'withdrawn_at', 'withdrawn_by_staff_id', 'withdrawal_reason'];
  ELSE
    RAISE EXCEPTION 'a disclosure decision cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
    RAISE EXCEPTION 'a disclosure decision going from % to % changes only %', OLD.status, NEW.status, array_to_string(movable, ', ') USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "disclosure_decision_transition" BEFORE INSERT OR UPDATE OR DELETE ON "probation"."disclosure_decision" FOR EACH ROW EXECUTE FUNCTION "probation"."disclosure_decision_transition"();--> statement-breakpoint
CREATE FUNCTION "probation"."disclosure_decision_open"(decision text, what text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  decision_status text;
BEGIN
  -- FOR SHARE: a decision being decided waits for this row's transaction, and this one for the decision.
  SELECT d.status INTO decision_status FROM "probation"."disclosure_decision" d WHERE d.decision_id = decision FOR SHARE;
  IF decision_status IS DISTINCT FROM 'PROPOSED' AND decision_status IS DISTINCT FROM 'CONSULTING' THEN
    RAISE EXCEPTION '% only while the decision is PROPOSED or CONSULTING, not %', what, coalesce(decision_status, 'unknown') USING ERRCODE = 'restrict_violation';
  END IF;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "probation"."disclosure_item_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'disclosure items are never deleted; remove them' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.wording_sha256 IS DISTINCT FROM encode(sha256(convert_to(NEW.wording, 'UTF8')), 'hex') THEN
      RAISE EXCEPTION 'an item''s wording_sha256 is the SHA-256 of its wording' USING ERRCODE = 'check_violation';
    END IF;
    IF current_setting('mappa.loading_history', true) = 'on' THEN
      RETURN NEW;
    END IF;
    IF NEW.removed_at IS NOT NULL THEN
      RAISE EXCEPTION 'an item is added live' USING ERRCODE = 'restrict_violation';
    END IF;
    PERFORM "probation"."disclosure_decision_open"(NEW.decision_id, 'items are added');
    RETURN NEW;
  END IF;
  IF OLD.removed_at IS NOT NULL THEN
    RAISE EXCEPTION 'a removed item never changes' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.removed_at IS NULL OR (to_jsonb(NEW) - 'removed_at' - 'removed_by_staff_id') IS DISTINCT FROM (to_jsonb(OLD) - 'removed_at' - 'removed_by_staff_id') THEN
    RAISE EXCEPTION 'an item changes only by its removal; a new wording is a new item' USING ERRCODE = 'restrict_violation';
  END IF;
  PERFORM "probation"."disclosure_decision_open"(OLD.decision_id, 'items are removed');
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "disclosure_item_rules" BEFORE INSERT OR UPDATE OR DELETE ON "probation"."disclosure_item" FOR EACH ROW EXECUTE FUNCTION "probation"."disclosure_item_rules"();--> statement-breakpoint
CREATE FUNCTION "probation"."disclosure_item_agreement_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  item "probation"."disclosure_item"%ROWTYPE;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'an item agreement is never changed or deleted; a new answer is a new row' USING ERRCODE = 'restrict_violation';
  END IF;
  SELECT * INTO item FROM "probation"."disclosure_item" i WHERE i.item_id = NEW.item_id FOR SHARE;
  IF item.decision_id IS DISTINCT FROM NEW.decision_id THEN
    RAISE EXCEPTION 'an agreement is to an item of its own decision' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.wording_sha256 IS DISTINCT FROM item.wording_sha256 THEN
    RAISE EXCEPTION 'B.8: an agreement is to the item''s current wording (its wording_sha256)' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.kind = 'VICTIM_LIAISON' AND NOT item.victim_identifying THEN
    RAISE EXCEPTION 'B.15: the victim liaison officer agrees only to victim-identifying items' USING ERRCODE = 'check_violation';
  END IF;
  IF current_setting('mappa.loading_history', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF item.removed_at IS NOT NULL THEN
    RAISE EXCEPTION 'a removed item is not agreed to' USING ERRCODE = 'restrict_violation';
  END IF;
  PERFORM "probation"."disclosure_decision_open"(NEW.decision_id, 'items are agreed to');
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "disclosure_item_agreement_rules" BEFORE INSERT OR UPDATE OR DELETE ON "probation"."disclosure_item_agreement" FOR EACH ROW EXECUTE FUNCTION "probation"."disclosure_item_agreement_rules"();--> statement-breakpoint
CREATE FUNCTION "probation"."disclosure_consultation_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  decision_status text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'disclosure consultations are never deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF current_setting('mappa.loading_history', true) = 'on' THEN
      RETURN NEW;
    END IF;
    IF NEW.response IS NOT NULL THEN
      RAISE EXCEPTION 'a consultation is requested before it is answered' USING ERRCODE = 'restrict_violation';
    END IF;
    PERFORM "probation"."disclosure_decision_open"(NEW.decision_id, 'consultations are requested');
    RETURN NEW;
  END IF;
  IF OLD.response IS NOT NULL THEN
    RAISE EXCEPTION 'an answered consultation never changes' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.response IS NULL
    OR (to_jsonb(NEW) - ARRAY['response', 'response_note', 'responded_at', 'responded_by_staff_id', 'responded_by_issuer', 'responded_by_role'])
      IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['response', 'response_note', 'responded_at', 'responded_by_staff_id', 'responded_by_issuer', 'responded_by_role']) THEN
    RAISE EXCEPTION 'a consultation changes only by its answer' USING ERRCODE = 'restrict_violation';
  END IF;
  SELECT d.status INTO decision_status FROM "probation"."disclosure_decision" d WHERE d.decision_id = OLD.decision_id FOR SHARE;
  IF decision_status IS DISTINCT FROM 'CONSULTING' THEN
    RAISE EXCEPTION 'a consultation is answered while the decision is CONSULTING, not %', decision_status USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "disclosure_consultation_rules" BEFORE INSERT OR UPDATE OR DELETE ON "probation"."disclosure_consultation" FOR EACH ROW EXECUTE FUNCTION "probation"."disclosure_consultation_rules"();--> statement-breakpoint
CREATE FUNCTION "probation"."disclosure_insert_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "disclosure_transition_insert_only" BEFORE UPDATE OR DELETE ON "probation"."disclosure_transition" FOR EACH ROW EXECUTE FUNCTION "probation"."disclosure_insert_only"();--> statement-breakpoint
CREATE TRIGGER "disclosure_consideration_insert_only" BEFORE UPDATE OR DELETE ON "probation"."disclosure_consideration" FOR EACH ROW EXECUTE FUNCTION "probation"."disclosure_insert_only"();
