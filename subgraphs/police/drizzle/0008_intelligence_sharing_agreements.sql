CREATE TABLE "police"."intelligence_sharing_agreement" (
	"agreement_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_reference" text NOT NULL,
	"shared_with" text NOT NULL,
	"shared_with_area" text,
	"agreed_by_staff_id" text NOT NULL,
	"agreed_by_issuer" text NOT NULL,
	"agreed_by_force" text NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"rationale" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_staff_id" text,
	"withdrawal_reason" text,
	CONSTRAINT "intelligence_sharing_agreement_area_check" CHECK ((shared_with = 'POLICE_FORCE') = (shared_with_area is not null)),
	CONSTRAINT "intelligence_sharing_agreement_withdrawal_check" CHECK ((withdrawn_at is null) = (withdrawn_by_staff_id is null))
);
--> statement-breakpoint
ALTER TABLE "police"."intelligence_sharing_agreement" ADD CONSTRAINT "intelligence_sharing_agreement_item_reference_intelligence_item_reference_fk" FOREIGN KEY ("item_reference") REFERENCES "police"."intelligence_item"("reference") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intelligence_sharing_agreement_item_idx" ON "police"."intelligence_sharing_agreement" USING btree ("item_reference");