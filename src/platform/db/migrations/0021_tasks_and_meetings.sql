CREATE TABLE "leader_platforms" (
	"id" serial PRIMARY KEY NOT NULL,
	"leader_user_id" integer NOT NULL,
	"platform_id" integer NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leader_platforms_dates" CHECK ("leader_platforms"."to_on" is null or "leader_platforms"."to_on" >= "leader_platforms"."from_on")
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"host" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"attendees" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "task_progress" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"reported_on" date NOT NULL,
	"text" text NOT NULL,
	"percent" integer NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_progress_percent" CHECK ("task_progress"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "task_supervisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"level" integer NOT NULL,
	"supervised_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_supervisions_level" CHECK ("task_supervisions"."level" between 1 and 2)
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_kind" text NOT NULL,
	"meeting_id" integer,
	"decision_id" integer,
	"plan_ref" text,
	"owner_kind" text NOT NULL,
	"owner_department_id" integer,
	"owner_platform_id" integer,
	"assigned_on" date NOT NULL,
	"due_on" date NOT NULL,
	"due_working_days" integer,
	"state" text DEFAULT 'received' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"completed_on" date,
	"reviewed_on" date,
	"review_note" text,
	"supervision_level" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_code_unique" UNIQUE("code"),
	CONSTRAINT "tasks_state_valid" CHECK ("tasks"."state" in ('received','in_progress','completed','completed_late','reviewed')),
	CONSTRAINT "tasks_source" CHECK (("tasks"."source_kind" = 'meeting' and "tasks"."meeting_id" is not null) or ("tasks"."source_kind" = 'plan' and "tasks"."plan_ref" is not null)),
	CONSTRAINT "tasks_owner" CHECK (("tasks"."owner_kind" = 'department' and "tasks"."owner_department_id" is not null and "tasks"."owner_platform_id" is null)
        or ("tasks"."owner_kind" = 'platform' and "tasks"."owner_platform_id" is not null and "tasks"."owner_department_id" is null)),
	CONSTRAINT "tasks_percent" CHECK ("tasks"."percent" between 0 and 100),
	CONSTRAINT "tasks_supervision" CHECK ("tasks"."supervision_level" between 0 and 2)
);
--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "short_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "leader_platforms" ADD CONSTRAINT "leader_platforms_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_platforms" ADD CONSTRAINT "leader_platforms_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_milestones" ADD CONSTRAINT "task_milestones_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_supervisions" ADD CONSTRAINT "task_supervisions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_platform_id_platforms_id_fk" FOREIGN KEY ("owner_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leader_platforms_leader_idx" ON "leader_platforms" USING btree ("leader_user_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "task_milestones_task_idx" ON "task_milestones" USING btree ("task_id","seq");--> statement-breakpoint
CREATE INDEX "task_progress_task_idx" ON "task_progress" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "task_supervisions_task_idx" ON "task_supervisions" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "tasks_meeting_idx" ON "tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "tasks_department_idx" ON "tasks" USING btree ("owner_department_id");--> statement-breakpoint
CREATE INDEX "tasks_platform_idx" ON "tasks" USING btree ("owner_platform_id");--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("due_on");--> statement-breakpoint
UPDATE "departments" SET "short_name" = CASE "code"
  WHEN 'fgw' THEN '发改委' WHEN 'jxj' THEN '经信局' WHEN 'kjj' THEN '科技局' WHEN 'czj' THEN '财政局'
  WHEN 'swj' THEN '商务局' WHEN 'zrzyghj' THEN '资规局' WHEN 'rsj' THEN '人社局' WHEN 'scjgj' THEN '市场监管局'
  WHEN 'sthjj' THEN '生态环境局' WHEN 'tjj' THEN '统计局' WHEN 'jrb' THEN '金融办' ELSE '' END;
