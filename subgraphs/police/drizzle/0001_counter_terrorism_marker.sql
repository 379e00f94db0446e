ALTER TABLE "police"."person" ADD COLUMN "ct_restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Databases seeded before the marker existed: restricted-access ViSOR records (every category 4 case has one) mark the person.
UPDATE "police"."person" SET "ct_restricted" = true FROM "police"."visor_nominal" WHERE "police"."visor_nominal"."pnc_id" = "police"."person"."pnc_id" AND "police"."visor_nominal"."restricted_access";
