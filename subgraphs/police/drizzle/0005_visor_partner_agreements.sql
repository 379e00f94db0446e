CREATE TABLE "police"."level_one_partner_agreement" (
	"area" text NOT NULL,
	"partner_agency" text NOT NULL,
	"agreed_date" date NOT NULL,
	CONSTRAINT "level_one_partner_agreement_area_partner_agency_pk" PRIMARY KEY("area","partner_agency")
);
--> statement-breakpoint
ALTER TABLE "police"."visor_nominal" ADD COLUMN "mappa_category" integer;--> statement-breakpoint
ALTER TABLE "police"."visor_nominal" ADD COLUMN "mappa_level" integer;