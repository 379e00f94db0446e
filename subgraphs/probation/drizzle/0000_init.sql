CREATE SCHEMA "probation";
--> statement-breakpoint
CREATE TABLE "probation"."probation_address" (
	"id" serial PRIMARY KEY NOT NULL,
	"crn" text NOT NULL,
	"ordinal" integer NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"building_name" text,
	"address_line1" text NOT NULL,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"verified" boolean NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "probation"."probation_case" (
	"crn" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"status" text NOT NULL,
	"previously_known_termination_date" date,
	"supervision_type" text,
	"area" text NOT NULL,
	"provider_code" text NOT NULL,
	"provider_description" text NOT NULL,
	"team_code" text NOT NULL,
	"team_description" text NOT NULL,
	"team_telephone_number" text NOT NULL,
	"manager_staff_code" text NOT NULL,
	"manager_forenames" text,
	"manager_surname" text,
	"manager_email" text,
	"manager_telephone_number" text,
	"tier" text,
	"in_breach" boolean NOT NULL,
	"current_restriction" boolean NOT NULL,
	"main_offence_code" text NOT NULL,
	"main_offence_description" text NOT NULL,
	"conviction_date" date NOT NULL,
	CONSTRAINT "probation_case_pnc_id_unique" UNIQUE("pnc_id")
);
--> statement-breakpoint
CREATE TABLE "probation"."licence_condition" (
	"id" serial PRIMARY KEY NOT NULL,
	"licence_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"identifies_victim" boolean NOT NULL,
	"is_exclusion_zone" boolean NOT NULL,
	"ordinal" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "probation"."licence" (
	"licence_id" integer PRIMARY KEY NOT NULL,
	"crn" text NOT NULL,
	"prison_number" text,
	"type_code" text NOT NULL,
	"status" text NOT NULL,
	"version" text NOT NULL,
	"variation_of" integer,
	"sentence_start_date" date NOT NULL,
	"conditional_release_date" date NOT NULL,
	"licence_start_date" date NOT NULL,
	"licence_expiry_date" date,
	"sentence_expiry_date" date,
	"top_up_supervision_expiry_date" date,
	"created_date" date NOT NULL,
	"approved_date" date,
	"updated_date" date NOT NULL,
	"responsible_com_staff_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "probation"."risk_management_plan" (
	"crn" text PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"initiation_date" date NOT NULL,
	"date_completed" date NOT NULL,
	"key_information_current_situation" text NOT NULL,
	"further_considerations_current_situation" text NOT NULL,
	"supervision" text NOT NULL,
	"monitoring_and_control" text NOT NULL,
	"interventions_and_treatment" text NOT NULL,
	"victim_safety_planning" text NOT NULL,
	"contingency_plans" text NOT NULL,
	CONSTRAINT "risk_management_plan_assessment_id_unique" UNIQUE("assessment_id")
);
--> statement-breakpoint
CREATE TABLE "probation"."risk_of_serious_harm" (
	"crn" text PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"assessed_date" date NOT NULL,
	"overall_risk_level" text NOT NULL,
	"community_children" text NOT NULL,
	"community_public" text NOT NULL,
	"community_known_adult" text NOT NULL,
	"community_staff" text NOT NULL,
	"community_prisoners" text NOT NULL,
	"custody_children" text NOT NULL,
	"custody_public" text NOT NULL,
	"custody_known_adult" text NOT NULL,
	"custody_staff" text NOT NULL,
	"custody_prisoners" text NOT NULL,
	"who_is_at_risk" text NOT NULL,
	"nature_of_risk" text NOT NULL,
	"risk_imminence" text NOT NULL,
	"risk_increase_factors" text NOT NULL,
	"risk_mitigation_factors" text NOT NULL,
	"analysis_of_risk_factors" text NOT NULL,
	"ogrs_score" double precision NOT NULL,
	"ogrs_band" text NOT NULL,
	"rsr_score" double precision NOT NULL,
	"rsr_band" text NOT NULL,
	"osp_contact_score" double precision,
	"osp_contact_band" text,
	"osp_indecent_score" double precision,
	"osp_indecent_band" text,
	"ovp_score" double precision NOT NULL,
	"ovp_band" text NOT NULL,
	CONSTRAINT "risk_of_serious_harm_assessment_id_unique" UNIQUE("assessment_id")
);
--> statement-breakpoint
CREATE TABLE "probation"."victim_contact" (
	"victim_reference" text PRIMARY KEY NOT NULL,
	"crn" text NOT NULL,
	"ordinal" integer NOT NULL,
	"scheme" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_town" text NOT NULL,
	"address_postcode" text NOT NULL,
	"telephone_number" text,
	"email" text,
	"preferred_contact_method" text NOT NULL,
	"exclusion_zone_requested" boolean NOT NULL,
	"no_contact_requested" boolean NOT NULL,
	"wants_release_information" boolean NOT NULL,
	"representations_made" boolean NOT NULL,
	"wishes_notes" text NOT NULL,
	"vlo_staff_id" text NOT NULL,
	"contact_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "probation"."probation_address" ADD CONSTRAINT "probation_address_crn_probation_case_crn_fk" FOREIGN KEY ("crn") REFERENCES "probation"."probation_case"("crn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."licence_condition" ADD CONSTRAINT "licence_condition_licence_id_licence_licence_id_fk" FOREIGN KEY ("licence_id") REFERENCES "probation"."licence"("licence_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."licence" ADD CONSTRAINT "licence_crn_probation_case_crn_fk" FOREIGN KEY ("crn") REFERENCES "probation"."probation_case"("crn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."licence" ADD CONSTRAINT "licence_variation_of_licence_licence_id_fk" FOREIGN KEY ("variation_of") REFERENCES "probation"."licence"("licence_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."risk_management_plan" ADD CONSTRAINT "risk_management_plan_crn_probation_case_crn_fk" FOREIGN KEY ("crn") REFERENCES "probation"."probation_case"("crn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."risk_of_serious_harm" ADD CONSTRAINT "risk_of_serious_harm_crn_probation_case_crn_fk" FOREIGN KEY ("crn") REFERENCES "probation"."probation_case"("crn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."victim_contact" ADD CONSTRAINT "victim_contact_crn_probation_case_crn_fk" FOREIGN KEY ("crn") REFERENCES "probation"."probation_case"("crn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "probation_address_crn_idx" ON "probation"."probation_address" USING btree ("crn");--> statement-breakpoint
CREATE INDEX "licence_condition_licence_id_idx" ON "probation"."licence_condition" USING btree ("licence_id");--> statement-breakpoint
CREATE INDEX "licence_crn_idx" ON "probation"."licence" USING btree ("crn");--> statement-breakpoint
CREATE INDEX "victim_contact_crn_idx" ON "probation"."victim_contact" USING btree ("crn");