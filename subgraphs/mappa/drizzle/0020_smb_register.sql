CREATE TABLE "mappa"."smb_attendance" (
	"smb_meeting_id" text NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "smb_attendance_smb_meeting_id_member_id_pk" PRIMARY KEY("smb_meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "mappa"."smb_meeting" (
	"smb_meeting_id" text PRIMARY KEY NOT NULL,
	"area" text NOT NULL,
	"held_on" date NOT NULL,
	"recorded_by_staff_id" text NOT NULL,
	"recorded_by_issuer" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mappa"."smb_member" (
	"member_id" text PRIMARY KEY NOT NULL,
	"area" text NOT NULL,
	"agency" text NOT NULL,
	"role" text NOT NULL,
	"staff_id" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	CONSTRAINT "smb_member_spell" CHECK ("mappa"."smb_member"."left_on" is null or "mappa"."smb_member"."left_on" >= "mappa"."smb_member"."joined_on")
);
--> statement-breakpoint
ALTER TABLE "mappa"."smb_attendance" ADD CONSTRAINT "smb_attendance_smb_meeting_id_smb_meeting_smb_meeting_id_fk" FOREIGN KEY ("smb_meeting_id") REFERENCES "mappa"."smb_meeting"("smb_meeting_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mappa"."smb_attendance" ADD CONSTRAINT "smb_attendance_member_id_smb_member_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "mappa"."smb_member"("member_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "smb_attendance_member_idx" ON "mappa"."smb_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "smb_meeting_area_held_on_idx" ON "mappa"."smb_meeting" USING btree ("area","held_on");--> statement-breakpoint
CREATE INDEX "smb_member_area_idx" ON "mappa"."smb_member" USING btree ("area");