CREATE TABLE "mappa"."meeting_action" (
	"action_id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"owner_agency" text NOT NULL,
	"owner_staff_id" text,
	"owner_issuer" text,
	"due_date" date NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"decline_reason" text,
	"created_by_staff_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_by_staff_id" text,
	"responded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "meeting_action_status_check" CHECK (status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'COMPLETED')),
	CONSTRAINT "meeting_action_owner_check" CHECK ((owner_staff_id is null) = (owner_issuer is null)),
	CONSTRAINT "meeting_action_declined_check" CHECK ((status = 'DECLINED') = (decline_reason is not null)),
	CONSTRAINT "meeting_action_completed_check" CHECK ((status = 'COMPLETED') = (completed_at is not null))
);
--> statement-breakpoint
CREATE TABLE "mappa"."meeting_attendance" (
	"attendance_id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"invitation_id" text,
	"staff_id" text NOT NULL,
	"issuer" text NOT NULL,
	"agency" text NOT NULL,
	"role" text NOT NULL,
	"extent" text NOT NULL,
	"information_sharing_agreement" boolean NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "meeting_attendance_extent_check" CHECK (extent in ('WHOLE', 'PART')),
	CONSTRAINT "meeting_attendance_left_check" CHECK (left_at is null or left_at >= signed_at)
);
--> statement-breakpoint
CREATE TABLE "mappa"."meeting_decision" (
	"decision_id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"kind" text NOT NULL,
	"level_before" integer NOT NULL,
	"level_after" integer,
	"rationale" text NOT NULL,
	"next_review_date" date,
	"recorded_by_staff_id" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_decision_kind_check" CHECK (kind in ('LEVEL_RETAINED', 'LEVEL_CHANGED', 'MOVED_TO_LEVEL_1', 'CASE_CLOSED')),
	CONSTRAINT "meeting_decision_review_check" CHECK ((kind in ('LEVEL_RETAINED', 'LEVEL_CHANGED')) = (next_review_date is not null))
);
--> statement-breakpoint
CREATE TABLE "mappa"."meeting_invitation" (
	"invitation_id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"invitee_agency" text NOT NULL,
	"invitee_role" text,
	"invitee_staff_id" text,
	"invitee_issuer" text,
	"reason" text NOT NULL,
	"mappa_f_requested" boolean DEFAULT false NOT NULL,
	"police_agreement_reference" text,
	"grant_id" text NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invited_by_staff_id" text NOT NULL,
	"consulted_at" timestamp with time zone,
	"consultation_note" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_staff_id" text,
	"withdrawal_reason" text,
	CONSTRAINT "meeting_invitation_invitee_check" CHECK ((invitee_staff_id is null and invitee_issuer is null and invitee_role is not null) or (invitee_staff_id is not null and invitee_issuer is not null)),
	CONSTRAINT "meeting_invitation_consulted_check" CHECK ((consulted_at is null) = (consultation_note is null)),
	CONSTRAINT "meeting_invitation_withdrawn_check" CHECK ((withdrawn_at is null and withdrawn_by_staff_id is null and withdrawal_reason is null) or (withdrawn_at is not null and withdrawn_by_staff_id is not null and withdrawal_reason is not null))
);
--> statement-breakpoint
CREATE TABLE "mappa"."meeting_minutes" (
	"meeting_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"due_date" date NOT NULL,
	"summary" text NOT NULL,
	"risk_assessment" text,
	"risk_management_plan" text,
	"disclosure_considered" boolean NOT NULL,
	"disclosure_notes" text,
	"drafted_by_staff_id" text NOT NULL,
	"drafted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by_staff_id" text,
	"approved_at" timestamp with time zone,
	"recipients" jsonb,
	"withheld_from" jsonb,
	"distributed_at" timestamp with time zone,
	CONSTRAINT "meeting_minutes_status_check" CHECK (status in ('DRAFT', 'APPROVED', 'SUPERSEDED')),
	CONSTRAINT "meeting_minutes_approved_check" CHECK ((status = 'DRAFT') = (approved_at is null and approved_by_staff_id is null)),
	CONSTRAINT "meeting_minutes_distributed_check" CHECK (distributed_at is null or (approved_at is not null and recipients is not null and withheld_from is not null))
);
--> statement-breakpoint
CREATE TABLE "mappa"."meeting" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"pnc_id" text NOT NULL,
	"area" text NOT NULL,
	"kind" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"chair_staff_id" text NOT NULL,
	"chair_issuer" text NOT NULL,
	"chair_agency" text NOT NULL,
	"status" text NOT NULL,
	"created_by_staff_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confidentiality_statement_read_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text,
	CONSTRAINT "meeting_kind_check" CHECK (kind in ('INITIAL', 'REVIEW', 'PROFESSIONALS')),
	CONSTRAINT "meeting_chair_agency_check" CHECK (chair_agency in ('police', 'probation', 'mappa_unit')),
	CONSTRAINT "meeting_status_check" CHECK ((status = 'SCHEDULED' and opened_at is null and closed_at is null and cancelled_at is null)
        or (status = 'IN_SESSION' and opened_at is not null and confidentiality_statement_read_at is not null and closed_at is null and cancelled_at is null)
        or (status = 'HELD' and opened_at is not null and confidentiality_statement_read_at is not null and closed_at is not null and cancelled_at is null)
        or (status = 'CANCELLED' and opened_at is null and closed_at is null and cancelled_at is not null and cancellation_reason is not null))
);
--> statement-breakpoint
CREATE TABLE "mappa"."referral" (
	"referral_id" text PRIMARY KEY NOT NULL,
	"pnc_id" text NOT NULL,
	"area" text NOT NULL,
	"referring_agency" text NOT NULL,
	"referrer_staff_id" text NOT NULL,
	"referrer_issuer" text NOT NULL,
	"category_sought" integer NOT NULL,
	"level_sought" integer NOT NULL,
	"subject_date_of_birth" date NOT NULL,
	"in_custody" boolean NOT NULL,
	"expected_release_date" date,
	"reasons" text NOT NULL,
	"added_value" text NOT NULL,
	"victim_concerns" text,
	"safeguarding_concerns" text,
	"proposed_invitees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"screening_due_date" date,
	"endorsed_by_staff_id" text,
	"endorsed_by_issuer" text,
	"endorsed_at" timestamp with time zone,
	"screened_at" timestamp with time zone,
	"screened_by_staff_id" text,
	"screened_by_issuer" text,
	"accepted_category" integer,
	"accepted_level" integer,
	"accepted_lead_agency" text,
	"rejection_reasons" text,
	"case_id" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	CONSTRAINT "referral_status_check" CHECK (status in ('AWAITING_ENDORSEMENT', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
	CONSTRAINT "referral_category_sought_check" CHECK (category_sought between 1 and 4),
	CONSTRAINT "referral_level_sought_check" CHECK (level_sought between 2 and 3),
	CONSTRAINT "referral_custody_release_check" CHECK (not in_custody or expected_release_date is not null),
	CONSTRAINT "referral_submitted_check" CHECK ((status = 'AWAITING_ENDORSEMENT' and submitted_at is null) or (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED') and submitted_at is not null) or status = 'WITHDRAWN'),
	CONSTRAINT "referral_screening_due_check" CHECK ((submitted_at is null) = (screening_due_date is null)),
	CONSTRAINT "referral_yot_endorsement_check" CHECK (referring_agency <> 'yot' or submitted_at is null or (endorsed_by_staff_id is not null and endorsed_by_issuer is not null and endorsed_at is not null)),
	CONSTRAINT "referral_accepted_check" CHECK ((status = 'ACCEPTED') = (accepted_category is not null and accepted_level is not null and accepted_lead_agency is not null and case_id is not null)),
	CONSTRAINT "referral_rejected_check" CHECK ((status = 'REJECTED') = (rejection_reasons is not null)),
	CONSTRAINT "referral_screened_check" CHECK ((status in ('ACCEPTED', 'REJECTED')) = (screened_at is not null and screened_by_staff_id is not null and screened_by_issuer is not null)),
	CONSTRAINT "referral_withdrawn_check" CHECK ((status = 'WITHDRAWN') = (withdrawn_at is not null and withdrawal_reason is not null))
);
--> statement-breakpoint
ALTER TABLE "mappa"."mappa_case" ADD COLUMN "custody_release_date" date;--> statement-breakpoint
ALTER TABLE "mappa"."meeting_action" ADD CONSTRAINT "meeting_action_meeting_id_meeting_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "mappa"."meeting"("meeting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappa"."meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meeting_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "mappa"."meeting"("meeting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappa"."meeting_attendance" ADD CONSTRAINT "meeting_attendance_invitation_id_meeting_invitation_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "mappa"."meeting_invitation"("invitation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappa"."meeting_decision" ADD CONSTRAINT "meeting_decision_meeting_id_meeting_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "mappa"."meeting"("meeting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappa"."meeting_invitation" ADD CONSTRAINT "meeting_invitation_meeting_id_meeting_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "mappa"."meeting"("meeting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappa"."meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meeting_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "mappa"."meeting"("meeting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappa"."meeting" ADD CONSTRAINT "meeting_case_id_mappa_case_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "mappa"."mappa_case"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_action_meeting_id_idx" ON "mappa"."meeting_action" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_action_owner_idx" ON "mappa"."meeting_action" USING btree ("owner_agency","owner_staff_id") WHERE status in ('PROPOSED', 'ACCEPTED');--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_person_idx" ON "mappa"."meeting_attendance" USING btree ("meeting_id","staff_id","issuer");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decision_meeting_id_idx" ON "mappa"."meeting_decision" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_invitation_meeting_id_idx" ON "mappa"."meeting_invitation" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_version_idx" ON "mappa"."meeting_minutes" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE INDEX "meeting_pnc_id_idx" ON "mappa"."meeting" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "meeting_case_id_idx" ON "mappa"."meeting" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meeting_area_scheduled_for_idx" ON "mappa"."meeting" USING btree ("area","scheduled_for");--> statement-breakpoint
CREATE INDEX "referral_pnc_id_idx" ON "mappa"."referral" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "referral_area_status_idx" ON "mappa"."referral" USING btree ("area","status");