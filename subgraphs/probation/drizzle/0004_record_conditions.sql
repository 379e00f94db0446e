CREATE TABLE "probation"."approved_premises_placement" (
	"id" serial PRIMARY KEY NOT NULL,
	"crn" text NOT NULL,
	"premises_code" text NOT NULL,
	"premises_name" text NOT NULL,
	"status" text NOT NULL,
	"expected_arrival_date" date NOT NULL,
	"departure_date" date
);
--> statement-breakpoint
CREATE TABLE "probation"."approved_premises_staff" (
	"staff_code" text NOT NULL,
	"premises_code" text NOT NULL,
	CONSTRAINT "approved_premises_staff_staff_code_premises_code_pk" PRIMARY KEY("staff_code","premises_code")
);
--> statement-breakpoint
ALTER TABLE "probation"."probation_case" ADD COLUMN "line_manager_staff_code" text;--> statement-breakpoint
ALTER TABLE "probation"."probation_case" ADD COLUMN "mappa_category" smallint;--> statement-breakpoint
ALTER TABLE "probation"."licence_condition" ADD COLUMN "victim_reference" text;--> statement-breakpoint
ALTER TABLE "probation"."licence_condition" ADD COLUMN "electronic_monitoring" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "probation"."approved_premises_placement" ADD CONSTRAINT "approved_premises_placement_crn_probation_case_crn_fk" FOREIGN KEY ("crn") REFERENCES "probation"."probation_case"("crn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approved_premises_placement_crn_idx" ON "probation"."approved_premises_placement" USING btree ("crn");--> statement-breakpoint
CREATE INDEX "approved_premises_staff_premises_idx" ON "probation"."approved_premises_staff" USING btree ("premises_code");