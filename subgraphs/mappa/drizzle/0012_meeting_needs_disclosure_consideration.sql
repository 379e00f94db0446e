-- B §2: disclosure is considered at every level 2 and 3 meeting (issue 11). A meeting is closed (HELD) only
-- once a disclosure consideration is recorded for it: a decision proposed, or disclosure not considered
-- necessary, with the reason. Only the one lawful move to HELD is checked here (meeting_transition refuses
-- the others with its own message); seeds insert held meetings directly and are not moved by this trigger.
CREATE FUNCTION "mappa"."meeting_needs_disclosure_consideration"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "mappa"."disclosure_consideration" c WHERE c.meeting_id = NEW.meeting_id) THEN
    RAISE EXCEPTION 'B §2: a level 2 or 3 meeting is closed only once disclosure has been considered at it (a decision proposed, or not necessary with the reason)'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_needs_disclosure_consideration" BEFORE UPDATE ON "mappa"."meeting" FOR EACH ROW
  WHEN (OLD.status = 'IN_SESSION' AND NEW.status = 'HELD') EXECUTE FUNCTION "mappa"."meeting_needs_disclosure_consideration"();
