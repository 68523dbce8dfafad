import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  MapStatus,
  PlacementMode,
  Relation,
  Segment,
  TargetStatus,
} from '../../../modules/chain-map/core/codes';
import { enterprises } from './enterprises';
import { platforms } from './platforms';
import { industries } from './reference';

/**
 * Chain maps (产业链图谱 / 招商图): one row per version of a key industry's map. Editing makes a
 * draft; publishing makes it current and retires the previous current one (kept).
 */
export const chainMaps = pgTable(
  'chain_maps',
  {
    id: serial('id').primaryKey(),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    version: integer('version').notNull(),
    status: text('status').$type<MapStatus>().notNull(),
    note: text('note').notNull().default(''),
    /** A node whose output share within the industry is below this (0–1) is weak. */
    weakShare: numeric('weak_share', { mode: 'number' }).notNull().default(0.05),
    /** This many local suppliers of a chain leader lift a weak node to strong. */
    supplierMin: integer('supplier_min').notNull().default(3),
    createdBy: integer('created_by'),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by'),
    publishedByName: text('published_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('chain_maps_version_unique').on(t.industryCode, t.version),
    uniqueIndex('chain_maps_one_current')
      .on(t.industryCode)
      .where(sql`${t.status} = 'current'`),
    uniqueIndex('chain_maps_one_draft')
      .on(t.industryCode)
      .where(sql`${t.status} = 'draft'`),
    check('chain_maps_status_valid', sql`${t.status} in ('draft','current','retired')`),
    check('chain_maps_weak_share_range', sql`${t.weakShare} >= 0 and ${t.weakShare} <= 1`),
    check('chain_maps_supplier_min_range', sql`${t.supplierMin} between 1 and 100`),
  ],
);

/** The nodes of one map version; `node_code` is stable across versions. */
export const chainMapNodes = pgTable(
  'chain_map_nodes',
  {
    id: serial('id').primaryKey(),
    mapId: integer('map_id')
      .notNull()
      .references(() => chainMaps.id, { onDelete: 'cascade' }),
    nodeCode: text('node_code').notNull(),
    parentCode: text('parent_code'),
    segment: text('segment').$type<Segment>().notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** GB/T 4754-2017 classes whose enterprises the node holds by default. */
    classCodes: text('class_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    uniqueIndex('chain_map_nodes_code_unique').on(t.mapId, t.nodeCode),
    check('chain_map_nodes_segment_valid', sql`${t.segment} in ('upstream','midstream','downstream')`),
  ],
);

/**
 * Placements by hand: an enterprise put on a node (`include`) or taken off it (`exclude`); they
 * win over the class rule and survive map versions (keyed by industry and node code).
 */
export const chainPlacements = pgTable(
  'chain_placements',
  {
    id: serial('id').primaryKey(),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    nodeCode: text('node_code').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    mode: text('mode').$type<PlacementMode>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('chain_placements_unique').on(t.industryCode, t.nodeCode, t.enterpriseId),
    index('chain_placements_enterprise_idx').on(t.enterpriseId),
    check('chain_placements_mode_valid', sql`${t.mode} in ('include','exclude')`),
  ],
);

/** Investment targets (招商目标): outside companies to approach for a missing or weak node. */
export const chainTargets = pgTable(
  'chain_targets',
  {
    id: serial('id').primaryKey(),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    nodeCode: text('node_code').notNull(),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id),
    name: text('name').notNull(),
    uscc: text('uscc'),
    /** Where the company is, e.g. 上海市 / 境外·德国. */
    origin: text('origin').notNull().default(''),
    note: text('note').notNull().default(''),
    status: text('status').$type<TargetStatus>().notNull().default('new'),
    createdBy: integer('created_by'),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('chain_targets_platform_idx').on(t.platformId, t.industryCode),
    check('chain_targets_status_valid', sql`${t.status} in ('new','contacting','converted','dropped')`),
  ],
);

/**
 * A chain leader's suppliers, customers and partners (以企招企 starts here): a registered
 * enterprise or an outside company by name.
 */
export const chainPartnerLinks = pgTable(
  'chain_partner_links',
  {
    id: serial('id').primaryKey(),
    leaderEnterpriseId: integer('leader_enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    partnerEnterpriseId: integer('partner_enterprise_id').references(() => enterprises.id, {
      onDelete: 'cascade',
    }),
    partnerName: text('partner_name'),
    relation: text('relation').$type<Relation>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('chain_partner_links_leader_idx').on(t.leaderEnterpriseId),
    index('chain_partner_links_partner_idx').on(t.partnerEnterpriseId),
    check('chain_partner_links_relation_valid', sql`${t.relation} in ('supplier','customer','partner')`),
    check(
      'chain_partner_links_one_partner',
      sql`(${t.partnerEnterpriseId} is null) <> (${t.partnerName} is null)`,
    ),
  ],
);
