/**
 * Journeys through the platform registry as people use it:
 * a platform administrator sees only their platform, edits it and logs out; the task force sees
 * all 16; validation messages appear in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

// Skipped only when no Chromium exists and CI is not set; browserOrExplain() has printed why and
// how to install one (under CI=true it throws instead).
describe.skipIf(!chromiumPath)('platform registry journeys', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('platform admin logs in, sees only their platform, edits a field, logs out', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'platform');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/platforms`);
    const table = page.getByTestId('platform-table');
    await table.getByText('钱塘新区产业集聚区').waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    await expect.poll(() => page.getByText('演示数据').first().isVisible()).toBe(true);
    await shot(page, 'platform-admin-list');

    await table.getByText('钱塘新区产业集聚区').click();
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const description = page.getByLabel('简介');
    await description.waitFor();
    await description.fill('钱塘园区：生物医药与集成电路双主业（端到端测试修改）');
    await shot(page, 'platform-edit-form');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/platforms\/\d+$/);
    await page.getByText('钱塘园区：生物医药与集成电路双主业（端到端测试修改）').waitFor();
    await shot(page, 'platform-detail-after-edit');

    // Another platform's page is a 404 for this user, even by direct address.
    await page.goto(`${h.url}/platforms/2`);
    await page.getByText('404').first().waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    expect(page.url()).toContain('/login');
    await page.context().close();
  });

  it('task force sees all 16 platforms', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/platforms`);
    const table = page.getByTestId('platform-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(16);
    await page.getByText('共 16 条').waitFor();
    await shot(page, 'taskforce-platform-list');
    await page.context().close();
  });

  it('shows validation messages in Chinese, and in English after the language switch', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/platforms`);
    await page.getByTestId('platform-table').waitFor();
    await page.goto(`${h.url}/platforms/new`);
    await page.getByRole('button', { name: /创\s*建|保\s*存/ }).click();
    await page.getByText('必填').first().waitFor();
    await shot(page, 'platform-new-validation-zh');

    // The 中文 / English switch in the header.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: /Create|Save/ }).click();
    await page.getByText('Required').first().waitFor();
    await shot(page, 'platform-new-validation-en');
    await page.context().close();
  });

  it('unknown addresses show the 404 page and forbidden areas the 403 page', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'leader');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/platforms`);
    await page.getByTestId('platform-table').waitFor();
    await page.goto(`${h.url}/no-such-page`);
    await page.getByText('404').first().waitFor();
    await page.goto(`${h.url}/users`);
    await page.getByText('403').first().waitFor();
    await page.context().close();
  });
});
