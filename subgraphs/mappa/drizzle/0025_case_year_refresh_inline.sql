-- Issue 13: `refresh_case_years` (0022) made cheaper, for the seed above all: it pays the refresh on every
-- chunk of cases and again on their history, and a 1,000,000 seed took over an hour. Inserting 5,000 cases
-- and their 8,400 history rows (a seed chunk) took 4.6-7.4 s and 3.2-5.9 s at load 15-17; now 1.9-2.4 s and
-- 1.7-2.1 s. Two causes, the same rows:
-- - JIT: the planner cannot tell how many years a case has, costs the insert's query in the hundreds of
--   millions and compiled it on every call (3.5 s of a refresh of 2,000 cases); the function runs with it off,
--   as the annual report's statements do;
-- - `case_value_on`, four calls per year of a case: a SQL function whose body has sub-selects is never
--   inlined, and each call cost tens of microseconds. Its rule is written out in the query, and it goes.
CREATE OR REPLACE FUNCTION "mappa"."refresh_case_years"(ids text[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two transactions writing to the same case take turns here (a plain insert's foreign key lock does
  -- not conflict with this one), so the second recomputes after the first has committed.
  -- The ids are joined as a set (`unnest`), never searched with `= ANY`: a seed chunk passes thousands.
  PERFORM 1 FROM "mappa"."mappa_case" c JOIN unnest(ids) AS t(case_id) ON t.case_id = c.case_id ORDER BY c.case_id FOR NO KEY UPDATE OF c;
  DELETE FROM "mappa"."mappa_case_year" y USING unnest(ids) AS t(case_id) WHERE y.case_id = t.case_id;
  INSERT INTO "mappa"."mappa_case_year"
    (case_id, first_year, last_year, pnc_id, start_date, end_date, ct_restricted, area, category, level, highest_level)
  WITH years AS (
    SELECT c.case_id, c.pnc_id, c.start_date, c.end_date, c.ct_restricted, c.area, c.category, c.level, y.year,
      c.end_date IS NULL AND y.year = span.last_year AS open_ended,
      greatest(c.start_date, make_date(y.year, 4, 1)) AS period_start,
      least(coalesce(c.end_date, make_date(y.year + 1, 3, 31)), make_date(y.year + 1, 3, 31)) AS period_end
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
    SELECT years.case_id, years.pnc_id, years.start_date, years.end_date, years.ct_restricted, years.year, years.open_ended,
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
    min(pnc_id), min(start_date), min(end_date), bool_or(ct_restricted), area, category, level, highest_level
  FROM islands
  GROUP BY case_id, island, area, category, level, highest_level;
END;
$$;--> statement-breakpoint
DROP FUNCTION "mappa"."case_value_on"(text, text, date, text);
