-- TOTP secrets sealed at rest like personal information (SM4-CBC + HMAC-SM3, key outside the
-- database).
ALTER TABLE "users" ADD COLUMN "totp_secret_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_secret_sealed" "bytea";--> statement-breakpoint
-- SQL cannot do SM4. Clear secrets of an existing database move aside into *_clear_pending; the
-- server at start-up (and `yiyuan keys rotate`) seals them and drops those columns in the same
-- transaction. A database without clear secrets (every new one) loses the columns right here.
ALTER TABLE "users" RENAME COLUMN "totp_secret" TO "totp_secret_clear_pending";--> statement-breakpoint
ALTER TABLE "users" RENAME COLUMN "totp_pending_secret" TO "totp_pending_secret_clear_pending";--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "users"
                  WHERE "totp_secret_clear_pending" IS NOT NULL
                     OR "totp_pending_secret_clear_pending" IS NOT NULL) THEN
    ALTER TABLE "users" DROP COLUMN "totp_secret_clear_pending";
    ALTER TABLE "users" DROP COLUMN "totp_pending_secret_clear_pending";
  END IF;
END
$$;
