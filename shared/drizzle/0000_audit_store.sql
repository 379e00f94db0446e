CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TABLE "audit"."entry" (
	"log" text NOT NULL,
	"sequence" bigint NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"request_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "entry_log_sequence_pk" PRIMARY KEY("log","sequence")
);
--> statement-breakpoint
CREATE TABLE "audit"."log_head" (
	"log" text PRIMARY KEY NOT NULL,
	"last_sequence" bigint NOT NULL,
	"last_hash" text NOT NULL
);
