CREATE TABLE "import_changes" (
	"import_id" bigint NOT NULL,
	"enterprise_id" integer NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"change" text NOT NULL,
	CONSTRAINT "import_changes_import_id_enterprise_id_pk" PRIMARY KEY("import_id","enterprise_id")
);
--> statement-breakpoint
ALTER TABLE "enterprise_years" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_import_id_import_jobs_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Older running jobs of a user beside their newest one cannot be running any more: marked failed so
-- that the one-running-import-per-user index can be built.
UPDATE "import_jobs" j SET "status" = 'failed', "finished_at" = now(), "progress" = NULL
 WHERE j."status" in ('validating', 'importing') AND j."user_id" IS NOT NULL
   AND EXISTS (SELECT 1 FROM "import_jobs" k WHERE k."user_id" = j."user_id" AND k."id" > j."id"
                  AND k."status" in ('validating', 'importing'));--> statement-breakpoint
CREATE UNIQUE INDEX "import_jobs_one_running_per_user" ON "import_jobs" USING btree ("user_id") WHERE "import_jobs"."status" in ('validating', 'importing') and "import_jobs"."user_id" is not null;