/**
 * The task force makes its own evaluation method from the published Huangyan 2022 example:
 * a changed weight shows the sum is off, the fix shows 100, and the method saves as version 1 of
 * a new key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

describe.skipIf(!chromiumPath)('evaluation method journeys', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('task force creates a method from a preset, fixes the weights and saves version 1', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/evaluation/methods`);
    const table = page.getByTestId('method-table');
    await table.getByText('huangyan-2022').waitFor();
    await page.getByTestId('preset-huangyan-2022').waitFor();
    await shot(page, 'methods-list');

    await page.getByTestId('preset-new-huangyan-2022').click();
    await page.waitForURL(/\/evaluation\/methods\/new\?from=huangyan-2022$/);
    await page.getByText('以预置方法“黄岩区亩均效益评价（2022 年数据）”（公开示例）为起点新建。').waitFor();
    // No key yet: the problem list says so and saving is not possible.
    await page.getByTestId('method-problems').getByText('方法编码').waitFor();
    expect(await page.getByTestId('method-save').isDisabled()).toBe(true);

    await page.getByRole('tab', { name: /评价组/ }).click();
    const weight = page.getByTestId('weight-0-0');
    await weight.fill('35');
    const sum = page.getByTestId('weight-sum-0');
    await expect.poll(() => sum.getAttribute('data-sum')).toBe('105');
    await expect.poll(() => sum.textContent()).toContain('通常为 100');
    await shot(page, 'method-editor-weight-warning');

    await weight.fill('30');
    await expect.poll(() => sum.getAttribute('data-sum')).toBe('100');
    await expect.poll(() => sum.textContent()).toBe('权重合计 100');

    await page.getByTestId('method-key').fill('my-district');
    await page.getByText('新编码：保存为第 1 版').waitFor();
    await page.getByTestId('method-note').fill('按本区 2024 年文件调整');
    await expect
      .poll(() => page.getByTestId('method-status').textContent())
      .toBe('可以保存：my-district 第 1 版');
    await shot(page, 'method-editor');

    await page.getByTestId('method-save').click();
    await page.waitForURL(/\/evaluation\/methods\/\d+$/);
    await expect.poll(() => page.getByTestId('method-key-version').textContent()).toBe('my-district v1');
    await shot(page, 'method-view');

    await page.goto(`${h.url}/evaluation/methods`);
    const row = page.getByTestId('method-table').locator('tr', { hasText: 'my-district' });
    await row.waitFor();
    expect(await row.textContent()).toContain('v1');
    expect(await row.textContent()).toContain('huangyan-2022');
    await shot(page, 'methods-list-after-save');
    await page.context().close();
  });

  it('shows the editor in English after the language switch', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/evaluation/methods/new?from=zhejiang-default`);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: /Cohorts/ }).click();
    await expect.poll(() => page.getByTestId('weight-sum-0').textContent()).toBe('Weights add up to 100');
    await page.getByTestId('weight-0-1').fill('');
    await page.getByTestId('method-problems').getByText('Enter a number').waitFor();
    await shot(page, 'method-editor-en');
    await page.context().close();
  });
});
