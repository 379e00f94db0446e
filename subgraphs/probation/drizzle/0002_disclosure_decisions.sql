CREATE TABLE "probation"."disclosure_consideration" (
	"consideration_id" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"area" text NOT NULL,
	"meeting_id" text,
	"reviewed_on" date NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"decision_id" text,
	"recorded_by_staff_id" text NOT NULL,
	"recorded_by_issuer" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_consideration_outcome_check" CHECK ((outcome = 'DECISION_PROPOSED' and decision_id is not null) or (outcome = 'NOT_NECESSARY' and decision_id is null))
);
--> statement-breakpoint
CREATE TABLE "probation"."disclosure_consultation" (
	"consultation_id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"kind" text NOT NULL,
	"consultee_agency" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by_staff_id" text NOT NULL,
	"response" text,
	"response_note" text,
	"responded_at" timestamp with time zone,
	"responded_by_staff_id" text,
	"responded_by_issuer" text,
	"responded_by_role" text,
	CONSTRAINT "disclosure_consultation_kind_check" CHECK (kind in ('YOT_SENIOR', 'CHILDRENS_SERVICES', 'ADULT_SOCIAL_CARE', 'ACC_APPROVAL', 'MOJ_PRESS_OFFICE')),
	CONSTRAINT "disclosure_consultation_response_check" CHECK ((response is null and responded_at is null and responded_by_staff_id is null and response_note is null) or (response in ('AGREES', 'CONCERNS', 'APPROVED', 'NOT_APPROVED', 'INFORMED') and responded_at is not null and responded_by_staff_id is not null and responded_by_issuer is not null and responded_by_role is not null and response_note is not null))
);
--> statement-breakpoint
CREATE TABLE "probation"."disclosure_decision" (
	"decision_id" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"area" text NOT NULL,
	"level" integer NOT NULL,
	"case_id" text,
	"meeting_id" text,
	"subject_under_18" boolean NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"recipient_kind" text NOT NULL,
	"recipient_description" text NOT NULL,
	"recipient_is_child" boolean NOT NULL,
	"recipient_is_adult_at_risk" boolean NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"alternatives_considered" text NOT NULL,
	"recipient_guidance" text NOT NULL,
	"proposed_by_staff_id" text NOT NULL,
	"proposed_by_issuer" text NOT NULL,
	"proposed_by_agency" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consulting_from" timestamp with time zone,
	"representations_sought" boolean,
	"representations_summary" text,
	"representations_exception" text,
	"representations_recorded_at" timestamp with time zone,
	"decided_by_staff_id" text,
	"decided_by_issuer" text,
	"decided_by_agency" text,
	"decided_at" timestamp with time zone,
	"rationale" text,
	"disclosure_risk_assessment" text,
	"contingency_plans" text,
	"dissent" jsonb,
	"executing_agency" text,
	"made_by_staff_id" text,
	"made_by_issuer" text,
	"made_by_agency" text,
	"made_at" timestamp with time zone,
	"made_to" text,
	"offender_told" boolean,
	"signed_form_reference" text,
	"frozen_content" text,
	"content_sha256" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_staff_id" text,
	"withdrawal_reason" text,
	CONSTRAINT "disclosure_decision_level_check" CHECK ((level = 1 and meeting_id is null and case_id is null) or (level in (2, 3) and meeting_id is not null and case_id is not null)),
	CONSTRAINT "disclosure_decision_status_check" CHECK (status in ('PROPOSED', 'CONSULTING', 'DECIDED', 'MADE', 'WITHDRAWN')),
	CONSTRAINT "disclosure_decision_outcome_check" CHECK ((status in ('PROPOSED', 'CONSULTING') and outcome is null and decided_at is null)
          or (status = 'DECIDED' and outcome is not null and decided_at is not null)
          or (status = 'MADE' and outcome = 'DISCLOSE' and decided_at is not null and made_at is not null)
          or (status = 'WITHDRAWN' and withdrawn_at is not null)),
	CONSTRAINT "disclosure_decision_outcome_value_check" CHECK (outcome is null or outcome in ('DISCLOSE', 'NOT_DISCLOSE')),
	CONSTRAINT "disclosure_decision_decided_check" CHECK ((decided_at is null and decided_by_staff_id is null and rationale is null) or (decided_at is not null and decided_by_staff_id is not null and decided_by_issuer is not null and decided_by_agency is not null and rationale is not null and disclosure_risk_assessment is not null and contingency_plans is not null and dissent is not null and representations_recorded_at is not null)),
	CONSTRAINT "disclosure_decision_executing_check" CHECK ((outcome = 'DISCLOSE') = (executing_agency is not null)),
	CONSTRAINT "disclosure_decision_made_check" CHECK ((made_at is null and made_by_staff_id is null and frozen_content is null and content_sha256 is null) or (made_at is not null and made_by_staff_id is not null and made_by_issuer is not null and made_by_agency is not null and made_to is not null and offender_told is not null and frozen_content is not null and content_sha256 ~ '^[0-9a-f]{64}$')),
	CONSTRAINT "disclosure_decision_representations_check" CHECK ((representations_recorded_at is null and representations_sought is null and representations_summary is null and representations_exception is null)
          or (representations_recorded_at is not null and representations_sought and representations_summary is not null and representations_exception is null)
          or (representations_recorded_at is not null and not representations_sought and representations_exception is not null)),
	CONSTRAINT "disclosure_decision_withdrawn_check" CHECK ((withdrawn_at is null) = (withdrawn_by_staff_id is null) and (withdrawn_at is null) = (withdrawal_reason is null))
);
--> statement-breakpoint
CREATE TABLE "probation"."disclosure_item_agreement" (
	"agreement_id" text PRIMARY KEY NOT NULL,
	"item_id" text NOT NULL,
	"decision_id" text NOT NULL,
	"kind" text NOT NULL,
	"agency" text NOT NULL,
	"staff_id" text NOT NULL,
	"issuer" text NOT NULL,
	"role" text NOT NULL,
	"agreed" boolean NOT NULL,
	"note" text,
	"wording_sha256" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_item_agreement_kind_check" CHECK (kind in ('OWNER', 'VICTIM_LIAISON')),
	CONSTRAINT "disclosure_item_agreement_refusal_check" CHECK (agreed or note is not null)
);
--> statement-breakpoint
CREATE TABLE "probation"."disclosure_item" (
	"item_id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"source_agency" text NOT NULL,
	"field_coordinate" text,
	"record_reference" text,
	"wording" text NOT NULL,
	"wording_sha256" text NOT NULL,
	"victim_identifying" boolean NOT NULL,
	"photograph" boolean NOT NULL,
	"added_by_staff_id" text NOT NULL,
	"added_by_issuer" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by_staff_id" text,
	CONSTRAINT "disclosure_item_kind_check" CHECK ((kind = 'RECORD_FIELD' and field_coordinate is not null) or (kind = 'FREE_TEXT' and field_coordinate is null and record_reference is null)),
	CONSTRAINT "disclosure_item_wording_check" CHECK (length(wording) between 1 and 4000 and wording_sha256 ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "disclosure_item_removed_check" CHECK ((removed_at is null) = (removed_by_staff_id is null))
);
--> statement-breakpoint
CREATE TABLE "probation"."disclosure_transition" (
	"transition_id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"staff_id" text NOT NULL,
	"issuer" text NOT NULL,
	"agency" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "probation"."disclosure_consideration" ADD CONSTRAINT "disclosure_consideration_decision_id_disclosure_decision_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "probation"."disclosure_decision"("decision_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."disclosure_consultation" ADD CONSTRAINT "disclosure_consultation_decision_id_disclosure_decision_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "probation"."disclosure_decision"("decision_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."disclosure_item_agreement" ADD CONSTRAINT "disclosure_item_agreement_item_id_disclosure_item_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "probation"."disclosure_item"("item_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."disclosure_item_agreement" ADD CONSTRAINT "disclosure_item_agreement_decision_id_disclosure_decision_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "probation"."disclosure_decision"("decision_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."disclosure_item" ADD CONSTRAINT "disclosure_item_decision_id_disclosure_decision_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "probation"."disclosure_decision"("decision_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation"."disclosure_transition" ADD CONSTRAINT "disclosure_transition_decision_id_disclosure_decision_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "probation"."disclosure_decision"("decision_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_consideration_pnc_id_idx" ON "probation"."disclosure_consideration" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "disclosure_consideration_meeting_id_idx" ON "probation"."disclosure_consideration" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_consultation_kind_idx" ON "probation"."disclosure_consultation" USING btree ("decision_id","kind");--> statement-breakpoint
CREATE INDEX "disclosure_decision_pnc_id_idx" ON "probation"."disclosure_decision" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "disclosure_decision_meeting_id_idx" ON "probation"."disclosure_decision" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "disclosure_decision_area_proposed_at_idx" ON "probation"."disclosure_decision" USING btree ("area","proposed_at");--> statement-breakpoint
CREATE INDEX "disclosure_item_agreement_item_id_idx" ON "probation"."disclosure_item_agreement" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "disclosure_item_decision_id_idx" ON "probation"."disclosure_item" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "disclosure_transition_decision_id_idx" ON "probation"."disclosure_transition" USING btree ("decision_id");