/**
 * Where an audit row's object is opened: its page from the route table (when the viewer may open
 * it), else its history in the audit log. Pure apart from the route table.
 */
import { generatePath } from 'react-router';
import type { AuditObjectType } from '../../../modules/audit/core/actions';
import type { AuditRecord } from '../../../modules/audit/audit.schemas';
import type { Me } from '../../../modules/auth/auth.schemas';
import { FIGURES, type BaseFigure } from '../../../modules/metrics/core/metrics';
import { mayOpen, ROUTES } from '../../routes';

/** Each object type's page (a path of the route table) and the parameters it reads from the query. */
export const OBJECT_PAGES: Partial<Record<AuditObjectType, { path: string; query?: string[] }>> = {
  user: { path: 'users', query: ['q'] },
  platform: { path: 'platforms/:id' },
  platform_year_stat: { path: 'platforms/:id' },
  enterprise: { path: 'enterprises/:id' },
  enterprise_contact: { path: 'enterprises/:id' },
  evaluation_method: { path: 'evaluation/methods/:id' },
  evaluation_run: { path: 'evaluation/runs/:id' },
  evaluation_objection: { path: 'evaluation/runs/:id/enterprises/:enterpriseId' },
  import: { path: 'imports', query: ['job'] },
  plan_period: { path: 'plan', query: ['period'] },
  plan_target: { path: 'plan', query: ['period'] },
  quota_pool: { path: 'platform-evaluation', query: ['year'] },
  industry_class: { path: 'industries' },
  chain_leader: { path: 'chain-leaders' },
};

/** The object's page for this viewer, or null (no page, not resolved, or not theirs to open). */
export function objectPageHref(
  row: Pick<AuditRecord, 'objectType' | 'object'>,
  me: Pick<Me, 'permissions'> | null | undefined,
): string | null {
  const page = row.objectType ? OBJECT_PAGES[row.objectType as AuditObjectType] : undefined;
  if (!page || !row.object) return null;
  const route = ROUTES.find((r) => r.path === page.path);
  if (!route || !mayOpen(me, route)) return null;
  const params = row.object.params;
  const needed = [...page.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (needed.some((p) => !params[p])) return null;
  const search = new URLSearchParams();
  for (const key of page.query ?? []) if (params[key]) search.set(key, params[key]);
  const query = search.toString();
  return `${generatePath(`/${page.path}`, params)}${query ? `?${query}` : ''}`;
}

/** Every audit row about the same object. */
export function objectHistoryHref(row: Pick<AuditRecord, 'objectType' | 'objectId'>): string | null {
  if (!row.objectType || row.objectId === null) return null;
  return `/audit?${new URLSearchParams({ objectType: row.objectType, objectId: row.objectId })}`;
}

/**
 * An object's code as a reader sees it: a platform's yearly figure is stored as "2025 incubators";
 * it reads "2025 年 省级以上双创平台" (in English, "2025 Provincial+ … platforms").
 */
export function objectCodeText(type: string | null, code: string, lang: 'zh' | 'en'): string {
  if (type !== 'platform_year_stat') return code;
  const [year, figure] = code.split(' ');
  const def = figure && Object.hasOwn(FIGURES, figure) ? FIGURES[figure as BaseFigure] : null;
  if (!year || !def) return code;
  return lang === 'en' ? `${year} ${def.en}` : `${year} 年 ${def.zh}`;
}
