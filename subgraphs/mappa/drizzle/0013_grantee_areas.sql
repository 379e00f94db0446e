ALTER TABLE "mappa"."case_access_grant" ADD COLUMN "grantee_areas" text[];--> statement-breakpoint
-- Issue 12: a grant to an agency and role held for every holder of that role in that agency
-- nationally. It now names the areas it holds in. For grants made before, the area meant is the one the
-- co-ordinator granted in: a meeting's own area for a meeting grant (invitations are these), else the
-- area of the subject's MAPPA case (the co-ordinator grants only for subjects of their own area). A grant
-- for which neither is known gets an area no principal is in, and holds for no one (fail closed). The
-- changes the append-only trigger would refuse, made with it off inside this migration's transaction.
ALTER TABLE "mappa"."case_access_grant" DISABLE TRIGGER "case_access_grant_immutable";--> statement-breakpoint
UPDATE "mappa"."case_access_grant" g SET "grantee_areas" = ARRAY[coalesce(
    (SELECT m.area FROM "mappa"."meeting" m WHERE g.purpose = 'MAPPA_MEETING' AND m.meeting_id = g.case_id),
    (SELECT c.area FROM "mappa"."mappa_case" c WHERE c.pnc_id = g.pnc_id ORDER BY c.status = 'ACTIVE' DESC, c.start_date DESC LIMIT 1),
    'urn:mappa:area-not-recorded'
  )]
  WHERE g.grantee_agency IS NOT NULL;--> statement-breakpoint
ALTER TABLE "mappa"."case_access_grant" ENABLE TRIGGER "case_access_grant_immutable";--> statement-breakpoint
ALTER TABLE "mappa"."case_access_grant" ADD CONSTRAINT "case_access_grant_grantee_areas_check" CHECK ((grantee_agency is null and grantee_areas is null) or (grantee_agency is not null and grantee_areas is not null and cardinality(grantee_areas) > 0));
