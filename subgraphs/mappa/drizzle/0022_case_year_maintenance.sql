-- Issue 13: `mappa_case_year` (0021) is kept by the database itself, in the transaction of every write
-- to a case or its history. Triggers rather than application code, so that there is one place and no
-- write path can miss it: the seed's bulk inserts, level and category decisions (the case row and a
-- history row), transfers, closures, a back-dated correction of the history and any future writer all
-- reach it. Statement-level triggers with transition tables, so that a bulk insert of thousands of cases
-- or changes recomputes its cases once per statement rather than once per row. A write recomputes every
-- year of each case it touched: a back-dated change moves every year from its date on, and recomputing
-- the whole case (a few rows) is as cheap as working out which years those are.

-- The reporting year (1 April - 31 March, named by the year it starts in) a day falls in.
CREATE FUNCTION "mappa"."reporting_year"(day date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(year FROM day)::integer - CASE WHEN extract(month FROM day) < 4 THEN 1 ELSE 0 END
$$;--> statement-breakpoint

-- A case's `field` on `day`, the one rule the annual report has always used: the value after the last
-- change on or before the day, else the value before the first change after it, else `current` (the
-- case's column now).
CREATE FUNCTION "mappa"."case_value_on"(p_case text, p_field text, p_day date, p_current text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    (SELECT ch.value_after FROM "mappa"."mappa_case_change" ch
      WHERE ch.case_id = p_case AND ch.field = p_field AND ch.changed_date <= p_day ORDER BY ch.changed_date DESC, ch.sequence DESC LIMIT 1),
    (SELECT ch.value_before FROM "mappa"."mappa_case_change" ch
      WHERE ch.case_id = p_case AND ch.field = p_field AND ch.changed_date > p_day ORDER BY ch.changed_date, ch.sequence LIMIT 1),
    p_current)
$$;--> statement-breakpoint

-- Recomputes every reporting-year row of the given cases. A case gets a row per year from the year it
-- starts to the year it ends; an open case's years run to the year after its last CATEGORY, LEVEL or
-- AREA change (from then on nothing moves), and that last row stands for every later year. Consecutive
-- years with the same values are merged into one row.
CREATE FUNCTION "mappa"."refresh_case_years"(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two transactions writing to the same case take turns here (a plain insert's foreign key lock does
  -- not conflict with this one), so the second recomputes after the first has committed.
  -- The ids are joined as a set (`unnest`), never searched with `= ANY`: a seed chunk or the backfill
  -- below passes thousands to a million of them.
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
    SELECT years.case_id, years.pnc_id, years.start_date, years.end_date, years.ct_restricted, years.year, years.open_ended,
      "mappa"."case_value_on"(years.case_id, 'AREA', years.period_end, years.area) AS area,
      "mappa"."case_value_on"(years.case_id, 'CATEGORY', years.period_end, years.category::text)::integer AS category,
      "mappa"."case_value_on"(years.case_id, 'LEVEL', years.period_end, years.level::text)::integer AS level,
      greatest(
        "mappa"."case_value_on"(years.case_id, 'LEVEL', years.period_start, years.level::text)::integer,
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

CREATE FUNCTION "mappa"."case_inserted_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."refresh_case_years"(ARRAY(SELECT n.case_id FROM inserted n));
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- Only the columns the rows copy or are computed from: a review date or a grant leaves them alone.
CREATE FUNCTION "mappa"."case_updated_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."refresh_case_years"(ARRAY(
    SELECT n.case_id FROM updated n JOIN previous o ON o.case_id = n.case_id
    WHERE (n.pnc_id, n.start_date, n.end_date, n.ct_restricted, n.area, n.category, n.level)
      IS DISTINCT FROM (o.pnc_id, o.start_date, o.end_date, o.ct_restricted, o.area, o.category, o.level)));
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE FUNCTION "mappa"."case_change_inserted_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."refresh_case_years"(ARRAY(SELECT DISTINCT n.case_id FROM inserted n WHERE n.field IN ('CATEGORY', 'LEVEL', 'AREA')));
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE FUNCTION "mappa"."case_change_updated_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."refresh_case_years"(ARRAY(
    SELECT n.case_id FROM updated n WHERE n.field IN ('CATEGORY', 'LEVEL', 'AREA')
    UNION SELECT o.case_id FROM previous o WHERE o.field IN ('CATEGORY', 'LEVEL', 'AREA')));
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE FUNCTION "mappa"."case_change_deleted_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."refresh_case_years"(ARRAY(SELECT DISTINCT o.case_id FROM previous o WHERE o.field IN ('CATEGORY', 'LEVEL', 'AREA')));
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE TRIGGER "mappa_case_years_insert" AFTER INSERT ON "mappa"."mappa_case"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_inserted_years"();--> statement-breakpoint
CREATE TRIGGER "mappa_case_years_update" AFTER UPDATE ON "mappa"."mappa_case"
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_updated_years"();--> statement-breakpoint
CREATE TRIGGER "mappa_case_change_years_insert" AFTER INSERT ON "mappa"."mappa_case_change"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_change_inserted_years"();--> statement-breakpoint
CREATE TRIGGER "mappa_case_change_years_update" AFTER UPDATE ON "mappa"."mappa_case_change"
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_change_updated_years"();--> statement-breakpoint
CREATE TRIGGER "mappa_case_change_years_delete" AFTER DELETE ON "mappa"."mappa_case_change"
  REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_change_deleted_years"();--> statement-breakpoint

-- A database seeded before this migration gets its rows now, with statistics for the planner (a
-- migration runs in a transaction, so no VACUUM: until autovacuum or the next seed's VACUUM the report
-- reads the rows from the heap as well as the index).
SELECT "mappa"."refresh_case_years"(ARRAY(SELECT c.case_id FROM "mappa"."mappa_case" c));--> statement-breakpoint
ANALYZE "mappa"."mappa_case_year";
