-- The register counts' three row triggers (0028) each carried the same upsert of their deltas and the same
-- refusal of a count below zero. Now each trigger only works out its statement's deltas, grouped by the
-- counted columns, and hands them to one function that moves the counts (in key order, so that two writers
-- take their row locks in the same order) and refuses a count below zero. Behaviour is unchanged: the same
-- rows are written, in the same order, with the same error.
CREATE FUNCTION "mappa"."move_register_counts"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  negative integer;
BEGIN
  WITH moved AS (
    INSERT INTO "mappa"."mappa_case_register_count" AS r (area, category, level, lead_agency, ct_restricted, cases)
    SELECT d.area, d.category, d.level, d.lead_agency, d.ct_restricted, d.delta
      FROM jsonb_to_recordset(deltas) AS d(area text, category integer, level integer, lead_agency text, ct_restricted boolean, delta integer)
     WHERE d.delta <> 0
     ORDER BY d.area, d.category, d.level, d.lead_agency, d.ct_restricted
    ON CONFLICT (area, category, level, lead_agency, ct_restricted) DO UPDATE SET cases = r.cases + excluded.cases
    RETURNING r.cases
  )
  SELECT count(*) FILTER (WHERE moved.cases < 0) INTO negative FROM moved;
  IF negative > 0 THEN
    RAISE EXCEPTION 'mappa_case_register_count would go below zero: an earlier write to mappa.mappa_case was not counted' USING ERRCODE = 'check_violation';
  END IF;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION "mappa"."case_inserted_register_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."move_register_counts"((
    SELECT jsonb_agg(g) FROM (
      SELECT n.area, n.category, n.level, n.lead_agency, n.ct_restricted, count(*)::integer AS delta
        FROM inserted n
       WHERE n.status = 'ACTIVE'
       GROUP BY n.area, n.category, n.level, n.lead_agency, n.ct_restricted
    ) g
  ));
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- The old rows leave their counts and the new rows join theirs; what nets to zero (a case whose counted
-- columns did not change) is not written.
CREATE OR REPLACE FUNCTION "mappa"."case_updated_register_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."move_register_counts"((
    SELECT jsonb_agg(g) FROM (
      SELECT d.area, d.category, d.level, d.lead_agency, d.ct_restricted, sum(d.delta)::integer AS delta
        FROM (
          SELECT o.area, o.category, o.level, o.lead_agency, o.ct_restricted, -1 AS delta FROM previous o WHERE o.status = 'ACTIVE'
          UNION ALL
          SELECT n.area, n.category, n.level, n.lead_agency, n.ct_restricted, 1 AS delta FROM updated n WHERE n.status = 'ACTIVE'
        ) d
       GROUP BY d.area, d.category, d.level, d.lead_agency, d.ct_restricted
    ) g
  ));
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION "mappa"."case_deleted_register_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mappa"."move_register_counts"((
    SELECT jsonb_agg(g) FROM (
      SELECT o.area, o.category, o.level, o.lead_agency, o.ct_restricted, -count(*)::integer AS delta
        FROM previous o
       WHERE o.status = 'ACTIVE'
       GROUP BY o.area, o.category, o.level, o.lead_agency, o.ct_restricted
    ) g
  ));
  RETURN NULL;
END;
$$;
