/**
 * The chain map's vocabulary (产业链图谱 / 招商图): segments, map statuses, placement modes, target
 * statuses, partner relations and the default thresholds of the node rating. Pure.
 */

export const SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const SEGMENT_NAMES: Record<Segment, { zh: string; en: string }> = {
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
};

/** A map version: a draft being edited, the current map, or a retired one (kept). */
export const MAP_STATUSES = ['draft', 'current', 'retired'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** A placement by hand: put an enterprise on a node (`include`) or take it off (`exclude`). */
export const PLACEMENT_MODES = ['include', 'exclude'] as const;
export type PlacementMode = (typeof PLACEMENT_MODES)[number];

/** Investment targets (招商目标): outside companies to approach for a missing or weak node. */
export const TARGET_STATUSES = ['new', 'contacting', 'converted', 'dropped'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** How an enterprise is linked to a chain leader. */
export const RELATIONS = ['supplier', 'customer', 'partner'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RATINGS = ['strong', 'weak', 'missing'] as const;
export type Rating = (typeof RATINGS)[number];

/** Default: a node whose output is under 5% of the industry's is weak (不满 5%: 5% itself is not). */
export const DEFAULT_WEAK_SHARE = 0.05;
/** Default: this many local suppliers of a chain leader on a node lift it from weak to strong. */
export const DEFAULT_SUPPLIER_MIN = 3;

/** A node code: letters, digits and `-`, e.g. `IC-U01`; stable across versions. */
export const NODE_CODE_PATTERN = /^[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,10}){0,3}$/;
export const NODE_NAME_MAX = 60;
export const NOTE_MAX = 500;
/** A map has at most this many nodes. */
export const MAX_NODES = 300;
