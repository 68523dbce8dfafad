/** The vocabulary of visits (走访, domain guide §10). Pure. */

/** planned → done, or cancelled. */
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Who visits: the enterprise's service commissioner, a platform leader, or a department. */
export const VISITOR_KINDS = ['commissioner', 'platform_leader', 'department'] as const;
export type VisitorKind = (typeof VISITOR_KINDS)[number];

/** The categories of a problem found (the same as a service request's, domain guide §10). */
export const PROBLEM_CATEGORIES = [
  'land',
  'energy',
  'finance',
  'talent',
  'policy',
  'approvals',
  'infrastructure',
  'other',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

export const PARTICIPANTS_MAX = 500;
export const NOTES_MAX = 4000;
export const PROBLEM_TEXT_MAX = 1000;
export const PROBLEMS_MAX = 20;

/** The request category (企业诉求类别) a problem found becomes when it is turned into a request. */
export const REQUEST_CATEGORY_OF: Record<ProblemCategory, string> = {
  land: 'land',
  energy: 'energy',
  finance: 'finance',
  talent: 'talent',
  policy: 'policy',
  approvals: 'approval',
  infrastructure: 'infrastructure',
  other: 'other',
};
