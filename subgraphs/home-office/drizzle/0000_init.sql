CREATE SCHEMA "home_office";
--> statement-breakpoint
CREATE TABLE "home_office"."detention_decision" (
	"decision_id" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"kind" text NOT NULL,
	"case_owner_staff_id" text NOT NULL,
	"due_date" date NOT NULL,
	"decided_date" date
);
--> statement-breakpoint
CREATE TABLE "home_office"."detention_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"staff_id" text NOT NULL,
	"issuer" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "home_office"."detention" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"irc_code" text NOT NULL,
	"irc_name" text NOT NULL,
	"detained_from" date NOT NULL,
	"status" text NOT NULL,
	"arrangements_confirmed_date" date,
	"arrangements_confirmed_by_staff_id" text,
	"released_date" date,
	"release_route" text,
	"released_by_staff_id" text,
	"removed_date" date,
	"removal_type" text,
	"removed_by_staff_id" text,
	CONSTRAINT "detention_status_known" CHECK ("home_office"."detention"."status" in ('DETAINED', 'ARRANGEMENTS_CONFIRMED', 'RELEASED', 'REMOVED')),
	CONSTRAINT "detention_arrangements_recorded" CHECK (("home_office"."detention"."status" in ('ARRANGEMENTS_CONFIRMED', 'RELEASED')) <= ("home_office"."detention"."arrangements_confirmed_date" is not null and "home_office"."detention"."arrangements_confirmed_by_staff_id" is not null)),
	CONSTRAINT "detention_detained_unconfirmed" CHECK ("home_office"."detention"."status" <> 'DETAINED' or "home_office"."detention"."arrangements_confirmed_date" is null),
	CONSTRAINT "detention_release_recorded" CHECK (("home_office"."detention"."status" = 'RELEASED') = ("home_office"."detention"."released_date" is not null and "home_office"."detention"."release_route" is not null and "home_office"."detention"."released_by_staff_id" is not null)),
	CONSTRAINT "detention_release_after_arrangements" CHECK ("home_office"."detention"."released_date" is null or "home_office"."detention"."released_date" >= "home_office"."detention"."arrangements_confirmed_date"),
	CONSTRAINT "detention_removal_recorded" CHECK (("home_office"."detention"."status" = 'REMOVED') = ("home_office"."detention"."removed_date" is not null and "home_office"."detention"."removal_type" is not null and "home_office"."detention"."removed_by_staff_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "home_office"."immigration_case" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"home_office_reference" text NOT NULL,
	"nationality" text NOT NULL,
	"mappa_area" text NOT NULL,
	"ct_restricted" boolean DEFAULT false NOT NULL,
	"mappa_nominal" boolean NOT NULL,
	"mappa_category" integer,
	"notification_received_date" date NOT NULL,
	"case_owner_staff_id" text NOT NULL,
	CONSTRAINT "immigration_case_home_office_reference_unique" UNIQUE("home_office_reference")
);
--> statement-breakpoint
CREATE TABLE "home_office"."irc_suitability_assessment" (
	"pnc_id" text PRIMARY KEY NOT NULL,
	"assessed_date" date NOT NULL,
	"outcome" text NOT NULL,
	"mappa_level_considered" integer,
	"assessed_by_staff_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "home_office"."detention_decision" ADD CONSTRAINT "detention_decision_pnc_id_immigration_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "home_office"."immigration_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_office"."detention_event" ADD CONSTRAINT "detention_event_pnc_id_detention_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "home_office"."detention"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_office"."detention" ADD CONSTRAINT "detention_pnc_id_immigration_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "home_office"."immigration_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_office"."irc_suitability_assessment" ADD CONSTRAINT "irc_suitability_assessment_pnc_id_immigration_case_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "home_office"."immigration_case"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "detention_decision_pnc_id_idx" ON "home_office"."detention_decision" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "detention_event_pnc_id_idx" ON "home_office"."detention_event" USING btree ("pnc_id");