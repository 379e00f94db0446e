ALTER TABLE "mappa"."mappa_case" ADD COLUMN "ct_restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Databases seeded before the marker existed: category 4 cases are restricted (restricted-access ViSOR flags are police data; re-seed to carry them).
UPDATE "mappa"."mappa_case" SET "ct_restricted" = true WHERE "category" = 4;
