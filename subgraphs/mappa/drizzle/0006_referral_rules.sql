-- Referral state transitions the database enforces, as the code does (referral.resolver.ts):
--   AWAITING_ENDORSEMENT -> SUBMITTED | WITHDRAWN
--   SUBMITTED            -> ACCEPTED | REJECTED | WITHDRAWN
--   ACCEPTED, REJECTED, WITHDRAWN: final, the row is not updated again (a screened referral is never
--   screened twice).
-- What the referrer wrote (the MAPPA A content, who made it, where and when) never changes once the
-- referral is made: there is no amending a referral, only withdrawing it and making another. The
-- endorsement and the moment the co-ordinator received it (which starts the screening clock) are
-- written once. Inserts are not restricted: the seed writes referrals as they stand after screening.
CREATE FUNCTION "mappa"."referral_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  step_columns text[] := ARRAY['status', 'submitted_at', 'screening_due_date', 'endorsed_by_staff_id', 'endorsed_by_issuer', 'endorsed_at',
    'screened_at', 'screened_by_staff_id', 'screened_by_issuer', 'accepted_category', 'accepted_level', 'accepted_lead_agency',
    'rejection_reasons', 'case_id', 'withdrawn_at', 'withdrawal_reason'];
BEGIN
  IF OLD.status IN ('ACCEPTED', 'REJECTED', 'WITHDRAWN') THEN
    RAISE EXCEPTION 'a % referral is final', OLD.status USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
    (OLD.status = 'AWAITING_ENDORSEMENT' AND NEW.status IN ('SUBMITTED', 'WITHDRAWN'))
    OR (OLD.status = 'SUBMITTED' AND NEW.status IN ('ACCEPTED', 'REJECTED', 'WITHDRAWN'))
  ) THEN
    RAISE EXCEPTION 'a referral does not go from % to %', OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - step_columns) IS DISTINCT FROM (to_jsonb(OLD) - step_columns) THEN
    RAISE EXCEPTION 'a referral''s content does not change once made' USING ERRCODE = 'restrict_violation';
  END IF;
  IF (OLD.submitted_at IS NOT NULL AND NEW.submitted_at IS DISTINCT FROM OLD.submitted_at)
    OR (OLD.screening_due_date IS NOT NULL AND NEW.screening_due_date IS DISTINCT FROM OLD.screening_due_date)
    OR (OLD.endorsed_at IS NOT NULL AND (NEW.endorsed_at, NEW.endorsed_by_staff_id, NEW.endorsed_by_issuer) IS DISTINCT FROM (OLD.endorsed_at, OLD.endorsed_by_staff_id, OLD.endorsed_by_issuer)) THEN
    RAISE EXCEPTION 'a referral''s receipt and endorsement are written once' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "referral_transition" BEFORE UPDATE ON "mappa"."referral" FOR EACH ROW EXECUTE FUNCTION "mappa"."referral_transition"();--> statement-breakpoint
-- Case numbers for cases a screening acceptance opens: above every number the synthetic seed gives
-- (`MC-` and twice the person's index, plus one), so the two never meet.
CREATE SEQUENCE "mappa"."mappa_case_number" START WITH 9000000 MAXVALUE 9999999;
