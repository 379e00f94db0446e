CREATE SCHEMA "police";
--> statement-breakpoint
CREATE TABLE "police"."civil_order" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"type" text NOT NULL,
	"court" text NOT NULL,
	"made_date" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"conditions" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police"."alias" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"ordinal" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police"."person" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"cro_number" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_names" text,
	"last_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"gender" text NOT NULL,
	"ethnicity_code" text NOT NULL,
	"nationality" text NOT NULL,
	CONSTRAINT "person_cro_number_unique" UNIQUE("cro_number")
);
--> statement-breakpoint
CREATE TABLE "police"."intelligence_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"reference" text NOT NULL,
	"recorded_date" date NOT NULL,
	"source_evaluation" text NOT NULL,
	"intelligence_assessment" text NOT NULL,
	"handling_code" text NOT NULL,
	"originator_force" text NOT NULL,
	"text" text NOT NULL,
	"sanitised_summary" text NOT NULL,
	CONSTRAINT "intelligence_item_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "police"."notification_breach" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"breach_date" date NOT NULL,
	"nature" text NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police"."notification" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"start_date" date NOT NULL,
	"period_years" integer,
	"indefinite" boolean NOT NULL,
	"expiry_date" date,
	"registered_address_line1" text NOT NULL,
	"registered_address_town" text NOT NULL,
	"registered_address_postcode" text NOT NULL,
	"last_verified_date" date NOT NULL,
	"home_visit_frequency_weeks" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police"."police_risk" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"tool" text NOT NULL,
	"level" text NOT NULL,
	"assessed_date" date NOT NULL,
	"assessor_staff_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police"."visor_nominal" (
	"visor_reference" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"status" text NOT NULL,
	"record_manager_staff_id" text NOT NULL,
	"record_manager_force" text NOT NULL,
	"partner_agencies" text[] NOT NULL,
	"restricted_access" boolean NOT NULL,
	"created_date" date NOT NULL,
	"retention_review_date" date NOT NULL,
	CONSTRAINT "visor_nominal_pnc_id_unique" UNIQUE("pnc_id")
);
--> statement-breakpoint
CREATE TABLE "police"."warning_marker" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"code" text NOT NULL,
	"created_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "police"."civil_order" ADD CONSTRAINT "civil_order_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police"."alias" ADD CONSTRAINT "alias_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police"."intelligence_item" ADD CONSTRAINT "intelligence_item_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police"."notification_breach" ADD CONSTRAINT "notification_breach_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police"."notification" ADD CONSTRAINT "notification_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police"."police_risk" ADD CONSTRAINT "police_risk_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police"."visor_nominal" ADD CONSTRAINT "visor_nominal_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police"."warning_marker" ADD CONSTRAINT "warning_marker_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "civil_order_pnc_id_idx" ON "police"."civil_order" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "alias_pnc_id_idx" ON "police"."alias" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "intelligence_item_pnc_id_idx" ON "police"."intelligence_item" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "notification_breach_pnc_id_idx" ON "police"."notification_breach" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "warning_marker_pnc_id_idx" ON "police"."warning_marker" USING btree ("pnc_id");