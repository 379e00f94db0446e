-- Issue 13: a writer that inserts cases and their history in one transaction may refresh their
-- `mappa_case_year` rows itself, once, after both (`refresh_case_years` with its case ids, before it
-- commits), instead of the insert triggers (0022) refreshing them once for the cases and again for their
-- history. The seed does: a batch's cases were refreshed twice, and the refresh was the largest part of
-- the MAPPA unit's writing (docs/benchmarks-statistics.md). The writer says so for its transaction only
-- (`set local mappa.case_years_refreshed_by_writer = 'on'`); every other insert, and every update and
-- delete, is refreshed by the triggers as before.
CREATE OR REPLACE FUNCTION "mappa"."case_inserted_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('mappa.case_years_refreshed_by_writer', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM "mappa"."refresh_case_years"(ARRAY(SELECT n.case_id FROM inserted n));
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION "mappa"."case_change_inserted_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('mappa.case_years_refreshed_by_writer', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM "mappa"."refresh_case_years"(ARRAY(SELECT DISTINCT n.case_id FROM inserted n WHERE n.field IN ('CATEGORY', 'LEVEL', 'AREA')));
  RETURN NULL;
END;
$$;
