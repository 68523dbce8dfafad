-- Contact phone numbers sealed at rest (SM4-CBC + HMAC-SM3, key outside the database) with a
-- keyed SM3 index for lookups.
ALTER TABLE "enterprise_contacts" ADD COLUMN "phone_cipher" bytea;--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ADD COLUMN "phone_index" bytea;--> statement-breakpoint
CREATE INDEX "enterprise_contacts_phone_index_idx" ON "enterprise_contacts" USING btree ("phone_index");--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ADD CONSTRAINT "enterprise_contacts_phone_sealed" CHECK (("enterprise_contacts"."phone_cipher" is null) = ("enterprise_contacts"."phone_index" is null));--> statement-breakpoint
-- SQL cannot do SM4. Clear numbers of an existing database move aside into phone_clear_pending;
-- the server at start-up (and `yiyuan keys rotate`) seals them and drops that column in the same
-- transaction. A database without clear numbers (every new one) loses the column right here.
ALTER TABLE "enterprise_contacts" RENAME COLUMN "phone" TO "phone_clear_pending";--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ALTER COLUMN "phone_clear_pending" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ALTER COLUMN "phone_clear_pending" DROP DEFAULT;--> statement-breakpoint
UPDATE "enterprise_contacts" SET "phone_clear_pending" = NULL WHERE btrim("phone_clear_pending") = '';--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "enterprise_contacts" WHERE "phone_clear_pending" IS NOT NULL) THEN
    ALTER TABLE "enterprise_contacts" DROP COLUMN "phone_clear_pending";
  END IF;
END
$$;
