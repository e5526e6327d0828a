CREATE TABLE "problem_evidence" (
	"problem_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"attachment_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "problem_evidence_event_id_attachment_id_pk" PRIMARY KEY("event_id","attachment_id")
);
--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_event_id_problem_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."problem_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_evidence_problem_idx" ON "problem_evidence" USING btree ("problem_id");