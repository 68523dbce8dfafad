/**
 * One language per screen: the task force, a platform administrator and an enterprise user open
 * every page of the route table they may see in English; the task force then again in Chinese.
 *
 * English: the visible text (text on screen, aria-label, title, placeholder, alt and the values of
 * text boxes) holds no Chinese characters, except
 * - content the page marks as Chinese with a `lang="zh…"` attribute: the product's name 一园 in the
 *   logo, the language switch's own "中文", text boxes that hold a Chinese name (a method's
 *   Chinese name);
 * - text people typed, shown as typed (`data-user-text`: a platform's description, a decision's
 *   reason, a note, who decided);
 * - proper names of data: enterprises' registered legal names (Chinese by law; they end in a legal
 *   form such as 有限公司), their registered addresses, and the account's display name.
 * Everything else — class names of GB/T 4754-2017, platform names, owner departments, document
 * citations, method texts — has an English form (docs/architecture.md, "Names in two languages").
 *
 * Chinese: no developer English — "domain guide", "§", snake_case codes, permission codes,
 * `undefined` / `null` / `NaN` / `[object …]`, untranslated i18n keys.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../src/web/locales/zh-CN.json';
import { ROUTES } from '../src/web/routes';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

const HAN = /\p{Script=Han}/u;
/** A registered enterprise name: Chinese words ending in a legal form. */
const LEGAL_NAME =
  /[\p{Script=Han}（）()·\w]+(?:有限责任公司|股份有限公司|有限公司|合伙企业|集团公司|公司|厂)/gu;
const I18N_KEY = new RegExp(`\\b(?:${Object.keys(zhCN).join('|')})\\.[a-zA-Z][\\w-]*`);
const DEVELOPER_ENGLISH: RegExp[] = [
  /domain guide/i,
  /§/,
  /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/,
  /\b[a-z]+:(?:read|write|create|update|delete|manage|run|map|publish|report)\b/,
  /\bundefined\b/,
  /\bnull\b/,
  /\bNaN\b/,
  /\[object /,
  I18N_KEY,
];

/** The visible text of the page, piece by piece, leaving out what is marked as Chinese in English. */
async function visibleText(page: Page, skipMarkedChinese: boolean): Promise<string[]> {
  return page.evaluate((skip) => {
    const out: string[] = [];
    const marked = (el: Element) => skip && el.closest('body [lang^="zh"], [data-user-text]') !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const s = (n.nodeValue ?? '').trim();
      if (!s || !el || el.closest('script, style, noscript') || marked(el)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      out.push(s);
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (marked(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v?.trim()) out.push(`[${a}] ${v.trim()}`);
      }
      const box = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text');
      if (box && (el as HTMLInputElement).value.trim() && el.checkVisibility())
        out.push(`[value] ${(el as HTMLInputElement).value.trim()}`);
    }
    return out;
  }, skipMarkedChinese);
}

interface Sample {
  platformId?: number;
  enterpriseId?: number;
  runId?: number;
  methodId?: number;
  projectId?: number;
  /** Proper names of data shown to this user: display name, enterprise addresses, its commissioner. */
  properNames: string[];
}

/** Ids for the pages with a parameter, and the data's proper names, as the logged-in user sees them. */
async function sample(page: Page): Promise<Sample> {
  return page.evaluate(async () => {
    const get = async (u: string) => {
      const r = await fetch(u);
      return r.ok ? r.json() : null;
    };
    const me = (await get('/api/auth/me')).user;
    const platforms = await get('/api/platforms?pageSize=1');
    const enterprises = await get('/api/enterprises?pageSize=1');
    const runs = await get('/api/evaluation/runs');
    const methods = await get('/api/evaluation/methods');
    const projects = await get('/api/projects?pageSize=1');
    const enterpriseId: number | undefined = me.enterpriseId ?? enterprises?.items?.[0]?.id;
    const enterprise = enterpriseId ? await get(`/api/enterprises/${enterpriseId}`) : null;
    // The enterprise's commissioner, by name on the enterprise's portal (a person's name).
    const commissioner = me.enterpriseId
      ? await get(`/api/commissioners/assignments/${me.enterpriseId}`)
      : null;
    return {
      platformId: platforms?.items?.[0]?.id,
      enterpriseId,
      runId: runs?.items?.[0]?.id,
      methodId: methods?.items?.[0]?.id,
      projectId: projects?.items?.[0]?.id,
      properNames: [me.displayName, enterprise?.address, commissioner?.current?.commissionerName].filter(
        (s): s is string => !!s,
      ),
    };
  });
}

/** The addresses of the user's pages: every route it may open, parameters filled in. */
function paths(permissions: string[], s: Sample): string[] {
  const idOf = (path: string) =>
    path.startsWith('platforms/')
      ? s.platformId
      : path.startsWith('enterprises/')
        ? s.enterpriseId
        : path.startsWith('evaluation/runs/')
          ? s.runId
          : path.startsWith('projects/')
            ? s.projectId
            : s.methodId;
  const out: string[] = [];
  for (const r of ROUTES) {
    if (r.path === '*' || (r.permission && !permissions.includes(r.permission))) continue;
    const values: Record<string, number | undefined> = {
      ':id': idOf(r.path),
      ':enterpriseId': s.enterpriseId,
    };
    const parts = r.path.split('/').map((part) => (part.startsWith(':') ? values[part] : part));
    if (parts.some((part) => part === undefined)) continue;
    out.push(`/${parts.join('/')}`);
  }
  return out;
}

async function settle(page: Page) {
  // Pages that poll never go quiet: wait a little for the network, then for the spinners.
  await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => undefined);
  await page.waitForFunction(
    () => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'),
    null,
    {
      timeout: 15_000,
    },
  );
  await page.waitForTimeout(150);
}

describe.skipIf(!chromiumPath)('language journeys', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  // The task force sees every page in both languages; the scoped roles' pages are mostly the same
  // pages on other data, so they are read in English, where their data's names show.
  for (const [user, langs] of [
    ['taskforce', ['en', 'zh-CN']],
    ['platform', ['en']],
    ['enterprise', ['en']],
  ] as const) {
    it(`${user}: no Chinese in the English UI, no developer English in the Chinese UI`, async () => {
      const page = await h.page();
      await loginAs(page, h.url, user);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      const me = await page.evaluate(() => fetch('/api/auth/me').then(async (r) => (await r.json()).user));
      const s = await sample(page);
      const visit = paths(me.permissions as string[], s);
      expect(visit.length).toBeGreaterThan(3);

      const problems: string[] = [];
      for (const lang of langs) {
        await page.evaluate((l) => localStorage.setItem('yiyuan.lang', l), lang);
        for (const path of visit) {
          await page.goto(`${h.url}${path}`);
          await settle(page);
          for (const text of await visibleText(page, lang === 'en')) {
            if (lang === 'en') {
              let rest = text.replace(LEGAL_NAME, '');
              for (const name of s.properNames) rest = rest.split(name).join('');
              if (HAN.test(rest)) problems.push(`en ${path}: ${text}`);
            } else if (DEVELOPER_ENGLISH.some((re) => re.test(text))) {
              problems.push(`zh ${path}: ${text}`);
            }
          }
          if (['/industries', '/evaluation/methods', `/evaluation/methods/${s.methodId}`].includes(path))
            await shot(page, `language-${user}-${lang}${path.replace(/\//g, '-')}`);
        }
      }
      const unique = [...new Set(problems)];
      if (unique.length > 0) console.log(`${user}:\n${unique.join('\n')}`);
      expect(unique).toEqual([]);
      await page.context().close();
    }, 600_000);
  }
});
