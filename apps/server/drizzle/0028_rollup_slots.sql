-- The roll-up triggers installed by an older build upsert on (org_id, metric_key, month), which no longer has a
-- unique constraint: drop them; the server reinstalls the slotted ones and rebuilds the roll-up at start (the
-- definitions hash covers the trigger SQL), reading figures from the rows until then.
DROP TRIGGER IF EXISTS "metric_rollup_ins" ON "ledger_rows";--> statement-breakpoint
DROP TRIGGER IF EXISTS "metric_rollup_upd" ON "ledger_rows";--> statement-breakpoint
DROP TRIGGER IF EXISTS "metric_rollup_del" ON "ledger_rows";--> statement-breakpoint
DROP TRIGGER IF EXISTS "metric_rollup_move" ON "orgs";--> statement-breakpoint
ALTER TABLE "metric_rollup" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "metric_rollup" DROP CONSTRAINT "metric_rollup_org_id_metric_key_month_pk";--> statement-breakpoint
ALTER TABLE "metric_rollup" ADD CONSTRAINT "metric_rollup_org_id_metric_key_month_slot_pk" PRIMARY KEY("org_id","metric_key","month","slot");--> statement-breakpoint
CREATE INDEX "metric_rollup_writer_slots_idx" ON "metric_rollup" USING btree ("slot") WHERE "metric_rollup"."slot" <> 0;
