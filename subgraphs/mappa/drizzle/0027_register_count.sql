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
CREATE INDEX "mappa_case_register_young_idx" ON "mappa"."mappa_case" USING btree ("area","subject_date_of_birth","category","level","lead_agency","ct_restricted") WHERE status = 'ACTIVE' and (subject_date_of_birth is null or subject_date_of_birth > '2008-01-01');