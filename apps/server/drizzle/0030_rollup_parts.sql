CREATE TABLE "metric_rollup_parts" (
	"source" text NOT NULL,
	"row_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"metric_key" text NOT NULL,
	"month" date NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "metric_rollup_parts_source_row_id_metric_key_month_pk" PRIMARY KEY("source","row_id","metric_key","month")
);
--> statement-breakpoint
CREATE INDEX "metric_rollup_parts_org_idx" ON "metric_rollup_parts" USING btree ("org_id");