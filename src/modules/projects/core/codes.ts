/**
 * The vocabulary of investment projects (招商项目, domain guide §13): stages, sources, size classes,
 * statuses, change states and origins, with their Chinese and English names. Pure.
 */

/** The stages in order: a project only moves forward. */
export const STAGES = [
  'lead', // 线索
  'negotiating', // 洽谈
  'signed', // 签约
  'land_supplied', // 供地
  'construction', // 开工
  'completed', // 竣工
  'production', // 投产
  'full_production', // 达产
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, { zh: string; en: string }> = {
  lead: { zh: '线索', en: 'Lead' },
  negotiating: { zh: '洽谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  land_supplied: { zh: '供地', en: 'Land supplied' },
  construction: { zh: '开工', en: 'Construction started' },
  completed: { zh: '竣工', en: 'Construction completed' },
  production: { zh: '投产', en: 'In production' },
  full_production: { zh: '达产', en: 'Full production' },
};

/** The ends of a project (a stage change may also end it). */
export const END_STATUSES = ['dropped', 'lost'] as const;
export type EndStatus = (typeof END_STATUSES)[number];

export const STATUSES = ['active', ...END_STATUSES] as const;
export type ProjectStatus = (typeof STATUSES)[number];
export const STATUS_NAMES: Record<ProjectStatus, { zh: string; en: string }> = {
  active: { zh: '推进中', en: 'Active' },
  dropped: { zh: '终止', en: 'Dropped' },
  lost: { zh: '流失', en: 'Lost' },
};

/** What a stage change moves to: a stage, or an end. */
export const CHANGE_TARGETS = [...STAGES, ...END_STATUSES] as const;
export type ChangeTarget = (typeof CHANGE_TARGETS)[number];

export const SOURCES = ['referral', 'chain', 'fund', 'agency', 'expo', 'other'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_NAMES: Record<Source, { zh: string; en: string }> = {
  referral: { zh: '以企招企', en: 'Referral by an enterprise' },
  chain: { zh: '产业链招商', en: 'Industrial-chain attraction' },
  fund: { zh: '基金招商', en: 'Fund-led attraction' },
  agency: { zh: '中介招商', en: 'Agency' },
  expo: { zh: '展会招商', en: 'Exhibition' },
  other: { zh: '其他', en: 'Other' },
};

/** Size classes by total investment: major ≥ 100,000 万元 (10 亿, inclusive); large ≥ 10,000 万元. */
export const SIZE_CLASSES = ['major', 'large', 'small'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
export const SIZE_CLASS_NAMES: Record<SizeClass, { zh: string; en: string }> = {
  major: { zh: '10亿元以上', en: '≥ 1 billion yuan' },
  large: { zh: '1亿元以上', en: '≥ 100 million yuan' },
  small: { zh: '1亿元以下', en: '< 100 million yuan' },
};
/** 万元 */
export const MAJOR_THRESHOLD = 100_000;
/** 万元 */
export const LARGE_THRESHOLD = 10_000;

export const CHANGE_STATES = ['pending', 'approved', 'rejected'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];
export const CHANGE_STATE_NAMES: Record<ChangeState, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Rejected' },
};

export const ORIGINS = ['form', 'import', 'cli'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Commitments of 标准地 checked at 达产复核. */
export const COMMITMENTS = ['intensity', 'output_per_mu', 'tax_per_mu'] as const;
export type Commitment = (typeof COMMITMENTS)[number];
export const COMMITMENT_NAMES: Record<Commitment, { zh: string; en: string; unit: string }> = {
  intensity: { zh: '投资强度', en: 'Investment intensity', unit: '万元/亩' },
  output_per_mu: { zh: '亩均产出', en: 'Output per mu', unit: '万元/亩' },
  tax_per_mu: { zh: '亩均税收', en: 'Tax per mu', unit: '万元/亩' },
};

/** Project codes: XM-<year>-<5 digits>. */
export const PROJECT_CODE_PATTERN = '^[A-Z0-9][A-Z0-9-]{2,31}$';
/** A chain node code (owned by the chain map): letters, digits and dashes, e.g. IC-U01. */
export const NODE_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$';

export function formatProjectCode(year: number, serial: number): string {
  return `XM-${year}-${String(serial).padStart(5, '0')}`;
}

/** Default escalation period after the maximum is passed (calendar days). */
export const DEFAULT_ESCALATE_AFTER_DAYS = 30;

/** The stages that can stall (all but 达产). */
export const STALLABLE_STAGES = STAGES.filter((s) => s !== 'full_production');
