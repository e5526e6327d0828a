CREATE TABLE "data_key_check" (
	"id" integer PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_rows" ADD COLUMN "blind" jsonb DEFAULT '{}'::jsonb NOT NULL;