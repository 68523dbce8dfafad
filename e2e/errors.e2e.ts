/**
 * Errors look like errors: a list whose query failed says so and never shows its empty state, and
 * a page opened while the browser is offline says the network is the cause (and retries once
 * connected) — in Chinese and in English.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

const SERVER_FAILURE = JSON.stringify({
  error: { code: 'INTERNAL_ERROR', zh: '服务器内部错误', en: 'Internal server error' },
});

async function openMenu(page: Page, label: string) {
  await page
    .locator('.ant-layout-sider .ant-menu-item')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}

describe.skipIf(!chromiumPath)('errors: failed loads and offline navigation', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a failed enterprise list is an error, never an empty registry; offline pages name the network', async () => {
    const page = await h.page();
    const context = page.context();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => u.pathname === '/cockpit');

    // The list API fails: the alert and the table both say it failed; nothing says "暂无企业".
    await page.route('**/api/enterprises*', (r) =>
      r.fulfill({ status: 500, contentType: 'application/json', body: SERVER_FAILURE }),
    );
    await openMenu(page, '企业');
    const failed = page.getByTestId('list-load-failed');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.innerText()).toContain('列表未能加载（不是没有数据）');
    await page.getByRole('alert').filter({ hasText: '服务器内部错误' }).waitFor();
    expect(await page.getByText('暂无企业').count()).toBe(0);
    expect(await page.locator('.ant-empty').count()).toBe(0);
    await shot(page, 'errors-list-failed');

    // The server answers again: retry shows the rows.
    await page.unroute('**/api/enterprises*');
    await page
      .getByRole('alert')
      .getByRole('button', { name: /重\s*试/ })
      .click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await failed.count()).toBe(0);

    // Offline, a new page of the list (its code already loaded) fails at once with the network message.
    await context.setOffline(true);
    await page.locator('.ant-pagination-item-2').click();
    await page
      .getByRole('alert')
      .filter({ hasText: '无法连接服务器，请检查网络后重试' })
      .waitFor({ timeout: 5_000 });
    expect(await failed.count()).toBe(1);
    expect(await page.getByText('暂无企业').count()).toBe(0);

    // Offline, a page not opened before (its code cannot be downloaded): the network is named, the menu stays.
    await openMenu(page, '行业分类');
    const offline = page.getByTestId('route-offline');
    await offline.waitFor({ timeout: 10_000 });
    const text = await offline.innerText();
    expect(text).toContain('网络不通');
    expect(text).toContain('请检查网络连接');
    expect(text).not.toContain('页面出错了');
    expect(await page.locator('.ant-layout-sider .ant-menu-item').count()).toBeGreaterThan(5);
    await shot(page, 'errors-offline-page');

    // Retry while still offline says so and stays; once online, retry opens the page.
    await page.getByTestId('route-offline-retry').click();
    await page.getByText('仍无法连接网络').waitFor();
    expect(new URL(page.url()).pathname).toBe('/industries');
    await context.setOffline(false);
    await page.getByTestId('route-offline-retry').click();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('route-offline').count()).toBe(0);
    await page.locator('.ant-layout-sider .ant-menu-item-selected').filter({ hasText: '行业分类' }).waitFor();
    await context.close();
  });

  it('in English the failed list and the offline page speak English', async () => {
    const page = await h.page();
    const context = page.context();
    await context.addInitScript(() => window.localStorage.setItem('yiyuan.lang', 'en'));
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => u.pathname === '/cockpit');

    await page.route('**/api/enterprises*', (r) =>
      r.fulfill({ status: 500, contentType: 'application/json', body: SERVER_FAILURE }),
    );
    await openMenu(page, 'Enterprises');
    const failed = page.getByTestId('list-load-failed');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.innerText()).toContain('could not be loaded');
    expect(await page.locator('.ant-empty').count()).toBe(0);

    await context.setOffline(true);
    await openMenu(page, 'Evaluation methods');
    const offline = page.getByTestId('route-offline');
    await offline.waitFor({ timeout: 10_000 });
    const text = await offline.innerText();
    expect(text).toContain('Network unreachable');
    expect(text).toContain('Check your network connection');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'errors-offline-page-en');
    await context.close();
  });
});
