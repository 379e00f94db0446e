ALTER TABLE "mappa"."case_access_grant" DROP CONSTRAINT "case_access_grant_grantee_check";--> statement-breakpoint
ALTER TABLE "mappa"."case_access_grant" ADD COLUMN "grantee_issuer" text;--> statement-breakpoint
-- Issue 9 §2: a grant to a staff id now names the identity provider that issued it. Grants made
-- before cannot say which provider was meant, so they are bound to an issuer no gateway trusts and
-- hold for no one (fail closed; the co-ordinator re-grants, naming the provider). The one change the
-- append-only trigger would refuse, made with it off inside this migration's transaction.
ALTER TABLE "mappa"."case_access_grant" DISABLE TRIGGER "case_access_grant_immutable";--> statement-breakpoint
UPDATE "mappa"."case_access_grant" SET "grantee_issuer" = 'urn:mappa:issuer-not-recorded' WHERE "grantee_staff_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "mappa"."case_access_grant" ENABLE TRIGGER "case_access_grant_immutable";--> statement-breakpoint
ALTER TABLE "mappa"."case_access_grant" ADD CONSTRAINT "case_access_grant_grantee_check" CHECK ((grantee_staff_id is not null and grantee_issuer is not null and grantee_agency is null and grantee_role is null) or (grantee_staff_id is null and grantee_issuer is null and grantee_agency is not null and grantee_role is not null));
