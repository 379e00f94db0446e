CREATE TABLE "prison"."home_office_notification" (
	"prison_number" text PRIMARY KEY NOT NULL,
	"sent_date" date NOT NULL,
	"sentenced_date" date NOT NULL,
	"nationality" text NOT NULL,
	"mappa_nominal" boolean NOT NULL,
	"mappa_category" integer,
	"sending_establishment_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prison"."home_office_notification" ADD CONSTRAINT "home_office_notification_prison_number_prisoner_prison_number_fk" FOREIGN KEY ("prison_number") REFERENCES "prison"."prisoner"("prison_number") ON DELETE cascade ON UPDATE no action;