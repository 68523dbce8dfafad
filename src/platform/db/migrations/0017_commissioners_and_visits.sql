CREATE TABLE "commissioner_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"commissioner_user_id" integer NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"assigned_by" integer,
	"reason" text DEFAULT '' NOT NULL,
	"ended_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioner_assignments_dates" CHECK ("commissioner_assignments"."ended_on" is null or "commissioner_assignments"."ended_on" >= "commissioner_assignments"."started_on")
);
--> statement-breakpoint
CREATE TABLE "visit_problems" (
	"id" serial PRIMARY KEY NOT NULL,
	"visit_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"category" text NOT NULL,
	"request_id" integer,
	CONSTRAINT "visit_problems_category_valid" CHECK ("visit_problems"."category" in ('land','energy','finance','talent','policy','approvals','infrastructure','other'))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_on" date NOT NULL,
	"done_on" date,
	"visitor_kind" text NOT NULL,
	"visitor_user_id" integer,
	"participants" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_status_valid" CHECK ("visits"."status" in ('planned','done','cancelled')),
	CONSTRAINT "visits_visitor_kind_valid" CHECK ("visits"."visitor_kind" in ('commissioner','platform_leader','department')),
	CONSTRAINT "visits_done_has_date" CHECK (("visits"."status" = 'done') = ("visits"."done_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_platform_scope";--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_commissioner_user_id_users_id_fk" FOREIGN KEY ("commissioner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_problems" ADD CONSTRAINT "visit_problems_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_user_id_users_id_fk" FOREIGN KEY ("visitor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commissioner_assignments_current_unique" ON "commissioner_assignments" USING btree ("enterprise_id") WHERE "commissioner_assignments"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "commissioner_assignments_commissioner_idx" ON "commissioner_assignments" USING btree ("commissioner_user_id","enterprise_id") WHERE "commissioner_assignments"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "commissioner_assignments_enterprise_idx" ON "commissioner_assignments" USING btree ("enterprise_id","started_on");--> statement-breakpoint
CREATE INDEX "visit_problems_visit_idx" ON "visit_problems" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_enterprise_idx" ON "visits" USING btree ("enterprise_id","planned_on");--> statement-breakpoint
CREATE INDEX "visits_done_idx" ON "visits" USING btree ("done_on") WHERE "visits"."status" = 'done';--> statement-breakpoint
CREATE INDEX "visits_visitor_idx" ON "visits" USING btree ("visitor_user_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_platform_scope" CHECK (("users"."role" = 'platform_admin' and "users"."platform_id" is not null) or ("users"."role" <> 'platform_admin' and ("users"."role" = 'commissioner' or "users"."platform_id" is null)));