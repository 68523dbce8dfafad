import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { districts, industries, platformTypes } from './reference';

export const platforms = pgTable(
  'platforms',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    type: text('type')
      .notNull()
      .references(() => platformTypes.code),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    areaKm2: numeric('area_km2', { mode: 'number' }),
    industrialLandMu: numeric('industrial_land_mu', { mode: 'number' }),
    isStrategic: boolean('is_strategic').notNull().default(false),
    longitude: numeric('longitude', { mode: 'number' }),
    latitude: numeric('latitude', { mode: 'number' }),
    description: text('description').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('platforms_name_unique').on(t.name),
    index('platforms_district_idx').on(t.districtCode),
    check('platforms_area_nonnegative', sql`${t.areaKm2} is null or ${t.areaKm2} >= 0`),
    check('platforms_land_nonnegative', sql`${t.industrialLandMu} is null or ${t.industrialLandMu} >= 0`),
  ],
);

/** The 2–3 leading industries (主导产业) of a platform, in order. */
export const platformIndustries = pgTable(
  'platform_industries',
  {
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.industryCode] })],
);
