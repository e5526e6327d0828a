ALTER TABLE "assessment_units" ADD COLUMN "excluded_reason" text;--> statement-breakpoint
ALTER TABLE "assessment_units" ADD COLUMN "excluded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessment_units" ADD COLUMN "excluded_by" integer;--> statement-breakpoint
ALTER TABLE "assessment_units" ADD CONSTRAINT "assessment_units_excluded_by_users_id_fk" FOREIGN KEY ("excluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;