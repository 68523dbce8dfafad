/**
 * An enterprise request's closed loop, as people do it: the enterprise raises it on its phone
 * (390×844), the task force accepts it and hands it to 市经信局, the department user answers and
 * closes it, the enterprise rates it on its phone — and the year's closure rate moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserOrExplain, DEMO_PASSWORD, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

interface Stats {
  received: number;
  closed: number;
  closureRate: number | null;
}

async function statsAs(context: BrowserContext, username: string): Promise<Stats> {
  await context.request.post(`${h.url}/api/auth/login`, {
    headers: { 'X-CSRF-Token': '1' },
    data: { username, password: DEMO_PASSWORD },
  });
  return (await (await context.request.get(`${h.url}/api/requests/stats`)).json()) as Stats;
}

async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 60_000 }).toBe(0);
  await page.waitForTimeout(300);
}

/** Takes a step through its button and dialog; `fill` fills the dialog first. */
async function takeStep(page: Page, label: RegExp, fill?: () => Promise<void>) {
  await page.getByTestId('request-actions').getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 10_000 }).catch(async (e: unknown) => {
    await shot(page, 'requests-step-failed');
    throw e;
  });
  if (fill) await fill();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await settled(page);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe.skipIf(!chromiumPath)('an enterprise request from phone to rating', () => {
  let phone: BrowserContext;
  let firm: Page;
  let requestPath = '';

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    phone = await h.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    firm = await phone.newPage();
  }, 120_000);
  afterAll(async () => {
    await phone?.close();
    await h?.close();
  });

  it('runs the closed loop and moves the closure rate', async () => {
    const watcher = await h.browser.newContext();
    const before = await statsAs(watcher, 'taskforce');

    // The enterprise raises a request on its phone.
    await loginAs(firm, h.url, 'enterprise');
    await firm.waitForURL(/\/portal$/);
    await firm.goto(`${h.url}/requests/new`);
    await settled(firm);
    await noSidewaysScroll(firm);
    await firm.getByTestId('category-select').click();
    await firm.locator('.ant-select-item-option', { hasText: '人才' }).click();
    await firm.getByLabel('标题').fill('新引进研发人员的人才公寓');
    await firm.getByLabel('诉求内容').fill('今年新引进研发人员 12 名，希望申请园区人才公寓。');
    await shot(firm, 'requests-phone-new');
    await firm.getByRole('button', { name: /提交诉求/ }).click();
    await firm.waitForURL(/\/requests\/\d+$/);
    requestPath = new URL(firm.url()).pathname;
    await settled(firm);
    await firm.getByText('待受理').first().waitFor();
    await noSidewaysScroll(firm);

    // The task force accepts it and hands it to 市经信局.
    const desk = await h.page();
    await loginAs(desk, h.url, 'taskforce');
    await desk.waitForURL(/\/cockpit$/);
    await desk.goto(`${h.url}/requests`);
    await settled(desk);
    await desk.getByText('新引进研发人员的人才公寓').waitFor();
    await shot(desk, 'requests-list');
    await desk.goto(`${h.url}${requestPath}`);
    await settled(desk);
    await takeStep(desk, /受\s*理/, async () => {
      await desk.getByText('复杂诉求').click();
    });
    await takeStep(desk, /交\s*办/, async () => {
      await desk.getByTestId('department-select').click();
      await desk.locator('.ant-select-item-option', { hasText: '市经信局' }).click();
    });
    await desk.getByText('已交办').first().waitFor();

    // The department starts, answers and closes it.
    const dept = await (
      await h.browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
    ).newPage();
    await loginAs(dept, h.url, 'department');
    await dept.waitForURL(/\/requests$/);
    await settled(dept);
    await dept.getByText('新引进研发人员的人才公寓').waitFor();
    await dept.getByRole('link', { name: /^QS-/ }).first().click();
    await dept.waitForURL(/\/requests\/\d+$/);
    await settled(dept);
    await takeStep(dept, /开始处置/);
    await takeStep(dept, /反\s*馈/, async () => {
      await dept.getByRole('dialog').locator('textarea').fill('已协调人才公寓 12 套，下周可办理入住。');
    });
    await takeStep(dept, /办\s*结/);
    await dept.getByText('已办结').first().waitFor();
    await shot(dept, 'requests-timeline');

    // The enterprise rates it on its phone.
    await firm.goto(`${h.url}${requestPath}`);
    await settled(firm);
    await firm.getByText('已协调人才公寓 12 套，下周可办理入住。').first().waitFor();
    await takeStep(firm, /评\s*价/, async () => {
      await firm.getByRole('dialog').getByText('满意', { exact: true }).click();
    });
    await firm.getByText('已评价').first().waitFor();
    await noSidewaysScroll(firm);
    await shot(firm, 'requests-phone-rated');
    expect(await firm.getByTestId('request-timeline').locator('.ant-timeline-item').count()).toBe(7);

    const after = await statsAs(watcher, 'taskforce');
    expect(after.received).toBe(before.received + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.closureRate).not.toBe(before.closureRate);
    await watcher.close();
  }, 300_000);
});
