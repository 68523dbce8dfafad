import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Industry catalogue: the plan's seven key industries plus 其他 (editable data, seeded by migration). */
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  isKey: boolean('is_key').notNull().default(true),
  sort: integer('sort').notNull().default(0),
});

/** GB/T 2260 county-level divisions of Hangzhou. */
export const districts = pgTable('districts', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
});

export const platformTypes = pgTable('platform_types', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
});
