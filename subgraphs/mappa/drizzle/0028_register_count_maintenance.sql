-- Issue 15: `mappa_case_register_count` (0027) is kept by the database itself, in the transaction of every
-- write to a case, as `mappa_case_year` is (0022): triggers rather than application code, so that no write
-- path can miss it (the seed's bulk inserts, level and category decisions, transfers, closures, a reopening
-- and any future writer). Statement-level triggers with transition tables: a bulk insert of thousands of
-- cases moves each count it touches once per statement, with one grouped upsert. Each trigger adds what
-- its statement made ACTIVE and takes away what it made no longer ACTIVE, so an update that changes none of
-- the counted columns (a review date, a release date) writes nothing. Rows are upserted in key order, so
-- two writers moving several counts take their row locks in the same order and never deadlock.

-- Rebuilds every count from the cases in one set-based statement: for a bulk load run with the triggers
-- off, and for the databases this migration finds already seeded. Writers wait (SHARE lock on the cases)
-- so that no write lands between the read and the replace.
CREATE FUNCTION "mappa"."refresh_register_counts"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "mappa"."mappa_case" IN SHARE MODE;
  DELETE FROM "mappa"."mappa_case_register_count";
  INSERT INTO "mappa"."mappa_case_register_count" (area, category, level, lead_agency, ct_restricted, cases)
  SELECT c.area, c.category, c.level, c.lead_agency, c.ct_restricted, count(*)::integer
    FROM "mappa"."mappa_case" c
   WHERE c.status = 'ACTIVE'
   GROUP BY c.area, c.category, c.level, c.lead_agency, c.ct_restricted;
END;
$$;--> statement-breakpoint

-- Each trigger moves the counts by its statement's deltas in one upsert, and fails the write if a count would
-- go below zero: that would mean an earlier write was never counted, and a wrong total must not be kept
-- quietly. (Checked on what the upsert returns rather than by a CHECK constraint, which PostgreSQL applies
-- to the proposed row before ON CONFLICT, so it would refuse every negative delta.)
CREATE FUNCTION "mappa"."case_inserted_register_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  negative integer;
BEGIN
  WITH moved AS (
    INSERT INTO "mappa"."mappa_case_register_count" AS r (area, category, level, lead_agency, ct_restricted, cases)
    SELECT n.area, n.category, n.level, n.lead_agency, n.ct_restricted, count(*)::integer
      FROM inserted n
     WHERE n.status = 'ACTIVE'
     GROUP BY n.area, n.category, n.level, n.lead_agency, n.ct_restricted
     ORDER BY n.area, n.category, n.level, n.lead_agency, n.ct_restricted
    ON CONFLICT (area, category, level, lead_agency, ct_restricted) DO UPDATE SET cases = r.cases + excluded.cases
    RETURNING r.cases
  )
  SELECT count(*) FILTER (WHERE moved.cases < 0) INTO negative FROM moved;
  IF negative > 0 THEN
    RAISE EXCEPTION 'mappa_case_register_count would go below zero: an earlier write to mappa.mappa_case was not counted' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- The old rows leave their counts and the new rows join theirs; what nets to zero (a case whose counted
-- columns did not change) is not written.
CREATE FUNCTION "mappa"."case_updated_register_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  negative integer;
BEGIN
  WITH moved AS (
    INSERT INTO "mappa"."mappa_case_register_count" AS r (area, category, level, lead_agency, ct_restricted, cases)
    SELECT d.area, d.category, d.level, d.lead_agency, d.ct_restricted, sum(d.delta)::integer
      FROM (
        SELECT o.area, o.category, o.level, o.lead_agency, o.ct_restricted, -1 AS delta FROM previous o WHERE o.status = 'ACTIVE'
        UNION ALL
        SELECT n.area, n.category, n.level, n.lead_agency, n.ct_restricted, 1 AS delta FROM updated n WHERE n.status = 'ACTIVE'
      ) d
     GROUP BY d.area, d.category, d.level, d.lead_agency, d.ct_restricted
    HAVING sum(d.delta) <> 0
     ORDER BY d.area, d.category, d.level, d.lead_agency, d.ct_restricted
    ON CONFLICT (area, category, level, lead_agency, ct_restricted) DO UPDATE SET cases = r.cases + excluded.cases
    RETURNING r.cases
  )
  SELECT count(*) FILTER (WHERE moved.cases < 0) INTO negative FROM moved;
  IF negative > 0 THEN
    RAISE EXCEPTION 'mappa_case_register_count would go below zero: an earlier write to mappa.mappa_case was not counted' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE FUNCTION "mappa"."case_deleted_register_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  negative integer;
BEGIN
  WITH moved AS (
    INSERT INTO "mappa"."mappa_case_register_count" AS r (area, category, level, lead_agency, ct_restricted, cases)
    SELECT o.area, o.category, o.level, o.lead_agency, o.ct_restricted, -count(*)::integer
      FROM previous o
     WHERE o.status = 'ACTIVE'
     GROUP BY o.area, o.category, o.level, o.lead_agency, o.ct_restricted
     ORDER BY o.area, o.category, o.level, o.lead_agency, o.ct_restricted
    ON CONFLICT (area, category, level, lead_agency, ct_restricted) DO UPDATE SET cases = r.cases + excluded.cases
    RETURNING r.cases
  )
  SELECT count(*) FILTER (WHERE moved.cases < 0) INTO negative FROM moved;
  IF negative > 0 THEN
    RAISE EXCEPTION 'mappa_case_register_count would go below zero: an earlier write to mappa.mappa_case was not counted' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- TRUNCATE fires no row triggers (the seed clears the cases this way): it empties the counts with them.
CREATE FUNCTION "mappa"."case_truncated_register_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "mappa"."mappa_case_register_count";
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE TRIGGER "mappa_case_register_counts_insert" AFTER INSERT ON "mappa"."mappa_case"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_inserted_register_counts"();--> statement-breakpoint
CREATE TRIGGER "mappa_case_register_counts_update" AFTER UPDATE ON "mappa"."mappa_case"
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_updated_register_counts"();--> statement-breakpoint
CREATE TRIGGER "mappa_case_register_counts_delete" AFTER DELETE ON "mappa"."mappa_case"
  REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_deleted_register_counts"();--> statement-breakpoint
CREATE TRIGGER "mappa_case_register_counts_truncate" AFTER TRUNCATE ON "mappa"."mappa_case"
  FOR EACH STATEMENT EXECUTE FUNCTION "mappa"."case_truncated_register_counts"();--> statement-breakpoint

-- A database seeded before this migration gets its counts now.
SELECT "mappa"."refresh_register_counts"();
