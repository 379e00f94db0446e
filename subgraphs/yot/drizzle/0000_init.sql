CREATE SCHEMA "yot";
--> statement-breakpoint
CREATE TABLE "yot"."adult_transition" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"planned_transfer_date" date NOT NULL,
	"receiving_probation_area" text NOT NULL,
	"status" text NOT NULL,
	"transition_meeting_date" date
);
--> statement-breakpoint
CREATE TABLE "yot"."asset_plus_assessment" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"rosh_level" text NOT NULL,
	"safety_and_wellbeing_level" text NOT NULL,
	"reoffending_likelihood" text NOT NULL,
	"intervention_level" text NOT NULL,
	"assessed_date" date NOT NULL,
	"assessor_staff_id" text NOT NULL,
	"countersigned_date" date,
	"countersigning_manager_staff_id" text,
	"countersigning_manager_name" text,
	"next_review_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yot"."consent_record" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"purpose" text NOT NULL,
	"decision" text NOT NULL,
	"given_by" text NOT NULL,
	"fraser_competent" boolean NOT NULL,
	"assessed_by_staff_id" text NOT NULL,
	"assessed_by_role" text NOT NULL,
	"decision_date" date NOT NULL,
	"withdrawn_date" date,
	"overridden_on_public_protection_grounds" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yot"."looked_after_status" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"looked_after" boolean NOT NULL,
	"legal_basis" text,
	"responsible_local_authority" text,
	"parental_responsibility_holders" text[] NOT NULL,
	"source" text NOT NULL,
	"as_at_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yot"."mappa_h_notification" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"notified_date" date NOT NULL,
	"coordinator_area" text NOT NULL,
	"category" integer NOT NULL,
	"level_sought" integer NOT NULL,
	"reason" text NOT NULL,
	"notified_by_staff_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yot"."youth_case" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"yot_reference" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"area" text NOT NULL,
	"local_authority" text NOT NULL,
	"case_manager_staff_id" text NOT NULL,
	"case_manager_name" text NOT NULL,
	"status" text NOT NULL,
	"date_opened" date NOT NULL,
	"mappa_category" integer NOT NULL,
	"mappa_level" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yot"."youth_order" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"court" text NOT NULL,
	"made_date" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"length_months" integer NOT NULL,
	"requirements" text[] NOT NULL,
	"custodial_start_date" date,
	"custodial_end_date" date,
	"custodial_establishment" text,
	"community_start_date" date,
	"community_end_date" date
);
--> statement-breakpoint
ALTER TABLE "yot"."adult_transition" ADD CONSTRAINT "adult_transition_pnc_id_youth_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "yot"."youth_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yot"."asset_plus_assessment" ADD CONSTRAINT "asset_plus_assessment_pnc_id_youth_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "yot"."youth_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yot"."consent_record" ADD CONSTRAINT "consent_record_pnc_id_youth_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "yot"."youth_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yot"."looked_after_status" ADD CONSTRAINT "looked_after_status_pnc_id_youth_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "yot"."youth_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yot"."mappa_h_notification" ADD CONSTRAINT "mappa_h_notification_pnc_id_youth_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "yot"."youth_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yot"."youth_order" ADD CONSTRAINT "youth_order_pnc_id_youth_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "yot"."youth_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_record_pnc_id_idx" ON "yot"."consent_record" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "youth_case_yot_reference_idx" ON "yot"."youth_case" USING btree ("yot_reference");--> statement-breakpoint
CREATE INDEX "youth_order_pnc_id_idx" ON "yot"."youth_order" USING btree ("pnc_id");