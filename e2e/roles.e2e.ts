/**
 * Every demo role logs in and lands where it should, with exactly its side-menu areas; a page
 * outside its permissions is the 403 page, and no landing page scrolls sideways at 1366×768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

const ROLES: { user: string; landing: RegExp; menu: string[]; forbidden: string }[] = [
  {
    user: 'taskforce',
    landing: /^\/cockpit$/,
    menu: [
      '驾驶舱',
      '规划目标',
      '平台评价',
      '链主企业',
      '招商项目',
      '项目审核',
      '产业链图谱',
      '招商路线图',
      '图谱维护',
      '统计上报',
      '园区',
      '企业',
      '服务专员',
      '走访记录',
      '企业诉求',
      '诉求类别与时限',
      '服务成效',
      '工作任务',
      '专题会议',
      '成员部门',
      '市领导联系平台',
      '消息推送',
      '亩均评价',
      '评价方法',
      '数据导入',
      '行业分类',
      '工作日历',
    ],
    forbidden: '/users',
  },
  {
    user: 'leader',
    landing: /^\/cockpit$/,
    menu: [
      '驾驶舱',
      '规划目标',
      '平台评价',
      '链主企业',
      '招商项目',
      '产业链图谱',
      '招商路线图',
      '园区',
      '企业',
      '企业诉求',
      '服务成效',
      '工作任务',
      '亩均评价',
    ],
    forbidden: '/imports',
  },
  {
    user: 'platform',
    landing: /^\/cockpit$/,
    menu: [
      '驾驶舱',
      '规划目标',
      '平台评价',
      '链主企业',
      '招商项目',
      '项目审核',
      '产业链图谱',
      '招商路线图',
      '统计上报',
      '园区',
      '企业',
      '服务专员',
      '走访记录',
      '企业诉求',
      '服务成效',
      '工作任务',
      '亩均评价',
      '数据导入',
    ],
    forbidden: '/evaluation/methods',
  },
  {
    user: 'commissioner',
    landing: /^\/platforms$/,
    menu: ['园区', '企业', '走访记录', '企业诉求', '服务成效', '亩均评价'],
    forbidden: '/services/commissioners',
  },
  {
    user: 'enterprise',
    landing: /^\/portal$/,
    menu: ['企业服务', '园区', '企业', '企业诉求', '亩均评价'],
    forbidden: '/plan',
  },
  {
    user: 'department',
    landing: /^\/requests$/,
    menu: ['企业诉求', '服务成效', '工作任务'],
    forbidden: '/enterprises',
  },
  { user: 'sysadmin', landing: /^\/system$/, menu: ['系统状态'], forbidden: '/platforms' },
  { user: 'secadmin', landing: /^\/users$/, menu: ['用户管理'], forbidden: '/audit' },
  { user: 'auditor', landing: /^\/audit$/, menu: ['审计日志'], forbidden: '/users' },
];

describe.skipIf(!chromiumPath)('roles: landing page, menu and permissions', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(ROLES)(
    '$user lands on its home with exactly its menu',
    async ({ user, landing, menu, forbidden }) => {
      const page = await h.page();
      await page.setViewportSize({ width: 1366, height: 768 });
      await loginAs(page, h.url, user);
      await page.waitForURL((u) => landing.test(u.pathname));
      const items = page.locator('.ant-layout-sider .ant-menu-item');
      await items.first().waitFor();
      expect(await items.allInnerTexts()).toEqual(menu);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await shot(page, `role-${user}-home`);

      await page.goto(`${h.url}${forbidden}`);
      await page.getByText('403').first().waitFor();
      await page.context().close();
    },
  );
});
