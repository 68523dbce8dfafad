/**
 * The service loop through the enterprise's own portal: the enterprise user, on a 390×844 phone,
 * lands on its portal and raises a request with a photo attached; its own service commissioner
 * accepts it and hands it to 市经信局; the department user starts, answers and closes it; the
 * enterprise rates it 满意 on the phone — and the task force's cockpit closure rate moves from
 * closed ÷ received to (closed + 1) ÷ (received + 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { formatPercent } from '../src/web/lib/format';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

const TITLE = '厂区门口道路积水影响货车进出';
const ANSWER = '已协调区住建局疏通排水管网，本周内完成。';
/** The smallest PNG: a 1×1 pixel, as a phone's camera would send a photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 60_000 }).toBe(0);
  await page.waitForTimeout(300);
}

/** No sideways scrolling: the document is no wider than the window. */
async function noSidewaysScroll(page: Page, where: string) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${where}: scrollWidth ${scroll} > innerWidth ${inner}`).toBeLessThanOrEqual(inner);
}

/** Takes a step through its button and dialog; `fill` fills the dialog first. */
async function takeStep(page: Page, label: RegExp, fill?: () => Promise<void>) {
  await page.getByTestId('request-actions').getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 10_000 });
  if (fill) await fill();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await settled(page);
}

/** The closure rate the cockpit's requests card shows, as text ("66.7%"). */
async function cockpitClosure(page: Page): Promise<string> {
  await page.goto(`${h.url}/cockpit`);
  const card = page.getByTestId('cockpit-requests');
  await card.waitFor({ timeout: 60_000 });
  await settled(page);
  return (
    await card.getByTestId('cockpit-requests-closure').locator('.ant-statistic-content').innerText()
  ).trim();
}

interface Stats {
  received: number;
  closed: number;
  closureRate: number | null;
}

/** As the cockpit shows a ratio. */
const percent = (ratio: number) => formatPercent(ratio);

describe.skipIf(!chromiumPath)('the service loop through the enterprise portal', () => {
  let phone: BrowserContext;
  let firm: Page;
  let desk: Page;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
    phone = await h.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    firm = await phone.newPage();
    desk = await h.page();
  }, 120_000);
  afterAll(async () => {
    await phone?.close();
    await h?.close();
  });

  it('raise on the phone → commissioner hands it on → department closes → 满意 → the closure rate moves', async () => {
    // The task force reads the cockpit's closure rate first (and the figures behind it).
    await loginAs(desk, h.url, 'taskforce');
    await desk.waitForURL(/\/cockpit$/);
    const stats = async () => (await (await desk.request.get(`${h.url}/api/requests/stats`)).json()) as Stats;
    const before = await stats();
    const shownBefore = await cockpitClosure(desk);
    if (before.closureRate !== null) expect(shownBefore).toBe(percent(before.closureRate));

    // The enterprise lands on its portal on the phone: record, commissioner, figures, requests.
    await loginAs(firm, h.url, 'enterprise');
    await firm.waitForURL(/\/portal$/);
    await settled(firm);
    for (const part of ['portal-record', 'portal-commissioner', 'portal-requests', 'portal-years'])
      await firm.getByTestId(part).waitFor();
    const enterpriseId = (
      (await (await firm.request.get(`${h.url}/api/auth/me`)).json()) as { user: { enterpriseId: number } }
    ).user.enterpriseId;
    const history = (await (
      await desk.request.get(`${h.url}/api/commissioners/assignments/${enterpriseId}`)
    ).json()) as { current: { commissionerUsername: string; commissionerName: string } | null };
    expect(history.current, 'the demo enterprise has a commissioner').not.toBeNull();
    await firm.getByTestId('portal-commissioner').getByText(history.current!.commissionerName).waitFor();
    await noSidewaysScroll(firm, 'portal');
    await shot(firm, 'portal-phone');

    // It raises a request from the portal, with a photo from the phone.
    await firm.getByTestId('portal-raise').tap();
    await firm.waitForURL(/\/requests\/new$/);
    await settled(firm);
    await firm.getByTestId('category-select').click();
    await firm.locator('.ant-select-item-option', { hasText: '基础设施' }).click();
    await firm.getByLabel('标题').fill(TITLE);
    await firm.getByLabel('诉求内容').fill('厂区门口道路雨后积水 30 厘米，货车无法进出，影响发货。');
    await firm
      .locator('input[type=file]')
      .setInputFiles({ name: '积水现场.png', mimeType: 'image/png', buffer: PNG });
    await firm.getByText('积水现场.png').waitFor();
    await noSidewaysScroll(firm, 'new request');
    await firm.getByRole('button', { name: /提交诉求/ }).click();
    await firm.waitForURL(/\/requests\/\d+$/);
    const requestPath = new URL(firm.url()).pathname;
    await settled(firm);
    await firm.getByText('待受理').first().waitFor();
    await firm.getByText('积水现场.png').waitFor();
    await noSidewaysScroll(firm, 'request detail');

    // Its commissioner accepts it and hands it to 市经信局.
    const commissioner = await h.page();
    await loginAs(commissioner, h.url, history.current!.commissionerUsername);
    await commissioner.waitForURL(/\/platforms$/);
    await commissioner.goto(`${h.url}${requestPath}`);
    await settled(commissioner);
    await takeStep(commissioner, /受\s*理/);
    await takeStep(commissioner, /交\s*办/, async () => {
      await commissioner.getByTestId('department-select').click();
      await commissioner.locator('.ant-select-item-option', { hasText: '市经信局' }).click();
    });
    await commissioner.getByText('已交办').first().waitFor();
    // It dispatches only: no handling step is offered to it now.
    expect(await commissioner.getByTestId('request-actions').getByRole('button').allInnerTexts()).toEqual([
      '转 办',
    ]);

    // The department starts, answers and closes it.
    const dept = await h.page();
    await loginAs(dept, h.url, 'department');
    await dept.waitForURL(/\/requests$/);
    await dept.goto(`${h.url}${requestPath}`);
    await settled(dept);
    await takeStep(dept, /开始处置/);
    await takeStep(dept, /反\s*馈/, async () => {
      await dept.getByRole('dialog').locator('textarea').fill(ANSWER);
    });
    await takeStep(dept, /办\s*结/);
    await dept.getByText('已办结').first().waitFor();

    // The enterprise follows it on the phone: the list, then the timeline; it rates it 满意.
    await firm.goto(`${h.url}/requests`);
    await settled(firm);
    await firm.getByText(TITLE).first().waitFor();
    await noSidewaysScroll(firm, 'request list');
    await shot(firm, 'portal-phone-requests');
    await firm.goto(`${h.url}${requestPath}`);
    await settled(firm);
    await firm.getByText(ANSWER).first().waitFor();
    await takeStep(firm, /评\s*价/, async () => {
      await firm.getByRole('dialog').getByText('满意', { exact: true }).click();
      await firm.getByRole('dialog').locator('textarea').fill('处理及时，感谢服务专员');
    });
    await firm.getByText('已评价').first().waitFor();
    const timeline = firm.getByTestId('request-timeline');
    // 提交, 受理, 交办, 开始处置, 反馈, 办结, 评价.
    expect(await timeline.locator('.ant-timeline-item').count()).toBe(7);
    await timeline.getByText(history.current!.commissionerName).first().waitFor();
    await noSidewaysScroll(firm, 'rated request');
    await shot(firm, 'portal-phone-timeline');

    // Back on the portal, the request shows as rated.
    await firm.goto(`${h.url}/portal`);
    await settled(firm);
    await firm.getByTestId('portal-requests').getByText(TITLE).waitFor();
    await firm.getByTestId('portal-requests').getByText('已评价').first().waitFor();
    await noSidewaysScroll(firm, 'portal after rating');

    // It flags a figure of 2025 as wrong on the phone; the task force resolves it with a note on
    // the enterprise page, and the portal shows how.
    const year = firm.getByTestId('portal-year-2025');
    await year.getByTestId('portal-flag-open-2025').tap();
    const flagDialog = firm.getByRole('dialog');
    await flagDialog.locator('.ant-select').click();
    await firm.locator('.ant-select-item-option', { hasText: '税收' }).click();
    await flagDialog.locator('textarea').fill('税收应扣除出口退税 120 万元');
    await flagDialog.getByRole('button', { name: /提交反馈/ }).click();
    await flagDialog.waitFor({ state: 'hidden' });
    await year.getByText('税收应扣除出口退税 120 万元').waitFor();
    await year.getByText('待处理').waitFor();
    await noSidewaysScroll(firm, 'portal with a flag');
    await desk.goto(`${h.url}/enterprises/${enterpriseId}?tab=flags`);
    await settled(desk);
    await desk.getByTestId('enterprise-flags').getByText('税收应扣除出口退税 120 万元').waitFor();
    await desk
      .getByTestId('enterprise-flags')
      .getByRole('button', { name: /处\s*理/ })
      .first()
      .click();
    await desk.getByRole('dialog').locator('textarea').fill('已与税务数据核对，更正为扣除退税后的金额');
    await desk
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await desk.getByRole('dialog').waitFor({ state: 'hidden' });
    await desk
      .getByTestId('enterprise-flags')
      .getByText('已与税务数据核对，更正为扣除退税后的金额')
      .waitFor();
    await shot(desk, 'portal-flag-resolved-desk');
    await firm.reload();
    await settled(firm);
    await year.getByText('已与税务数据核对，更正为扣除退税后的金额').waitFor();
    await shot(firm, 'portal-phone-flag-resolved');

    // The cockpit: closure rate = closed ÷ received, one more of each.
    const after = await stats();
    expect(after.received).toBe(before.received + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.closureRate).toBeCloseTo((before.closed + 1) / (before.received + 1), 10);
    const shownAfter = await cockpitClosure(desk);
    expect(shownAfter).toBe(percent(after.closureRate!));
    if (before.closureRate !== null && before.closureRate < 1) expect(shownAfter).not.toBe(shownBefore);
    await shot(desk, 'portal-cockpit-requests');
  }, 300_000);

  it('the portal fits at desktop width too', async () => {
    const wide = await h.page();
    await loginAs(wide, h.url, 'enterprise');
    await wide.waitForURL(/\/portal$/);
    await settled(wide);
    await wide.getByTestId('portal-years').waitFor();
    await noSidewaysScroll(wide, 'portal at 1366');
    await shot(wide, 'portal-desktop');
  }, 120_000);
});
