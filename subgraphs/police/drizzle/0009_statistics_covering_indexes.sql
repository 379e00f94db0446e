DROP INDEX "police"."civil_order_breach_outcome_date_idx";--> statement-breakpoint
DROP INDEX "police"."civil_order_made_date_idx";--> statement-breakpoint
DROP INDEX "police"."notification_breach_outcome_date_idx";--> statement-breakpoint
CREATE INDEX "person_statistics_area_idx" ON "police"."person" USING btree ("mappa_area","pnc_id") WHERE not ct_restricted;--> statement-breakpoint
CREATE INDEX "civil_order_breach_outcome_date_idx" ON "police"."civil_order_breach" USING btree ("outcome_date","outcome","pnc_id");--> statement-breakpoint
CREATE INDEX "civil_order_made_date_idx" ON "police"."civil_order" USING btree ("made_date","type","pnc_id");--> statement-breakpoint
CREATE INDEX "notification_breach_outcome_date_idx" ON "police"."notification_breach" USING btree ("outcome_date","outcome","pnc_id","id");