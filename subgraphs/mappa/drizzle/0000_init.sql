CREATE SCHEMA "mappa";
--> statement-breakpoint
CREATE TABLE "mappa"."mappa_case_change" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"field" text NOT NULL,
	"value_before" text,
	"value_after" text NOT NULL,
	"changed_date" date NOT NULL,
	"changed_by_staff_id" text NOT NULL,
	"decision_kind" text NOT NULL,
	"decision_reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mappa"."mappa_case" (
	"case_id" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"category" integer NOT NULL,
	"level" integer NOT NULL,
	"lead_agency" text NOT NULL,
	"area" text NOT NULL,
	"start_date" date NOT NULL,
	"next_review_date" date,
	"status" text NOT NULL,
	"end_date" date,
	"end_reason" text,
	CONSTRAINT "mappa_case_category_check" CHECK (category between 1 and 4),
	CONSTRAINT "mappa_case_level_check" CHECK (level between 1 and 3),
	CONSTRAINT "mappa_case_category_3_level_check" CHECK (category <> 3 or level >= 2),
	CONSTRAINT "mappa_case_end_check" CHECK ((status = 'ACTIVE' and end_date is null and end_reason is null) or (status = 'CLOSED' and end_date is not null and end_reason is not null and next_review_date is null))
);
--> statement-breakpoint
ALTER TABLE "mappa"."mappa_case_change" ADD CONSTRAINT "mappa_case_change_case_id_mappa_case_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "mappa"."mappa_case"("case_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mappa_case_change_case_id_sequence_idx" ON "mappa"."mappa_case_change" USING btree ("case_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "mappa_case_active_pnc_id_idx" ON "mappa"."mappa_case" USING btree ("pnc_id") WHERE status = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "mappa_case_pnc_id_idx" ON "mappa"."mappa_case" USING btree ("pnc_id");