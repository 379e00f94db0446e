DROP INDEX "probation"."recall_returned_to_custody_date_idx";--> statement-breakpoint
CREATE INDEX "probation_case_statistics_area_idx" ON "probation"."probation_case" USING btree ("area","crn","pnc_id") WHERE not ct_restricted;--> statement-breakpoint
CREATE INDEX "recall_returned_to_custody_date_idx" ON "probation"."recall" USING btree ("returned_to_custody_date","crn","reason","recall_id");