CREATE TABLE "evaluation_methods" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"hash" text NOT NULL,
	"based_on" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"filed_by" integer NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "evaluation_objections_status_valid" CHECK ("evaluation_objections"."status" in ('pending','accepted','rejected'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_results" (
	"run_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"platform_id" integer NOT NULL,
	"industry_class" text,
	"cohort" text NOT NULL,
	"status" text NOT NULL,
	"score" numeric,
	"rank" integer,
	"cohort_size" integer NOT NULL,
	"top_percent" numeric,
	"class" text,
	"policy_class" text,
	"land_mu" numeric,
	"tax" numeric,
	"value_added" numeric,
	"flags" text[] NOT NULL,
	"surcharge_yuan" numeric,
	"relief_yuan" numeric,
	"detail" json NOT NULL,
	CONSTRAINT "evaluation_results_run_id_enterprise_id_pk" PRIMARY KEY("run_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"method_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"input_hash" text NOT NULL,
	"summary" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notice_started_at" timestamp with time zone,
	"notice_ends_on" date,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"superseded_by" integer,
	CONSTRAINT "evaluation_runs_status_valid" CHECK ("evaluation_runs"."status" in ('draft','notice','published','superseded'))
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "rating_exemption" text;--> statement-breakpoint
ALTER TABLE "evaluation_objections" ADD CONSTRAINT "evaluation_objections_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_objections" ADD CONSTRAINT "evaluation_objections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_method_id_evaluation_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."evaluation_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_methods_key_version" ON "evaluation_methods" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "evaluation_objections_run" ON "evaluation_objections" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "evaluation_results_run_cohort_rank" ON "evaluation_results" USING btree ("run_id","cohort","rank");--> statement-breakpoint
CREATE INDEX "evaluation_results_enterprise" ON "evaluation_results" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_runs_year_version" ON "evaluation_runs" USING btree ("year","version");--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_rating_exemption_valid" CHECK ("enterprises"."rating_exemption" is null or "enterprises"."rating_exemption" in ('utility','startup','major_project'));--> statement-breakpoint
-- Method versions are never changed: an edit is a new version.
CREATE FUNCTION evaluation_methods_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evaluation method versions are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_methods_no_change BEFORE UPDATE OR DELETE ON evaluation_methods
  FOR EACH ROW EXECUTE FUNCTION evaluation_methods_immutable();
--> statement-breakpoint
-- Results are written once; only a draft run's results may go (with the draft).
CREATE FUNCTION evaluation_results_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Replacing the generated demo city removes the evaluations made on it (see demo/city/load.ts).
  IF TG_OP = 'DELETE' AND current_setting('yiyuan.demo_reset', true) = 'on' THEN RETURN OLD; END IF;
  IF TG_OP = 'DELETE' AND NOT EXISTS (
    SELECT 1 FROM evaluation_runs r WHERE r.id = OLD.run_id AND r.status <> 'draft'
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'evaluation results are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_results_no_change BEFORE UPDATE OR DELETE ON evaluation_results
  FOR EACH ROW EXECUTE FUNCTION evaluation_results_immutable();
--> statement-breakpoint
-- A published run is final: it may only be marked superseded by a newer version; a superseded
-- run never changes again; only drafts may be deleted.
CREATE FUNCTION evaluation_runs_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'draft' OR current_setting('yiyuan.demo_reset', true) = 'on' THEN RETURN OLD; END IF;
    RAISE EXCEPTION 'only draft evaluation runs may be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'superseded' THEN
    RAISE EXCEPTION 'a superseded evaluation run is immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'published' AND (
    NEW.status <> 'superseded' OR NEW.superseded_by IS NULL
    OR (to_jsonb(NEW) - 'status' - 'superseded_by') <> (to_jsonb(OLD) - 'status' - 'superseded_by')
  ) THEN
    RAISE EXCEPTION 'a published evaluation run is immutable; publish a new version instead'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'draft' AND (
    NEW.method_id <> OLD.method_id OR NEW.input_hash <> OLD.input_hash OR NEW.summary <> OLD.summary
    OR NEW.year <> OLD.year OR NEW.version <> OLD.version
  ) THEN
    RAISE EXCEPTION 'an evaluation run''s results are fixed once its notice starts' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_runs_guard BEFORE UPDATE OR DELETE ON evaluation_runs
  FOR EACH ROW EXECUTE FUNCTION evaluation_runs_guard();
