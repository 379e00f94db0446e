CREATE TABLE "police"."civil_order_breach" (
	"id" serial PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"order_type" text NOT NULL,
	"breach_date" date NOT NULL,
	"outcome" text NOT NULL,
	"outcome_date" date
);
--> statement-breakpoint
ALTER TABLE "police"."person" ADD COLUMN "local_authority" text;--> statement-breakpoint
ALTER TABLE "police"."notification_breach" ADD COLUMN "outcome_date" date;--> statement-breakpoint
ALTER TABLE "police"."civil_order_breach" ADD CONSTRAINT "civil_order_breach_pnc_id_person_pnc_id_fk" FOREIGN KEY ("pnc_id") REFERENCES "police"."person"("pnc_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "civil_order_breach_pnc_id_idx" ON "police"."civil_order_breach" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "civil_order_breach_outcome_date_idx" ON "police"."civil_order_breach" USING btree ("outcome_date");--> statement-breakpoint
CREATE INDEX "civil_order_made_date_idx" ON "police"."civil_order" USING btree ("made_date");--> statement-breakpoint
CREATE INDEX "notification_breach_outcome_date_idx" ON "police"."notification_breach" USING btree ("outcome_date");