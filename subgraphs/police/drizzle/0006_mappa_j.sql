CREATE TABLE "police"."mappa_j_notification" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"sent_date" date NOT NULL,
	"sent_by" text NOT NULL,
	"sender_staff_id" text NOT NULL,
	"restriction_type" text NOT NULL,
	"restriction_end_date" date NOT NULL,
	"risk_to_jobcentre_staff" text NOT NULL,
	"offender_informed" boolean NOT NULL,
	"jobcentre_spoc_consulted" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "police"."mappa_j_notification" ADD CONSTRAINT "mappa_j_notification_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mappa_j_notification_pnc_id_idx" ON "police"."mappa_j_notification" USING btree ("pnc_id");