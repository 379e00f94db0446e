CREATE TABLE "mappa"."case_access_grant" (
	"grant_id" text PRIMARY KEY NOT NULL,
	"grantee_staff_id" text,
	"grantee_agency" text,
	"grantee_role" text,
	"pnc_id" text NOT NULL,
	"purpose" text NOT NULL,
	"case_id" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by_staff_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_staff_id" text,
	"revocation_reason" text,
	CONSTRAINT "case_access_grant_grantee_check" CHECK ((grantee_staff_id is not null and grantee_agency is null and grantee_role is null) or (grantee_staff_id is null and grantee_agency is not null and grantee_role is not null)),
	CONSTRAINT "case_access_grant_purpose_check" CHECK (purpose in ('MAPPA_SCREENING', 'MAPPA_MEETING', 'DISCLOSURE_DECISION')),
	CONSTRAINT "case_access_grant_case_id_check" CHECK (purpose not in ('MAPPA_MEETING', 'DISCLOSURE_DECISION') or case_id is not null),
	CONSTRAINT "case_access_grant_validity_check" CHECK (valid_until > valid_from),
	CONSTRAINT "case_access_grant_revocation_check" CHECK ((revoked_at is null and revoked_by_staff_id is null and revocation_reason is null) or (revoked_at is not null and revoked_by_staff_id is not null and revocation_reason is not null))
);
--> statement-breakpoint
ALTER TABLE "mappa"."mappa_case_change" ADD COLUMN "reason" text;--> statement-breakpoint
CREATE INDEX "case_access_grant_pnc_id_idx" ON "mappa"."case_access_grant" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "case_access_grant_staff_idx" ON "mappa"."case_access_grant" USING btree ("grantee_staff_id","purpose") WHERE revoked_at is null and grantee_staff_id is not null;--> statement-breakpoint
CREATE INDEX "case_access_grant_agency_role_idx" ON "mappa"."case_access_grant" USING btree ("grantee_agency","grantee_role","purpose") WHERE revoked_at is null and grantee_agency is not null;--> statement-breakpoint
-- Grants are history: never deleted, and once written only the revocation may be added, once.
-- (TRUNCATE, used only by re-seeding a synthetic database, does not fire row triggers.)
CREATE FUNCTION "mappa"."case_access_grant_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'case access grants are never deleted; revoke them' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.revoked_at IS NOT NULL
    OR (to_jsonb(NEW) - 'revoked_at' - 'revoked_by_staff_id' - 'revocation_reason') IS DISTINCT FROM (to_jsonb(OLD) - 'revoked_at' - 'revoked_by_staff_id' - 'revocation_reason') THEN
    RAISE EXCEPTION 'a case access grant can only be revoked, once' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "case_access_grant_immutable" BEFORE UPDATE OR DELETE ON "mappa"."case_access_grant" FOR EACH ROW EXECUTE FUNCTION "mappa"."case_access_grant_immutable"();
