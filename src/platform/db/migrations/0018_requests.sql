CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'city' NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_kind_valid" CHECK ("departments"."kind" in ('city','district'))
);
--> statement-breakpoint
CREATE TABLE "request_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"sla_simple_days" integer DEFAULT 1 NOT NULL,
	"sla_complex_days" integer DEFAULT 3 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_categories_sla" CHECK ("request_categories"."sla_simple_days" between 1 and 60 and "request_categories"."sla_complex_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"platform_id" integer NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"raised_by" integer,
	"raised_by_name" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"complexity" text DEFAULT 'simple' NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"suspended_from" text,
	"suspended_on" date,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"closed_on" date,
	"assignee_kind" text,
	"assignee_department_id" integer,
	"assignee_platform_id" integer,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"chain_leader" boolean DEFAULT false NOT NULL,
	"rating" text,
	"rating_comment" text,
	"answer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_state_valid" CHECK ("requests"."state" in ('submitted','accepted','assigned','in_progress','answered','closed','rated','suspended')),
	CONSTRAINT "requests_channel_valid" CHECK ("requests"."channel" in ('enterprise','commissioner','platform','task_force')),
	CONSTRAINT "requests_complexity_valid" CHECK ("requests"."complexity" in ('simple','complex')),
	CONSTRAINT "requests_urgency_valid" CHECK ("requests"."urgency" in ('normal','urgent')),
	CONSTRAINT "requests_rating_valid" CHECK ("requests"."rating" is null or "requests"."rating" in ('satisfied','basically_satisfied','dissatisfied')),
	CONSTRAINT "requests_assignee" CHECK (("requests"."assignee_kind" is null and "requests"."assignee_department_id" is null and "requests"."assignee_platform_id" is null)
        or ("requests"."assignee_kind" = 'department' and "requests"."assignee_department_id" is not null and "requests"."assignee_platform_id" is null)
        or ("requests"."assignee_kind" = 'platform' and "requests"."assignee_platform_id" is not null and "requests"."assignee_department_id" is null)),
	CONSTRAINT "requests_escalation" CHECK ("requests"."escalation_level" between 0 and 2)
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_valid";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "department_id" integer;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_category_request_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."request_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignee_department_id_departments_id_fk" FOREIGN KEY ("assignee_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignee_platform_id_platforms_id_fk" FOREIGN KEY ("assignee_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_code_unique" ON "departments" USING btree ("code");--> statement-breakpoint
CREATE INDEX "request_attachments_request_idx" ON "request_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_code_unique" ON "requests" USING btree ("code");--> statement-breakpoint
CREATE INDEX "requests_enterprise_idx" ON "requests" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "requests_platform_idx" ON "requests" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "requests_received_idx" ON "requests" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "requests_department_idx" ON "requests" USING btree ("assignee_department_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_scope" CHECK (("users"."role" = 'department') = ("users"."department_id" is not null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_valid" CHECK ("users"."role" in ('task_force','leader','platform_admin','commissioner','enterprise','department','system_admin','security_admin','audit_admin'));--> statement-breakpoint
INSERT INTO "request_categories" ("code", "name_zh", "name_en", "sla_simple_days", "sla_complex_days", "sort_order") VALUES
  ('land', '用地', 'Land', 1, 3, 1),
  ('energy', '用能', 'Energy', 1, 3, 2),
  ('finance', '融资', 'Finance', 1, 3, 3),
  ('talent', '人才', 'Talent', 1, 3, 4),
  ('approval', '审批', 'Approvals', 1, 3, 5),
  ('policy', '政策', 'Policy redemption', 1, 3, 6),
  ('infrastructure', '基础设施', 'Infrastructure', 1, 3, 7),
  ('other', '其他', 'Other', 1, 3, 8);
--> statement-breakpoint
INSERT INTO "departments" ("code", "name_zh", "name_en", "kind", "is_lead") VALUES
  ('fgw', '市发改委', 'Municipal Development and Reform Commission', 'city', true),
  ('jxj', '市经信局', 'Municipal Bureau of Economy and Information Technology', 'city', false),
  ('kjj', '市科技局', 'Municipal Science and Technology Bureau', 'city', false),
  ('czj', '市财政局', 'Municipal Finance Bureau', 'city', false),
  ('swj', '市商务局', 'Municipal Commerce Bureau', 'city', false),
  ('zrzyghj', '市自然资源和规划局', 'Municipal Natural Resources and Planning Bureau', 'city', false),
  ('rsj', '市人力社保局', 'Municipal Human Resources and Social Security Bureau', 'city', false),
  ('scjgj', '市市场监管局', 'Municipal Market Supervision Administration', 'city', false),
  ('sthjj', '市生态环境局', 'Municipal Ecology and Environment Bureau', 'city', false),
  ('tjj', '市统计局', 'Municipal Statistics Bureau', 'city', false),
  ('jrb', '市委金融办', 'Municipal Financial Work Office', 'city', false);
