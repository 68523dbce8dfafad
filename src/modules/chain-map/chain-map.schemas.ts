/** The chain-map API contract (产业链图谱 / 招商图, plan §3.3): schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from '../../platform/contract';
import {
  MAP_STATUSES,
  MAX_NODES,
  NODE_NAME_MAX,
  NOTE_MAX,
  PLACEMENT_MODES,
  RATINGS,
  RELATIONS,
  SEGMENTS,
  TARGET_STATUSES,
} from './core/codes';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const IndustryCode = Type.String({ minLength: 1, maxLength: 40 });
const NodeCode = Type.String({ minLength: 1, maxLength: 40 });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Stamp = Type.String({ format: 'date-time' });
const REASONS = ['no_enterprise', 'no_above', 'low_share', 'leader', 'suppliers', 'sound'] as const;

export const IdParamsSchema = Type.Object({ id: Id }, { additionalProperties: false });

export const IndustryQuerySchema = Type.Object({ industry: IndustryCode }, { additionalProperties: false });

export const IndustryItemSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  currentMapId: Nullable(Type.Integer()),
  currentVersion: Nullable(Type.Integer()),
  draftMapId: Nullable(Type.Integer()),
  draftVersion: Nullable(Type.Integer()),
});
export type IndustryItem = Static<typeof IndustryItemSchema>;
export const IndustryListSchema = Type.Object({ items: Type.Array(IndustryItemSchema) });
export type IndustryList = Static<typeof IndustryListSchema>;

export const NodeSchema = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  segment: OneOf(SEGMENTS),
  nameZh: Type.String(),
  nameEn: Type.String(),
  classCodes: Type.Array(Type.String()),
  sort: Type.Integer(),
});
export type ChainNode = Static<typeof NodeSchema>;

export const MapHeaderSchema = Type.Object({
  id: Type.Integer(),
  industryCode: Type.String(),
  version: Type.Integer(),
  status: OneOf(MAP_STATUSES),
  note: Type.String(),
  weakShare: Type.Number(),
  supplierMin: Type.Integer(),
  createdByName: Type.String(),
  createdAt: Stamp,
  publishedByName: Nullable(Type.String()),
  publishedAt: Nullable(Stamp),
  retiredAt: Nullable(Stamp),
  nodeCount: Type.Integer(),
});
export type MapHeader = Static<typeof MapHeaderSchema>;
export const MapVersionsSchema = Type.Object({ items: Type.Array(MapHeaderSchema) });
export type MapVersions = Static<typeof MapVersionsSchema>;

export const MapDetailSchema = Type.Object({
  map: MapHeaderSchema,
  nodes: Type.Array(NodeSchema),
});
export type MapDetail = Static<typeof MapDetailSchema>;

/** A node as written by the editor, the JSON import and the workbook import. */
export const NodeWriteSchema = Type.Object(
  {
    code: Text(40, 1),
    parentCode: Type.Optional(Nullable(Text(40))),
    segment: OneOf(SEGMENTS),
    nameZh: Text(NODE_NAME_MAX * 2),
    nameEn: Text(NODE_NAME_MAX * 2),
    classCodes: Type.Array(Text(10), { maxItems: 50 }),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
  },
  { additionalProperties: false },
);
export type NodeWrite = Static<typeof NodeWriteSchema>;

/** The draft of an industry's map (also the JSON export and import format). */
export const DraftWriteSchema = Type.Object(
  {
    industryCode: IndustryCode,
    note: Type.Optional(Text(NOTE_MAX)),
    weakShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    supplierMin: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    nodes: Type.Array(NodeWriteSchema, { maxItems: MAX_NODES + 1 }),
  },
  { additionalProperties: false },
);
export type DraftWrite = Static<typeof DraftWriteSchema>;

export const ViewQuerySchema = Type.Object(
  { industry: IndustryCode, platformId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type ViewQuery = Static<typeof ViewQuerySchema>;

export const NodeViewSchema = Type.Object({
  ...NodeSchema.properties,
  enterprises: Type.Integer(),
  above: Type.Integer(),
  /** 万元, in `year`. */
  output: Type.Number(),
  share: Nullable(Type.Number()),
  leaders: Type.Integer(),
  leaderSuppliers: Type.Integer(),
  /** Projects in the pipeline (status active) on the node, in the filter. */
  projects: Type.Integer(),
  /** Open targets (new, contacting). */
  targets: Type.Integer(),
  rating: OneOf(RATINGS),
  reasons: Type.Array(OneOf(REASONS)),
});
export type NodeView = Static<typeof NodeViewSchema>;

export const ChainViewSchema = Type.Object({
  industry: Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
  map: Nullable(MapHeaderSchema),
  /** The latest year with output figures. */
  year: Nullable(Type.Integer()),
  platformId: Nullable(Type.Integer()),
  industryOutput: Type.Number(),
  nodes: Type.Array(NodeViewSchema),
});
export type ChainView = Static<typeof ChainViewSchema>;

export const NodeQuerySchema = Type.Object(
  { industry: IndustryCode, node: NodeCode, platformId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type NodeQuery = Static<typeof NodeQuerySchema>;

export const PlacedEnterpriseSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  industryClass: Nullable(Type.String()),
  above: Type.Boolean(),
  output: Nullable(Type.Number()),
  leader: Type.Boolean(),
  /** `class`: by its GB/T 4754 class; `hand`: placed by hand (the placement's id). */
  placed: OneOf(['class', 'hand'] as const),
  placementId: Nullable(Type.Integer()),
});
export type PlacedEnterprise = Static<typeof PlacedEnterpriseSchema>;

export const PlacementSchema = Type.Object({
  id: Type.Integer(),
  industryCode: Type.String(),
  nodeCode: Type.String(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  mode: OneOf(PLACEMENT_MODES),
  note: Type.String(),
  createdByName: Type.String(),
  createdAt: Stamp,
});
export type Placement = Static<typeof PlacementSchema>;

export const PlacementWriteSchema = Type.Object(
  {
    industryCode: IndustryCode,
    nodeCode: NodeCode,
    enterpriseId: Id,
    mode: OneOf(PLACEMENT_MODES),
    note: Type.Optional(Text(NOTE_MAX)),
  },
  { additionalProperties: false },
);
export type PlacementWrite = Static<typeof PlacementWriteSchema>;

export const TargetSchema = Type.Object({
  id: Type.Integer(),
  industryCode: Type.String(),
  nodeCode: Type.String(),
  nodeNameZh: Nullable(Type.String()),
  nodeNameEn: Nullable(Type.String()),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  name: Type.String(),
  uscc: Nullable(Type.String()),
  origin: Type.String(),
  note: Type.String(),
  status: OneOf(TARGET_STATUSES),
  createdByName: Type.String(),
  createdAt: Stamp,
  updatedAt: Stamp,
  version: Type.Integer(),
});
export type Target = Static<typeof TargetSchema>;

export const TargetWriteSchema = Type.Object(
  {
    industryCode: IndustryCode,
    nodeCode: NodeCode,
    platformId: Id,
    name: Text(100),
    uscc: Type.Optional(Nullable(Text(18))),
    origin: Type.Optional(Text(60)),
    note: Type.Optional(Text(NOTE_MAX)),
    status: Type.Optional(OneOf(TARGET_STATUSES)),
  },
  { additionalProperties: false },
);
export type TargetWrite = Static<typeof TargetWriteSchema>;
export const TargetUpdateSchema = Type.Object(
  { ...TargetWriteSchema.properties, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type TargetUpdate = Static<typeof TargetUpdateSchema>;

export const TargetQuerySchema = Type.Object(
  {
    platformId: Type.Optional(Id),
    industry: Type.Optional(IndustryCode),
    status: Type.Optional(OneOf(TARGET_STATUSES)),
  },
  { additionalProperties: false },
);
export type TargetQuery = Static<typeof TargetQuerySchema>;
export const TargetListSchema = Type.Object({ items: Type.Array(TargetSchema) });
export type TargetList = Static<typeof TargetListSchema>;

export const RoadmapQuerySchema = Type.Object(
  { platformId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const RoadmapSchema = Type.Object({
  platform: Type.Object({ id: Type.Integer(), name: Type.String(), nameEn: Type.String() }),
  year: Nullable(Type.Integer()),
  industries: Type.Array(
    Type.Object({
      code: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      mapVersion: Nullable(Type.Integer()),
      strong: Type.Integer(),
      nodes: Type.Array(Type.Object({ node: NodeViewSchema, targets: Type.Array(TargetSchema) })),
    }),
  ),
});
export type Roadmap = Static<typeof RoadmapSchema>;

export const PartnerSchema = Type.Object({
  id: Type.Integer(),
  leaderEnterpriseId: Type.Integer(),
  leaderName: Type.String(),
  partnerEnterpriseId: Nullable(Type.Integer()),
  partnerName: Type.String(),
  partnerPlatformName: Nullable(Type.String()),
  relation: OneOf(RELATIONS),
  note: Type.String(),
  createdByName: Type.String(),
  createdAt: Stamp,
});
export type Partner = Static<typeof PartnerSchema>;
export const PartnerListSchema = Type.Object({ items: Type.Array(PartnerSchema) });
export type PartnerList = Static<typeof PartnerListSchema>;
export const PartnerQuerySchema = Type.Object({ leaderId: Id }, { additionalProperties: false });
export const PartnerWriteSchema = Type.Object(
  {
    leaderEnterpriseId: Id,
    partnerEnterpriseId: Type.Optional(Nullable(Id)),
    partnerName: Type.Optional(Nullable(Text(100))),
    relation: OneOf(RELATIONS),
    note: Type.Optional(Text(NOTE_MAX)),
  },
  { additionalProperties: false },
);
export type PartnerWrite = Static<typeof PartnerWriteSchema>;

export const LeaderSchema = Type.Object({
  enterpriseId: Type.Integer(),
  name: Type.String(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  partners: Type.Array(PartnerSchema),
});
export type Leader = Static<typeof LeaderSchema>;

export const NodeDetailSchema = Type.Object({
  node: NodeViewSchema,
  year: Nullable(Type.Integer()),
  enterprises: Type.Array(PlacedEnterpriseSchema),
  /** Enterprises of the node's classes taken off it by hand. */
  excluded: Type.Array(PlacementSchema),
  leaders: Type.Array(LeaderSchema),
  targets: Type.Array(TargetSchema),
});
export type NodeDetail = Static<typeof NodeDetailSchema>;

export const ImportResultSchema = Type.Object({ map: MapHeaderSchema, nodes: Type.Integer() });
export type ImportResult = Static<typeof ImportResultSchema>;
export const ImportQuerySchema = IndustryQuerySchema;
export const WorkbookFileSchema = Type.String({ format: 'binary' });
export const OkSchema = Type.Object({ ok: Type.Boolean() });
