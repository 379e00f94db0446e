CREATE TABLE "probation"."recall" (
	"recall_id" text PRIMARY KEY NOT NULL,
	"crn" text NOT NULL,
	"recall_date" date NOT NULL,
	"reason" text NOT NULL,
	"recall_type" text NOT NULL,
	"returned_to_custody_date" date,
	"re_release_date" date
);
--> statement-breakpoint
ALTER TABLE "probation"."recall" ADD CONSTRAINT "recall_crn_probation_case_crn_fk" FOREIGN KEY ("crn") REFERENCES "probation"."probation_case"("crn") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recall_crn_idx" ON "probation"."recall" USING btree ("crn");--> statement-breakpoint
CREATE INDEX "recall_returned_to_custody_date_idx" ON "probation"."recall" USING btree ("returned_to_custody_date");--> statement-breakpoint
CREATE INDEX "probation_case_manager_staff_code_idx" ON "probation"."probation_case" USING btree ("manager_staff_code");--> statement-breakpoint
CREATE INDEX "victim_contact_vlo_staff_id_idx" ON "probation"."victim_contact" USING btree ("vlo_staff_id");