import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { platforms } from './platforms';

/**
 * Enterprises (一企一档). The foundation keeps only identity and platform, which enterprise-user
 * accounts are scoped to; the enterprise registry extends this table.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_unique').on(t.uscc),
    index('enterprises_platform_idx').on(t.platformId),
  ],
);
