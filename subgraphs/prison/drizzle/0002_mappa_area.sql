ALTER TABLE "prison"."prisoner" ADD COLUMN "mappa_area" text;
-- No backfill: nothing the prison holds names the responsible MAPPA area (establishments are national). Existing rows stay null and so out of every area's scope (deny by default) until the prison records the area or the data is re-seeded.
