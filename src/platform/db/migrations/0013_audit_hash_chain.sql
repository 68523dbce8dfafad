CREATE TABLE "audit_archives" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" timestamp with time zone NOT NULL,
	"first_id" bigint,
	"last_id" bigint,
	"last_hash" text,
	"rows" integer NOT NULL,
	"file" text NOT NULL,
	"file_digest" text NOT NULL,
	"purged_at" timestamp with time zone,
	"purged_rows" integer,
	"purged_through_id" bigint,
	"anchor_hash" text
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- Append-only, with one exception: `yiyuan audit purge` (run as the schema owner) may delete rows
-- that an archive already holds. It announces itself with a transaction-local setting; rows that
-- no archive covers are refused even then.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('yiyuan.audit_purge', true) = 'on'
     AND OLD.id <= (SELECT coalesce(max(last_id), 0) FROM audit_archives) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
