ALTER TABLE "assessment_appeals" ADD COLUMN "indicator_ids" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD COLUMN "group_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD COLUMN "ranking_groups" jsonb;