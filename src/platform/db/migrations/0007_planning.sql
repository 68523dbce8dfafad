CREATE TABLE "chain_leader_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" integer,
	"decided_by_name" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_leader_decisions_decision" CHECK ("chain_leader_decisions"."decision" in ('confirmed','declined'))
);
--> statement-breakpoint
CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"copied_from" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_periods_years" CHECK ("plan_periods"."start_year" between 1990 and 2100 and "plan_periods"."end_year" >= "plan_periods"."start_year")
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"metric" text NOT NULL,
	"comparator" text NOT NULL,
	"target_value" numeric NOT NULL,
	"kind" text NOT NULL,
	"due_year" integer,
	"baseline_year" integer,
	"baseline_value" numeric,
	"milestones" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_department" text DEFAULT '' NOT NULL,
	"frequency" text DEFAULT 'yearly' NOT NULL,
	"warning_ratio" numeric DEFAULT 0.9 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_targets_comparator" CHECK ("plan_targets"."comparator" in ('gte','gt','lte')),
	CONSTRAINT "plan_targets_kind" CHECK ("plan_targets"."kind" in ('level','annual')),
	CONSTRAINT "plan_targets_warning" CHECK ("plan_targets"."warning_ratio" > 0 and "plan_targets"."warning_ratio" <= 1)
);
--> statement-breakpoint
CREATE TABLE "platform_year_stats" (
	"platform_id" integer NOT NULL,
	"year" integer NOT NULL,
	"figure" text NOT NULL,
	"value" numeric NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" integer,
	"entered_by_name" text DEFAULT '' NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_year_stats_platform_id_year_figure_pk" PRIMARY KEY("platform_id","year","figure"),
	CONSTRAINT "platform_year_stats_year" CHECK ("platform_year_stats"."year" between 1990 and 2100),
	CONSTRAINT "platform_year_stats_value" CHECK ("platform_year_stats"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quota_pools" (
	"year" integer PRIMARY KEY NOT NULL,
	"method_id" integer,
	"land_mu" integer NOT NULL,
	"energy_tce" integer NOT NULL,
	"threshold" numeric NOT NULL,
	"leaders" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"snapshot" jsonb,
	CONSTRAINT "quota_pools_amounts" CHECK ("quota_pools"."land_mu" >= 0 and "quota_pools"."energy_tce" >= 0 and "quota_pools"."leaders" >= 0)
);
--> statement-breakpoint
ALTER TABLE "chain_leader_decisions" ADD CONSTRAINT "chain_leader_decisions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_period_id_plan_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."plan_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_year_stats" ADD CONSTRAINT "platform_year_stats_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_pools" ADD CONSTRAINT "quota_pools_method_id_evaluation_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."evaluation_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chain_leader_decisions_year_idx" ON "chain_leader_decisions" USING btree ("year","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_periods_key_unique" ON "plan_periods" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_code_unique" ON "plan_targets" USING btree ("period_id","code");--> statement-breakpoint
INSERT INTO "data_version" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enterprises_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprises FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER enterprise_years_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_years FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER enterprise_labels_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_labels FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER platforms_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platforms FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER platform_industries_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platform_industries FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER industry_class_mapping_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON industry_class_mapping FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER platform_year_stats_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platform_year_stats FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER chain_leader_decisions_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON chain_leader_decisions FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER industries_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON industries FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
