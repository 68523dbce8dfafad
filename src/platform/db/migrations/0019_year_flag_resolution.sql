ALTER TABLE "enterprise_year_flags" ADD COLUMN "resolved_by" integer;--> statement-breakpoint
ALTER TABLE "enterprise_year_flags" ADD COLUMN "resolution" text;