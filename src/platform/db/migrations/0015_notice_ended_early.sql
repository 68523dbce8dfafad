ALTER TABLE "evaluation_runs" ADD COLUMN "notice_ended_on" date;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD COLUMN "early_end_reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_early_end_reason" CHECK ("evaluation_runs"."notice_ended_on" is null or length(btrim(coalesce("evaluation_runs"."early_end_reason", ''))) > 0);--> statement-breakpoint
-- Runs published early before this column existed: the day and the reason from their audit row.
ALTER TABLE "evaluation_runs" DISABLE TRIGGER "evaluation_runs_guard";--> statement-breakpoint
UPDATE "evaluation_runs" r SET
  "notice_ended_on" = (a."at" AT TIME ZONE 'Asia/Shanghai')::date,
  "early_end_reason" = a."detail"->>'earlyReason'
FROM "audit_log" a
WHERE a."action" = 'evaluation.publish' AND a."object_id" = r."id"::text
  AND length(btrim(coalesce(a."detail"->>'earlyReason', ''))) > 0;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ENABLE TRIGGER "evaluation_runs_guard";
