-- Issue 13: table 2 counts each person by their latest case in the year, and the annual report looked for
-- a later case of the same person for every candidate (30,600 index look-ups in London at 1,000,000
-- offenders, about half of the MAPPA statement's time) although about one person in twenty-five has another
-- MAPPA case at all. `sole_case` says, per row, that the person has no other case: the report then skips
-- the look-up, and still makes it for everyone else, so "latest" keeps its one definition (the report's).
-- False is always safe: rows start false, and only the refresh below, or the backfill here, sets it true.
DROP INDEX "mappa"."mappa_case_year_area_idx";--> statement-breakpoint
ALTER TABLE "mappa"."mappa_case_year" ADD COLUMN "sole_case" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "mappa"."mappa_case_year" y SET sole_case = true
  WHERE NOT EXISTS (SELECT 1 FROM "mappa"."mappa_case" o WHERE o.pnc_id = y.pnc_id AND o.case_id <> y.case_id);--> statement-breakpoint
-- The report's read stays index-only: the flag is in the area index with everything else it reads.
CREATE INDEX "mappa_case_year_area_idx" ON "mappa"."mappa_case_year" USING btree ("area","first_year","last_year","ct_restricted","category","level","highest_level","end_date","start_date","pnc_id","case_id","sole_case");--> statement-breakpoint
-- The refresh as 0025 left it, with the flag: worked out for the refreshed cases, and cleared on the
-- person's other cases when a case of theirs is written (a new case, or a case given this PNC ID).
CREATE OR REPLACE FUNCTION "mappa"."refresh_case_years"(ids text[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two transactions writing to the same case take turns here (a plain insert's foreign key lock does
  -- not conflict with this one), so the second recomputes after the first has committed.
  -- The ids are joined as a set (`unnest`), never searched with `= ANY`: a seed chunk passes thousands.
  PERFORM 1 FROM "mappa"."mappa_case" c JOIN unnest(ids) AS t(case_id) ON t.case_id = c.case_id ORDER BY c.case_id FOR NO KEY UPDATE OF c;
  -- Two transactions adding cases of the same person take turns as well (by person, in one order), so that
  -- the second decides `sole_case` after the first has committed and sees its case: without it, two new
  -- cases of one person written at once would each be marked sole, and table 2 would count the person twice.
  PERFORM pg_advisory_xact_lock(hashtextextended('mappa.mappa_case_year:' || p.pnc_id, 0))
    FROM (SELECT DISTINCT c.pnc_id FROM "mappa"."mappa_case" c JOIN unnest(ids) AS t(case_id) ON t.case_id = c.case_id) p
    ORDER BY hashtextextended('mappa.mappa_case_year:' || p.pnc_id, 0);
  DELETE FROM "mappa"."mappa_case_year" y USING unnest(ids) AS t(case_id) WHERE y.case_id = t.case_id;
  INSERT INTO "mappa"."mappa_case_year"
    (case_id, first_year, last_year, pnc_id, start_date, end_date, ct_restricted, area, category, level, highest_level, sole_case)
  WITH years AS (
    SELECT c.case_id, c.pnc_id, c.start_date, c.end_date, c.ct_restricted, c.area, c.category, c.level, y.year,
      c.end_date IS NULL AND y.year = span.last_year AS open_ended,
      greatest(c.start_date, make_date(y.year, 4, 1)) AS period_start,
      least(coalesce(c.end_date, make_date(y.year + 1, 3, 31)), make_date(y.year + 1, 3, 31)) AS period_end,
      NOT EXISTS (SELECT 1 FROM "mappa"."mappa_case" o WHERE o.pnc_id = c.pnc_id AND o.case_id <> c.case_id) AS sole_case
    FROM unnest(ids) AS t(case_id)
    JOIN "mappa"."mappa_case" c ON c.case_id = t.case_id
    CROSS JOIN LATERAL (
      SELECT CASE WHEN c.end_date IS NOT NULL THEN "mappa"."reporting_year"(c.end_date)
        ELSE greatest("mappa"."reporting_year"(c.start_date),
          (SELECT "mappa"."reporting_year"(max(ch.changed_date)) FROM "mappa"."mappa_case_change" ch
            WHERE ch.case_id = c.case_id AND ch.field IN ('CATEGORY', 'LEVEL', 'AREA'))) + 1
        END AS last_year
    ) span
    CROSS JOIN LATERAL generate_series("mappa"."reporting_year"(c.start_date), span.last_year) AS y(year)
  ), valued AS (
    -- A case's field on a day, the one rule the annual report has always used: the value after the last
    -- change on or before the day, else the value before the first change after it, else the case's
    -- column now. Written out here rather than called as a function: a SQL function whose body has
    -- sub-selects is never inlined, and calling it cost about 50 microseconds a call, four calls a year of
    -- every case.
    SELECT years.case_id, years.pnc_id, years.start_date, years.end_date, years.ct_restricted, years.year, years.open_ended, years.sole_case,
      coalesce(
        (SELECT ch.value_after FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'AREA' AND ch.changed_date <= years.period_end ORDER BY ch.changed_date DESC, ch.sequence DESC LIMIT 1),
        (SELECT ch.value_before FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'AREA' AND ch.changed_date > years.period_end ORDER BY ch.changed_date, ch.sequence LIMIT 1),
        years.area) AS area,
      coalesce(
        (SELECT ch.value_after FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'CATEGORY' AND ch.changed_date <= years.period_end ORDER BY ch.changed_date DESC, ch.sequence DESC LIMIT 1),
        (SELECT ch.value_before FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'CATEGORY' AND ch.changed_date > years.period_end ORDER BY ch.changed_date, ch.sequence LIMIT 1),
        years.category::text)::integer AS category,
      coalesce(
        (SELECT ch.value_after FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'LEVEL' AND ch.changed_date <= years.period_end ORDER BY ch.changed_date DESC, ch.sequence DESC LIMIT 1),
        (SELECT ch.value_before FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'LEVEL' AND ch.changed_date > years.period_end ORDER BY ch.changed_date, ch.sequence LIMIT 1),
        years.level::text)::integer AS level,
      greatest(
        coalesce(
        (SELECT ch.value_after FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'LEVEL' AND ch.changed_date <= years.period_start ORDER BY ch.changed_date DESC, ch.sequence DESC LIMIT 1),
        (SELECT ch.value_before FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'LEVEL' AND ch.changed_date > years.period_start ORDER BY ch.changed_date, ch.sequence LIMIT 1),
        years.level::text)::integer,
        (SELECT max(ch.value_after::integer) FROM "mappa"."mappa_case_change" ch
          WHERE ch.case_id = years.case_id AND ch.field = 'LEVEL' AND ch.changed_date BETWEEN years.period_start AND years.period_end)
      ) AS highest_level
    FROM years
  ), islands AS (
    SELECT valued.*,
      valued.year - row_number() OVER (PARTITION BY valued.case_id, valued.area, valued.category, valued.level, valued.highest_level ORDER BY valued.year) AS island
    FROM valued
  )
  SELECT case_id, min(year), CASE WHEN bool_or(open_ended) THEN NULL ELSE max(year) END,
    min(pnc_id), min(start_date), min(end_date), bool_or(ct_restricted), area, category, level, highest_level, bool_and(sole_case)
  FROM islands
  GROUP BY case_id, island, area, category, level, highest_level;
  -- A new case (or a case moved to this PNC ID) makes the person's other cases no longer sole.
  UPDATE "mappa"."mappa_case_year" y SET sole_case = false
    FROM (SELECT DISTINCT c.pnc_id FROM "mappa"."mappa_case" c JOIN unnest(ids) AS t(case_id) ON t.case_id = c.case_id) p
    WHERE y.pnc_id = p.pnc_id AND y.sole_case
      AND EXISTS (SELECT 1 FROM "mappa"."mappa_case" o WHERE o.pnc_id = y.pnc_id AND o.case_id <> y.case_id);
END;
$$;--> statement-breakpoint
ANALYZE "mappa"."mappa_case_year";
