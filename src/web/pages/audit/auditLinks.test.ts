import { describe, expect, it } from 'vitest';
import { AUDIT_OBJECT_TYPES } from '../../../modules/audit/core/actions';
import { permissionsOf } from '../../../modules/auth/core/access';
import { ROUTES } from '../../routes';
import { OBJECT_PAGES, objectCodeText, objectHistoryHref, objectPageHref } from './auditLinks';

const taskForce = { permissions: [...permissionsOf('task_force')] };
const auditor = { permissions: [...permissionsOf('audit_admin')] };

describe('audit object links', () => {
  it('points every object page at a path of the route table', () => {
    for (const [type, page] of Object.entries(OBJECT_PAGES)) {
      expect(Object.keys(AUDIT_OBJECT_TYPES), type).toContain(type);
      expect(
        ROUTES.map((r) => r.path),
        type,
      ).toContain(page.path);
    }
  });

  it('opens the object page with its parameters when the viewer may open it', () => {
    const objection = {
      objectType: 'evaluation_objection',
      object: { name: '甲', nameEn: null, code: 'x', params: { id: '4', enterpriseId: '17' } },
    };
    expect(objectPageHref(objection, taskForce)).toBe('/evaluation/runs/4/enterprises/17');
    const job = {
      objectType: 'import',
      object: { name: 'a.xlsx', nameEn: null, code: '#9', params: { job: '9' } },
    };
    expect(objectPageHref(job, taskForce)).toBe('/imports?job=9');
  });

  it('gives the audit administrator the object history instead of pages it may not open', () => {
    const enterprise = {
      objectType: 'enterprise',
      objectId: '12',
      object: { name: '甲', nameEn: null, code: '9133', params: { id: '12' } },
    };
    expect(objectPageHref(enterprise, auditor)).toBeNull();
    expect(objectHistoryHref(enterprise)).toBe('/audit?objectType=enterprise&objectId=12');
    expect(objectPageHref({ objectType: 'route', object: null }, taskForce)).toBeNull();
  });

  it('names a platform figure by its title, not its code, in either language', () => {
    expect(objectCodeText('platform_year_stat', '2025 incubators', 'zh')).toBe('2025 年 省级以上双创平台');
    expect(objectCodeText('platform_year_stat', '2025 incubators', 'en')).toMatch(/^2025 Provincial\+/);
    expect(objectCodeText('platform_year_stat', '2025 unknownFigure', 'zh')).toBe('2025 unknownFigure');
    expect(objectCodeText('enterprise', '91330100MA0000001F', 'zh')).toBe('91330100MA0000001F');
  });
});
