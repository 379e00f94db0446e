CREATE TABLE "audit"."checkpoint" (
	"log" text PRIMARY KEY NOT NULL,
	"first_retained_sequence" bigint NOT NULL,
	"previous_hash" text NOT NULL,
	"newest_removed_at" timestamp (3) with time zone NOT NULL,
	"moved_at" timestamp (3) with time zone NOT NULL,
	"retention_years" integer NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "checkpoint_retention_at_least_a_year" CHECK ("audit"."checkpoint"."retention_years" >= 1),
	CONSTRAINT "checkpoint_removes_an_entry" CHECK ("audit"."checkpoint"."first_retained_sequence" > 1),
	CONSTRAINT "checkpoint_removed_entries_predate_it" CHECK ("audit"."checkpoint"."newest_removed_at" < "audit"."checkpoint"."moved_at")
);
