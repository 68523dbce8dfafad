CREATE TABLE "project_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"phone_cipher" "bytea",
	"phone_index" "bytea",
	CONSTRAINT "project_contacts_phone_sealed" CHECK (("project_contacts"."phone_cipher" is null) = ("project_contacts"."phone_index" is null))
);
--> statement-breakpoint
CREATE TABLE "project_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stage_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"stage" text NOT NULL,
	"stage_date" date NOT NULL,
	"from_stage" text,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"origin" text DEFAULT 'form' NOT NULL,
	"submitted_by" integer,
	"submitted_by_name" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "project_stage_changes_stage_valid" CHECK ("stage" in ('lead','negotiating','signed','land_supplied','construction','completed','production','full_production','dropped','lost')),
	CONSTRAINT "project_stage_changes_status_valid" CHECK ("project_stage_changes"."status" in ('pending','approved','rejected')),
	CONSTRAINT "project_stage_changes_origin_valid" CHECK ("project_stage_changes"."origin" in ('form','import','cli')),
	CONSTRAINT "project_stage_changes_rejection_reason" CHECK ("project_stage_changes"."status" <> 'rejected' or length(coalesce("project_stage_changes"."decision_reason", '')) > 0)
);
--> statement-breakpoint
CREATE TABLE "project_stall_notices" (
	"project_id" integer NOT NULL,
	"stage" text NOT NULL,
	"stage_date" date NOT NULL,
	"level" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_stall_notices_project_id_stage_stage_date_level_pk" PRIMARY KEY("project_id","stage","stage_date","level"),
	CONSTRAINT "project_stall_notices_level" CHECK ("project_stall_notices"."level" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "project_stall_rules" (
	"stage" text NOT NULL,
	"size_class" text NOT NULL,
	"max_days" integer NOT NULL,
	"escalate_after_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_stall_rules_stage_size_class_pk" PRIMARY KEY("stage","size_class"),
	CONSTRAINT "project_stall_rules_size_valid" CHECK ("project_stall_rules"."size_class" in ('major','large','small')),
	CONSTRAINT "project_stall_rules_days" CHECK ("project_stall_rules"."max_days" between 1 and 3650 and "project_stall_rules"."escalate_after_days" between 1 and 3650)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"investor_enterprise_id" integer,
	"investor_name" text DEFAULT '' NOT NULL,
	"investor_uscc" text,
	"investor_origin" text DEFAULT '' NOT NULL,
	"enterprise_id" integer,
	"platform_id" integer NOT NULL,
	"industry_code" text NOT NULL,
	"chain_node_code" text,
	"total_investment" numeric NOT NULL,
	"fixed_asset_investment" numeric,
	"foreign_investment" numeric,
	"land_mu" numeric,
	"parcel" text DEFAULT '' NOT NULL,
	"energy_tce" numeric,
	"source" text NOT NULL,
	"referrer_enterprise_id" integer,
	"owner_user_id" integer,
	"owner_name" text DEFAULT '' NOT NULL,
	"stage" text DEFAULT 'lead' NOT NULL,
	"stage_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"end_reason" text,
	"end_date" date,
	"committed_intensity" numeric,
	"committed_output_per_mu" numeric,
	"committed_tax_per_mu" numeric,
	"full_production_year" integer,
	"note" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "projects_stage_valid" CHECK ("stage" in ('lead','negotiating','signed','land_supplied','construction','completed','production','full_production')),
	CONSTRAINT "projects_status_valid" CHECK ("projects"."status" in ('active','dropped','lost')),
	CONSTRAINT "projects_source_valid" CHECK ("projects"."source" in ('referral','chain','fund','agency','expo','other')),
	CONSTRAINT "projects_referral_has_referrer" CHECK ("projects"."source" <> 'referral' or "projects"."referrer_enterprise_id" is not null),
	CONSTRAINT "projects_investor_given" CHECK ("projects"."investor_enterprise_id" is not null or length("projects"."investor_name") > 0),
	CONSTRAINT "projects_end_consistent" CHECK (("projects"."status" = 'active') = ("projects"."end_date" is null)),
	CONSTRAINT "projects_amounts_nonnegative" CHECK ("projects"."total_investment" >= 0 and coalesce("projects"."fixed_asset_investment", 0) >= 0
        and coalesce("projects"."foreign_investment", 0) >= 0 and coalesce("projects"."land_mu", 0) >= 0
        and coalesce("projects"."energy_tce", 0) >= 0 and coalesce("projects"."committed_intensity", 0) >= 0
        and coalesce("projects"."committed_output_per_mu", 0) >= 0 and coalesce("projects"."committed_tax_per_mu", 0) >= 0),
	CONSTRAINT "projects_full_production_year_range" CHECK ("projects"."full_production_year" is null or "projects"."full_production_year" between 1990 and 2100)
);
--> statement-breakpoint
ALTER TABLE "project_contacts" ADD CONSTRAINT "project_contacts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stall_notices" ADD CONSTRAINT "project_stall_notices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_investor_enterprise_id_enterprises_id_fk" FOREIGN KEY ("investor_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_referrer_enterprise_id_enterprises_id_fk" FOREIGN KEY ("referrer_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_contacts_project_idx" ON "project_contacts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_contacts_phone_index_idx" ON "project_contacts" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "project_documents_project_idx" ON "project_documents" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_stage_changes_project_idx" ON "project_stage_changes" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_stage_changes_status_idx" ON "project_stage_changes" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "project_stage_changes_one_pending" ON "project_stage_changes" USING btree ("project_id") WHERE "project_stage_changes"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_unique" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_platform_idx" ON "projects" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "projects_industry_idx" ON "projects" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "projects_enterprise_idx" ON "projects" USING btree ("enterprise_id");--> statement-breakpoint
-- Default stall rules (calendar days in a stage before a project counts as stalled), per size class:
-- major ≥ 10 亿元, large ≥ 1 亿元, small below. Escalated to the task force 30 days later.
INSERT INTO "project_stall_rules" ("stage", "size_class", "max_days", "escalate_after_days") VALUES
  ('lead', 'major', 180, 30), ('lead', 'large', 120, 30), ('lead', 'small', 90, 30),
  ('negotiating', 'major', 180, 30), ('negotiating', 'large', 150, 30), ('negotiating', 'small', 120, 30),
  ('signed', 'major', 180, 30), ('signed', 'large', 120, 30), ('signed', 'small', 90, 30),
  ('land_supplied', 'major', 180, 30), ('land_supplied', 'large', 120, 30), ('land_supplied', 'small', 90, 30),
  ('construction', 'major', 730, 60), ('construction', 'large', 540, 60), ('construction', 'small', 365, 30),
  ('completed', 'major', 180, 30), ('completed', 'large', 120, 30), ('completed', 'small', 90, 30),
  ('production', 'major', 1095, 90), ('production', 'large', 730, 60), ('production', 'small', 730, 60);
