/**
 * A task from a topic meeting, as people do it: the task force records a meeting and turns one of
 * its decisions into a task for 市经信局, the department user reports progress and completes it,
 * the task force reviews it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

const TITLE = '2026年第三次产业平台工作专班会议';
const DECISION = '市经信局牵头梳理亩均评价 D 类企业整治清单';

async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 60_000 }).toBe(0);
  await page.waitForTimeout(300);
}

/** Opens the task in the list's drawer and takes a step; `fill` fills its dialog (if any). */
async function step(page: Page, label: RegExp, fill?: () => Promise<void>) {
  await page.locator('.ant-drawer').getByRole('button', { name: label }).click();
  if (fill) {
    const modal = page.locator('.ant-modal').last();
    await modal.waitFor();
    await fill();
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await modal.waitFor({ state: 'hidden' });
  }
  await settled(page);
}

async function openTask(page: Page, title: string) {
  await page.goto(`${h.url}/tasks`);
  await settled(page);
  const row = page.getByTestId('task-table').locator('tr', { hasText: title });
  await row.locator('a').first().click();
  await page.locator('.ant-drawer').getByText(title).first().waitFor();
  await settled(page);
}

describe.skipIf(!chromiumPath)('a meeting decision becomes a task, done and reviewed', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('records, assigns, reports, completes and reviews', async () => {
    const desk = await h.page();
    await loginAs(desk, h.url, 'taskforce');
    await desk.waitForURL(/\/cockpit$/);
    await desk.goto(`${h.url}/meetings`);
    await settled(desk);
    await desk.getByRole('button', { name: /记录会议/ }).click();
    const form = desk.locator('.ant-modal').last();
    await form.getByLabel('会议名称').fill(TITLE);
    await form.getByLabel('会议地点').fill('市行政中心 301 会议室');
    await form.getByLabel('决定事项 1').fill(DECISION);
    await shot(desk, 'tasks-meeting-form');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    await settled(desk);
    const card = desk.locator('.ant-card', { hasText: TITLE });
    await card.getByRole('button', { name: /转为任务/ }).click();
    const taskForm = desk.locator('.ant-modal').last();
    await taskForm.locator('.ant-select').first().click();
    await desk.locator('.ant-select-item-option', { hasText: '市经信局' }).click();
    await taskForm.getByRole('radio', { name: '工作日数' }).check();
    await taskForm.getByRole('spinbutton', { name: '工作日数' }).fill('5');
    await taskForm.getByRole('button', { name: /保\s*存/ }).click();
    await taskForm.waitFor({ state: 'hidden' });
    await settled(desk);
    await card.getByText('已转任务 1 项').waitFor();
    await shot(desk, 'tasks-meetings');

    // The department reports progress and completes it.
    const dept = await (
      await h.browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
    ).newPage();
    await loginAs(dept, h.url, 'department');
    await dept.waitForURL(/\/requests$/);
    await openTask(dept, DECISION);
    await step(dept, /报送进展/, async () => {
      await dept
        .locator('.ant-modal')
        .last()
        .locator('textarea')
        .fill('已完成 D 类企业初步排查，形成清单初稿。');
      await dept.locator('.ant-modal').last().getByRole('spinbutton', { name: '完成进度' }).fill('60');
    });
    await dept.locator('.ant-drawer').getByText('已完成 D 类企业初步排查，形成清单初稿。').waitFor();
    await step(dept, /完成任务/);
    await dept.locator('.ant-drawer').getByText('已完成', { exact: true }).first().waitFor();
    await shot(dept, 'tasks-department-drawer');

    // The task force reviews it.
    await openTask(desk, DECISION);
    await step(desk, /审核通过/, async () => {
      await desk.locator('.ant-modal').last().locator('textarea').fill('同意');
    });
    await desk.locator('.ant-drawer').getByText('已审核').first().waitFor();
    await desk.locator('.ant-drawer-close').click();
    await settled(desk);
    const row = desk.getByTestId('task-table').locator('tr', { hasText: DECISION });
    await row.getByText('已审核').waitFor();
    expect(await desk.getByTestId('task-table').locator('tbody tr').count()).toBeGreaterThan(5);
    await shot(desk, 'tasks-list');
  }, 300_000);
});
