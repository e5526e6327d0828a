CREATE TABLE "task_event_attachments" (
	"event_id" integer NOT NULL,
	"attachment_id" integer NOT NULL,
	CONSTRAINT "task_event_attachments_event_id_attachment_id_pk" PRIMARY KEY("event_id","attachment_id")
);
--> statement-breakpoint
CREATE TABLE "report_event_attachments" (
	"event_id" integer NOT NULL,
	"attachment_id" integer NOT NULL,
	CONSTRAINT "report_event_attachments_event_id_attachment_id_pk" PRIMARY KEY("event_id","attachment_id")
);
--> statement-breakpoint
ALTER TABLE "task_event_attachments" ADD CONSTRAINT "task_event_attachments_event_id_task_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."task_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_event_attachments" ADD CONSTRAINT "task_event_attachments_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event_attachments" ADD CONSTRAINT "report_event_attachments_event_id_report_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."report_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event_attachments" ADD CONSTRAINT "report_event_attachments_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;