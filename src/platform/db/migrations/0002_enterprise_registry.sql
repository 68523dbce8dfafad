CREATE TABLE "enterprise_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_labels" (
	"enterprise_id" integer NOT NULL,
	"label" text NOT NULL,
	"granted_on" date,
	CONSTRAINT "enterprise_labels_enterprise_id_label_pk" PRIMARY KEY("enterprise_id","label")
);
--> statement-breakpoint
CREATE TABLE "enterprise_year_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"field" text NOT NULL,
	"comment" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enterprise_years" (
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"output" numeric,
	"revenue" numeric,
	"tax" numeric,
	"value_added" numeric,
	"energy_tce" numeric,
	"electricity" numeric,
	"emissions" numeric,
	"rd_spending" numeric,
	"employees" numeric,
	"fixed_asset_investment" numeric,
	"import_id" integer,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_years_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year"),
	CONSTRAINT "enterprise_years_year_range" CHECK ("enterprise_years"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"year" integer,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"user_id" integer,
	"username" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_inserted" integer DEFAULT 0 NOT NULL,
	"rows_updated" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"warning_count" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_class_mapping" (
	"class_code" text PRIMARY KEY NOT NULL,
	"industry_code" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_classes" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "industry_class" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "scale_override" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "scale" text DEFAULT 'below' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "own_land_mu" numeric;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "leased_floor_m2" numeric;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "landholder_id" integer;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ADD CONSTRAINT "enterprise_contacts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_labels" ADD CONSTRAINT "enterprise_labels_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_year_flags" ADD CONSTRAINT "enterprise_year_flags_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_years" ADD CONSTRAINT "enterprise_years_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_class_mapping" ADD CONSTRAINT "industry_class_mapping_class_code_industry_classes_code_fk" FOREIGN KEY ("class_code") REFERENCES "public"."industry_classes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_class_mapping" ADD CONSTRAINT "industry_class_mapping_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_labels_label_idx" ON "enterprise_labels" USING btree ("label");--> statement-breakpoint
CREATE INDEX "enterprise_years_year_idx" ON "enterprise_years" USING btree ("year");--> statement-breakpoint
CREATE INDEX "industry_classes_parent_idx" ON "industry_classes" USING btree ("parent_code");--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_industry_class_industry_classes_code_fk" FOREIGN KEY ("industry_class") REFERENCES "public"."industry_classes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprises_industry_idx" ON "enterprises" USING btree ("industry_class");--> statement-breakpoint
CREATE INDEX "enterprises_scale_idx" ON "enterprises" USING btree ("scale");--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_scale_valid" CHECK ("enterprises"."scale" in ('above','below'));--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_scale_override_valid" CHECK ("enterprises"."scale_override" is null or "enterprises"."scale_override" in ('above','below'));--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_land_nonnegative" CHECK (coalesce("enterprises"."own_land_mu", 0) >= 0 and coalesce("enterprises"."leased_floor_m2", 0) >= 0);