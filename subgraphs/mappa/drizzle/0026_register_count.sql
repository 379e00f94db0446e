CREATE TABLE "mappa"."mappa_case_register_count" (
	"area" text NOT NULL,
	"category" integer NOT NULL,
	"level" integer NOT NULL,
	"lead_agency" text NOT NULL,
	"ct_restricted" boolean NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "mappa_case_register_count_pk" PRIMARY KEY("area","category","level","lead_agency","ct_restricted")
);
--> statement-breakpoint
CREATE INDEX "mappa_case_register_birth_idx" ON "mappa"."mappa_case" USING btree ("subject_date_of_birth") WHERE status = 'ACTIVE';