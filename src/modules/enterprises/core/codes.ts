/** Code lists of an enterprise record, shared by the database schema, the cores and the web. Pure. */

/** 不定等级: why an enterprise takes part in the evaluation without a class (domain guide §5.2). */
export const RATING_EXEMPTIONS = ['utility', 'startup', 'major_project'] as const;
export type RatingExemption = (typeof RATING_EXEMPTIONS)[number];

export const LABELS = [
  'high_tech',
  'tech_sme',
  'specialized_sme',
  'little_giant',
  'single_champion',
  'hidden_champion',
  'chain_leader',
  'rd_institution',
] as const;
export type Label = (typeof LABELS)[number];

/** 规上 (above designated size: revenue ≥ 2,000 万元) or 规下 (domain guide §4). */
export const SCALES = ['above', 'below'] as const;
export type Scale = (typeof SCALES)[number];
