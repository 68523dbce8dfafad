/**
 * An investment project from entry to T6, as people do it: a platform administrator adds a project
 * of ≥ 10 亿元 and submits its signing (签约); the task force approves the change in the approvals
 * queue; the cockpit's computed T6 for the year rises by one. Along the way: the pipeline board,
 * the project's timeline, the analysis page and the 达产复核 list, each looked at on a laptop screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

const NAME = '年产20万套新能源汽车热管理系统总部基地项目';

async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 60_000 }).toBe(0);
  await page.waitForTimeout(300);
}

/** No sideways scrolling at 1366 wide. */
async function fitsWidth(page: Page) {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

const count = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The cockpit's T6 for its year: the target card's value and the investment card's (both computed). */
async function cockpitT6(page: Page): Promise<{ target: number; card: number }> {
  await page.goto(`${h.url}/cockpit`);
  const target = page.getByTestId('cockpit-target-value-T6');
  await target.waitFor({ timeout: 60_000 });
  const card = page.getByTestId('cockpit-projects-t6');
  await card.waitFor({ timeout: 60_000 });
  return {
    target: count(await target.innerText()),
    card: count(await card.locator('.ant-statistic-content').innerText()),
  };
}

/** Types a date into an antd date picker. */
async function typeDate(input: ReturnType<Page['getByLabel']>, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Picks an option and checks that the select shows it; a click while the list opens can miss. */
async function choose(page: Page, select: string, option: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(select).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click();
    if ((await page.getByTestId(select).innerText()).includes(option)) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`${select}: ${option} was not chosen`);
}

describe.skipIf(!chromiumPath)('a ≥ 10 亿 project is signed, approved and counted in T6', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('adds, submits 签约, approves, and the cockpit T6 rises by one', async () => {
    const desk = await h.page();
    await desk.setViewportSize({ width: 1366, height: 768 });
    await loginAs(desk, h.url, 'taskforce');
    await desk.waitForURL(/\/cockpit$/);
    // The cockpit's year (the latest year with data): the project is signed in it.
    const year = ((await (await desk.request.get(`${h.url}/api/cockpit`)).json()) as { year: number }).year;
    const before = await cockpitT6(desk);

    // The platform administrator adds the project (an outside investor) …
    const admin = await (
      await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    ).newPage();
    await loginAs(admin, h.url, 'platform');
    await admin.waitForURL(/\/cockpit$/);
    await admin.goto(`${h.url}/projects`);
    await settled(admin);
    await admin.getByTestId('project-new').click();
    await admin.waitForURL(/\/projects\/new$/);
    await settled(admin);
    await admin.getByTestId('project-name').fill(NAME);
    await admin.getByTestId('project-investor-name').fill('上海演示汽车零部件集团有限公司');
    await admin.getByTestId('project-investor-origin').fill('上海市');
    await choose(admin, 'project-industry', '智能物联');
    await admin.getByRole('spinbutton', { name: '总投资' }).fill('120000');
    await admin.getByRole('spinbutton', { name: '用地' }).fill('150');
    await choose(admin, 'project-source', '产业链招商');
    await typeDate(admin.getByLabel('线索日期'), `${year}-03-02`);
    await shot(admin, 'projects-form');
    await admin.getByTestId('project-save').click();
    await admin.waitForURL(/\/projects\/\d+$/);
    await settled(admin);
    await admin.getByTestId('project-title').getByText(NAME).waitFor();

    // … and submits its signing, which waits for approval.
    await admin.getByTestId('project-submit-change').click();
    const modal = admin.locator('.ant-modal').last();
    await modal.waitFor();
    await choose(admin, 'change-stage', '签约');
    await typeDate(modal.getByLabel('阶段日期'), `${year}-09-15`);
    await admin.getByTestId('change-note').fill('已签订投资协议。');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await settled(admin);
    const timeline = admin.getByTestId('project-timeline');
    await timeline.getByText('待审核').first().waitFor();
    await timeline.getByText('已签订投资协议。').waitFor();
    // The submitter may not decide their own change.
    expect(await admin.getByTestId('change-approve').count()).toBe(0);

    // The task force approves it in the queue.
    await desk.goto(`${h.url}/projects/approvals`);
    await settled(desk);
    const row = desk.getByTestId('approvals-table').locator('tr', { hasText: NAME });
    await row.waitFor();
    await shot(desk, 'projects-approvals');
    await row.getByRole('button', { name: /通\s*过/ }).click();
    const decide = desk.locator('.ant-modal').last();
    await decide.waitFor();
    await decide.getByRole('button', { name: /确\s*定/ }).click();
    await decide.waitFor({ state: 'hidden' });
    await settled(desk);
    expect(await desk.getByTestId('approvals-table').locator('tr', { hasText: NAME }).count()).toBe(0);

    // The project's page shows the approved signing with who approved it.
    await admin.reload();
    await settled(admin);
    await timeline.getByText('已通过').first().waitFor();
    await timeline
      .getByText(/审核通过：/)
      .first()
      .waitFor();
    await fitsWidth(admin);
    await shot(admin, 'projects-timeline');

    // The cockpit's T6 for the year counts it: the target card and the investment card.
    const after = await cockpitT6(desk);
    expect(after.target).toBe(before.target + 1);
    expect(after.card).toBe(before.card + 1);
    await shot(desk, 'projects-cockpit');
  }, 300_000);

  it('board, analysis and 达产复核 fit a laptop screen', async () => {
    const page = await h.page();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL(/\/cockpit$/);

    await page.goto(`${h.url}/projects?view=board`);
    await page.getByTestId('project-board').waitFor();
    await settled(page);
    expect(await page.locator('[data-testid^="project-card-"]').count()).toBeGreaterThan(5);
    await fitsWidth(page);
    await shot(page, 'projects-board');

    await page.goto(`${h.url}/projects`);
    await page.getByTestId('project-table').locator('tbody tr.ant-table-row').first().waitFor();
    await fitsWidth(page);
    await shot(page, 'projects-table');

    await page.goto(`${h.url}/projects/analysis`);
    await page.getByTestId('projects-funnel').locator('canvas').waitFor();
    await page.getByTestId('analysis-platforms').locator('tbody tr.ant-table-row').first().waitFor();
    await page.waitForTimeout(1200);
    await fitsWidth(page);
    await shot(page, 'projects-analysis');
    // T6 of a platform opens the projects it counts.
    await page.locator('[data-testid^="t6-"]').first().click();
    await page.waitForURL(/\/projects\?majorYear=\d{4}&platformId=\d+/);

    await page.goto(`${h.url}/projects/commitments`);
    await page.getByTestId('commitments-summary').waitFor();
    await settled(page);
    expect(
      await page.getByTestId('commitments-table').locator('tbody tr.ant-table-row').count(),
    ).toBeGreaterThan(0);
    await fitsWidth(page);
    await shot(page, 'projects-commitments');

    await page.goto(`${h.url}/projects/stalls`);
    await page.getByTestId('stalls-table').waitFor();
    await settled(page);
    await fitsWidth(page);
    await shot(page, 'projects-stalls');
  }, 300_000);
});
