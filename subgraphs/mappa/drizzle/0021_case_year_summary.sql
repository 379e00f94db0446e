CREATE TABLE "mappa"."mappa_case_year" (
	"case_id" text NOT NULL,
	"first_year" integer NOT NULL,
	"last_year" integer,
	"pnc_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"ct_restricted" boolean NOT NULL,
	"area" text NOT NULL,
	"category" integer NOT NULL,
	"level" integer NOT NULL,
	"highest_level" integer NOT NULL,
	CONSTRAINT "mappa_case_year_case_id_first_year_pk" PRIMARY KEY("case_id","first_year")
);
--> statement-breakpoint
DROP INDEX "mappa"."mappa_case_change_area_idx";--> statement-breakpoint
ALTER TABLE "mappa"."mappa_case_year" ADD CONSTRAINT "mappa_case_year_case_id_mappa_case_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "mappa"."mappa_case"("case_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mappa_case_year_area_idx" ON "mappa"."mappa_case_year" USING btree ("area","first_year","last_year","ct_restricted","category","level","highest_level","end_date","start_date","pnc_id","case_id");--> statement-breakpoint
CREATE INDEX "mappa_case_year_pnc_id_idx" ON "mappa"."mappa_case_year" USING btree ("pnc_id","first_year");