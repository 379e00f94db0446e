CREATE SCHEMA "prison";
--> statement-breakpoint
CREATE TABLE "prison"."adjudication" (
	"adjudication_number" integer PRIMARY KEY NOT NULL,
	"prison_number" text NOT NULL,
	"establishment_code" text NOT NULL,
	"incident_date" date NOT NULL,
	"hearing_date" date NOT NULL,
	"charge_code" text NOT NULL,
	"charge" text NOT NULL,
	"finding" text NOT NULL,
	"punishment" text
);
--> statement-breakpoint
CREATE TABLE "prison"."alert" (
	"id" serial PRIMARY KEY NOT NULL,
	"prison_number" text NOT NULL,
	"type" text NOT NULL,
	"type_description" text NOT NULL,
	"code" text NOT NULL,
	"code_description" text NOT NULL,
	"comment" text NOT NULL,
	"created_date" date NOT NULL,
	"expiry_date" date,
	"expired" boolean NOT NULL,
	"active" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prison"."prisoner" (
	"prison_number" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"booking_id" integer NOT NULL,
	"in_out_status" text NOT NULL,
	"establishment_code" text,
	"establishment_name" text,
	"last_establishment_code" text NOT NULL,
	"last_establishment_name" text NOT NULL,
	"cell_location" text,
	"security_category" text NOT NULL,
	"incentive_level" text,
	"reception_date" date NOT NULL,
	"legal_status" text NOT NULL,
	"last_movement_type" text NOT NULL,
	"last_movement_reason" text NOT NULL,
	"last_movement_date" date NOT NULL,
	"last_movement_from_establishment_code" text,
	"last_movement_to_establishment_code" text,
	CONSTRAINT "prisoner_pnc_id_unique" UNIQUE("pnc_id"),
	CONSTRAINT "prisoner_booking_id_unique" UNIQUE("booking_id")
);
--> statement-breakpoint
CREATE TABLE "prison"."mappa_f_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"prison_number" text NOT NULL,
	"establishment_code" text NOT NULL,
	"report_date" date NOT NULL,
	"meeting_date" date NOT NULL,
	"author_staff_id" text NOT NULL,
	"prison_attending" boolean NOT NULL,
	"behaviour_in_custody" text NOT NULL,
	"programmes_completed" text[] NOT NULL,
	"contact_concerns" text,
	"risk_factors_observed" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prison"."offence" (
	"id" serial PRIMARY KEY NOT NULL,
	"prison_number" text NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"schedule15" boolean NOT NULL,
	"schedule3" boolean NOT NULL,
	"conviction_date" date NOT NULL,
	"most_serious" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prison"."sentence" (
	"prison_number" text PRIMARY KEY NOT NULL,
	"sentence_type" text NOT NULL,
	"indeterminate" boolean NOT NULL,
	"length_months" integer,
	"start_date" date NOT NULL,
	"sentence_expiry_date" date,
	"conditional_release_date" date NOT NULL,
	"automatic_release_date" date,
	"licence_expiry_date" date,
	"parole_eligibility_date" date,
	"tariff_date" date,
	"home_detention_curfew_eligibility_date" date,
	"top_up_supervision_expiry_date" date,
	"release_date" date,
	"release_date_confirmed" boolean NOT NULL,
	"release_date_confirmed_date" date
);
--> statement-breakpoint
CREATE TABLE "prison"."temporary_release" (
	"id" serial PRIMARY KEY NOT NULL,
	"prison_number" text NOT NULL,
	"type" text NOT NULL,
	"approved_date" date NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"mappa_coordinator_consulted" boolean NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prison"."adjudication" ADD CONSTRAINT "adjudication_prison_number_prisoner_prison_number_fk" FOREIGN KEY ("prison_number") REFERENCES "prison"."prisoner"("prison_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison"."alert" ADD CONSTRAINT "alert_prison_number_prisoner_prison_number_fk" FOREIGN KEY ("prison_number") REFERENCES "prison"."prisoner"("prison_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison"."mappa_f_report" ADD CONSTRAINT "mappa_f_report_prison_number_prisoner_prison_number_fk" FOREIGN KEY ("prison_number") REFERENCES "prison"."prisoner"("prison_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison"."offence" ADD CONSTRAINT "offence_prison_number_prisoner_prison_number_fk" FOREIGN KEY ("prison_number") REFERENCES "prison"."prisoner"("prison_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison"."sentence" ADD CONSTRAINT "sentence_prison_number_prisoner_prison_number_fk" FOREIGN KEY ("prison_number") REFERENCES "prison"."prisoner"("prison_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison"."temporary_release" ADD CONSTRAINT "temporary_release_prison_number_prisoner_prison_number_fk" FOREIGN KEY ("prison_number") REFERENCES "prison"."prisoner"("prison_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adjudication_prison_number_idx" ON "prison"."adjudication" USING btree ("prison_number");--> statement-breakpoint
CREATE INDEX "alert_prison_number_idx" ON "prison"."alert" USING btree ("prison_number");--> statement-breakpoint
CREATE INDEX "mappa_f_report_prison_number_idx" ON "prison"."mappa_f_report" USING btree ("prison_number");--> statement-breakpoint
CREATE INDEX "offence_prison_number_idx" ON "prison"."offence" USING btree ("prison_number");--> statement-breakpoint
CREATE INDEX "temporary_release_prison_number_idx" ON "prison"."temporary_release" USING btree ("prison_number");