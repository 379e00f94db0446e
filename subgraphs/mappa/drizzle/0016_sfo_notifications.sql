CREATE TABLE "mappa"."sfo_notification" (
	"notification_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"pnc_id" text NOT NULL,
	"charge_date" date NOT NULL,
	"notified_date" date NOT NULL,
	"category_at_charge" integer NOT NULL,
	"level_at_charge" integer NOT NULL,
	"offence_group" text NOT NULL,
	"outcome" text NOT NULL,
	"outcome_date" date,
	"scr_decision" text,
	"scr_decision_date" date,
	CONSTRAINT "sfo_notification_outcome_check" CHECK ((outcome = 'AWAITING_TRIAL') = (outcome_date is null)),
	CONSTRAINT "sfo_notification_scr_check" CHECK ((scr_decision is null) = (scr_decision_date is null))
);
--> statement-breakpoint
ALTER TABLE "mappa"."sfo_notification" ADD CONSTRAINT "sfo_notification_case_id_mappa_case_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "mappa"."mappa_case"("case_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sfo_notification_case_id_idx" ON "mappa"."sfo_notification" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "sfo_notification_charge_date_idx" ON "mappa"."sfo_notification" USING btree ("charge_date");