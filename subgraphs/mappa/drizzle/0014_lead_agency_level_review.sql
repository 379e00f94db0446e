-- Issue 12, B.44, C.6, A.R19, A.R21: the lead agency sets or reviews a MAPPA level itself on two occasions
-- only, and the database holds it to them as the code does. A LEVEL change recorded as a LEAD_AGENCY_REVIEW
-- is refused unless:
--  - the case was at level 2 or 3 (a level 1 case reaches level 2 or 3 only by the co-ordinator's screening, A.R19);
--  - its reason is recorded;
--  - its reference is `LAR-MTG-<meeting>`: a meeting of this case that was held and recorded no level
--    decision (B.44: no consensus), not already used; or `LAR-TRF-<sequence>`: the case's latest AREA
--    change, with no LEVEL change after it (C.6: the receiving lead agency reviews the level once).
-- Seeds record no lead-agency level changes; category 3 stays at level 2 or 3 by the case table's own check.
CREATE FUNCTION "mappa"."lead_agency_level_review"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  meeting text;
  last_area integer;
  last_level integer;
BEGIN
  IF NEW.value_before IS NULL OR NEW.value_before NOT IN ('2', '3') THEN
    RAISE EXCEPTION 'A.R19: the lead agency reviews the level of a level 2 or 3 case only; a level 1 case is raised by the co-ordinator''s screening'
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.reason IS NULL OR btrim(NEW.reason) = '' THEN
    RAISE EXCEPTION 'B.44: a lead agency level review records its reason' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM "mappa"."mappa_case_change" c WHERE c.case_id = NEW.case_id AND c.decision_reference = NEW.decision_reference) THEN
    RAISE EXCEPTION 'B.44, C.6: a lead agency level review is made once per meeting or transfer' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.decision_reference LIKE 'LAR-MTG-%' THEN
    meeting := substr(NEW.decision_reference, 9);
    IF NOT EXISTS (SELECT 1 FROM "mappa"."meeting" m WHERE m.meeting_id = meeting AND m.case_id = NEW.case_id AND m.status = 'HELD')
       OR EXISTS (SELECT 1 FROM "mappa"."meeting_decision" d WHERE d.meeting_id = meeting) THEN
      RAISE EXCEPTION 'B.44: the lead agency sets the level only after a held meeting of the case that reached no level decision'
        USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW.decision_reference LIKE 'LAR-TRF-%' THEN
    SELECT max(c.sequence) INTO last_area FROM "mappa"."mappa_case_change" c WHERE c.case_id = NEW.case_id AND c.field = 'AREA';
    SELECT max(c.sequence) INTO last_level FROM "mappa"."mappa_case_change" c WHERE c.case_id = NEW.case_id AND c.field = 'LEVEL';
    IF last_area IS NULL OR last_area::text <> substr(NEW.decision_reference, 9) OR coalesce(last_level, 0) > last_area THEN
      RAISE EXCEPTION 'C.6: the receiving lead agency reviews the level once after the case''s latest transfer'
        USING ERRCODE = 'check_violation';
    END IF;
  ELSE
    RAISE EXCEPTION 'B.44, C.6: a lead agency level review follows a meeting without consensus (LAR-MTG-…) or a transfer (LAR-TRF-…)'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "lead_agency_level_review" BEFORE INSERT ON "mappa"."mappa_case_change" FOR EACH ROW
  WHEN (NEW.field = 'LEVEL' AND NEW.decision_kind = 'LEAD_AGENCY_REVIEW') EXECUTE FUNCTION "mappa"."lead_agency_level_review"();
