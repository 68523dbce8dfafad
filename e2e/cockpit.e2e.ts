/**
 * The cockpit (驾驶舱) journey: the task force opens the city cockpit, finds every target of the
 * 2022–2025 plan with a value or an honest "暂无数据", looks at it on a large screen and a laptop,
 * drills down from a number to the enterprises behind it and exports a PNG; a platform
 * administrator sees their own platform's cockpit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

/** Screenshot once the charts' entry animation (about 1 s) is over, from the top of the page. */
async function chartShot(page: Page, name: string) {
  await page.waitForTimeout(1200);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

async function openCockpit(page: Page) {
  await page.goto(`${h.url}/cockpit`);
  await page.getByTestId('cockpit-ranking').waitFor();
  await page.getByTestId('cockpit-targets').waitFor();
}

/** The target codes of the period the cockpit shows (from the API, with the page's session). */
async function targetCodes(page: Page): Promise<string[]> {
  const res = await page.request.get(`${h.url}/api/cockpit`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { targets: { target: { code: string } }[] };
  return body.targets.map((c) => c.target.code);
}

// Skipped only without Chromium outside CI; browserOrExplain() printed why (under CI=true it throws).
describe.skipIf(!chromiumPath)('cockpit journey', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('task force: every target card, two screen sizes, drill-down to enterprises, PNG export', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openCockpit(page);
    await page.getByTestId('cockpit-title').getByText('全市驾驶舱').waitFor();

    // The 2022–2025 plan: T1–T12 and the 2023 zone targets Z1–Z3, each with a value or "暂无数据".
    const codes = await targetCodes(page);
    expect(codes).toEqual(expect.arrayContaining(['T1', 'T2', 'T9', 'T12', 'Z1', 'Z3']));
    for (const code of codes) {
      const card = page.getByTestId(`cockpit-target-${code}`);
      await card.waitFor();
      const hasValue = (await card.getByTestId(`cockpit-target-value-${code}`).count()) === 1;
      if (!hasValue) await card.getByText('暂无数据').first().waitFor();
      const status = await page.getByTestId(`cockpit-target-status-${code}`).getAttribute('data-status');
      expect(['on_track', 'at_risk', 'off_track', 'no_data']).toContain(status);
    }
    // T1 is computed from the enterprises; T6 (major projects) from the demo project registry.
    await page.getByTestId('cockpit-target-value-T1').waitFor();
    await page.getByTestId('cockpit-target-value-T6').waitFor();
    await expect
      .poll(() => page.getByTestId('cockpit-target-status-T6').getAttribute('data-status'))
      .not.toBe('no_data');

    // Ranking (16 platforms), clusters and bubbles.
    expect(await page.getByTestId('cockpit-ranking').locator('tbody tr.ant-table-row').count()).toBe(16);
    await page.getByTestId('cockpit-clusters-chart').locator('canvas').waitFor();
    await page.getByTestId('cockpit-bubbles-chart').locator('canvas').waitFor();
    await page
      .getByTestId('cockpit-clusters')
      .getByText(/T4 \/ T5/)
      .waitFor();
    await chartShot(page, 'cockpit-1920');

    // The ranking reads by rank: 1 first.
    const ranks = await page
      .getByTestId('cockpit-ranking')
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((r) => Number(/\d+/.exec(r.lastElementChild?.textContent ?? '')?.[0])));
    expect(ranks.filter((r) => !Number.isNaN(r))).toEqual(
      [...ranks].filter((r) => !Number.isNaN(r)).sort((a, b) => a - b),
    );
    expect(ranks[0]).toBe(1);

    // A laptop (1366 × 768): the 15 cards, five a row, all in the first screen; no sideways scrolling.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const boxes = await page
      .locator('[data-testid^="cockpit-target-"][data-state]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(codes.length);
    for (const b of boxes) {
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.bottom).toBeLessThanOrEqual(768);
      expect(b.right).toBeLessThanOrEqual(1366);
    }
    expect(Math.round(boxes[0]!.top)).toBe(Math.round(boxes[4]!.top));
    expect(boxes[5]!.top).toBeGreaterThan(boxes[0]!.top);
    await chartShot(page, 'cockpit-1366');

    // Drill-down: T1's value lists the enterprises behind it, linked to their records.
    await page.getByTestId('cockpit-target-value-T1').click();
    const drill = page.getByTestId('cockpit-drill');
    await drill.waitFor();
    await drill.getByText('产业平台产值 · 全市').waitFor();
    const firms = drill.getByTestId('cockpit-drill-enterprise');
    await firms.first().waitFor();
    expect(await firms.count()).toBeGreaterThan(5);
    expect(await firms.first().getAttribute('href')).toMatch(/^\/enterprises\/\d+$/);
    await drill.getByText(/共 [\d,]+ 条/).waitFor();
    await shot(page, 'cockpit-drill');
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });

    // A platform's number in the ranking: the platform's own enterprises.
    const ranking = page.getByTestId('cockpit-ranking');
    await ranking.locator('[data-testid^="cockpit-ranking-above_scale_firms-"]').first().click();
    await drill.waitFor();
    await drill.getByTestId('cockpit-drill-enterprise').first().waitFor();
    await drill.getByText('规上工业企业数 ·', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });

    // PNG for the meeting: a picture of the cockpit, drawn in the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByTestId('cockpit-export-png').click({ noWaitAfter: true }),
    ]);
    expect(download.suggestedFilename()).toMatch(/^驾驶舱-\d{4}-全市\.png$/);
    await page.getByTestId('cockpit-export-pdf').waitFor();
    await page.context().close();
  });

  it('cards on screen soon after opening the cockpit from the menu (target 1.5 s; the figure is printed)', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${h.url}/plan`);
    await page.getByRole('menuitem', { name: '驾驶舱' }).waitFor();
    await page.waitForLoadState('networkidle');
    // Timed in the page: from the click on the menu entry to the 15 cards laid out.
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        () => ((window as unknown as { clickAt: number }).clickAt = performance.now()),
        {
          capture: true,
          once: true,
        },
      );
    });
    await page.getByRole('menuitem', { name: '驾驶舱' }).click();
    const measured = await page.waitForFunction(
      () => {
        const cards = [...document.querySelectorAll('[data-testid^="cockpit-target-"][data-state]')];
        const shown = cards.filter((c) => c.getBoundingClientRect().height > 0).length;
        return shown === 15 ? performance.now() - (window as unknown as { clickAt: number }).clickAt : false;
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    const ms = Math.round((await measured.jsonValue()) as number);
    console.log(`cockpit: 15 target cards on screen ${ms} ms after the menu click`);
    // The target is 1.5 s on a quiet machine (docs/cockpit.md). The bound asserted here is looser
    // because this journey shares two cores with the browser and the server; it still catches
    // cards that wait for the charts (about 14 s before they were decoupled).
    expect(ms).toBeLessThan(5000);
    await page.context().close();
  });

  it('large screen: one 1920 × 1080 screen without scroll bars, refresh, full screen, back', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openCockpit(page);
    await page.getByTestId('cockpit-open-screen').click();
    await page.waitForURL((u) => u.pathname === '/cockpit/screen');
    const screen = page.getByTestId('cockpit-screen');
    await screen.waitFor();
    // No application frame: the screen is the whole window.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.getByTestId('cockpit-screen-title').getByText('全市数字驾驶舱').waitFor();
    await page
      .getByTestId('cockpit-screen-updated')
      .getByText(/数据更新于 .*（北京时间）/)
      .waitFor();
    const rows = page.getByTestId('cockpit-screen-ranking').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(16);
    await page.getByTestId('cockpit-clusters-chart').locator('canvas').waitFor();
    await page.getByTestId('cockpit-bubbles-chart').locator('canvas').waitFor();
    await page.waitForTimeout(1200);
    const size = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
    }));
    expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
    // Everything is on the screen, not cut off: the 15 cards and the ranking's last row.
    const cards = await page
      .locator('[data-testid^="cockpit-target-"][data-state]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
    expect(cards).toHaveLength(15);
    for (const bottom of cards) expect(bottom).toBeLessThanOrEqual(1080);
    const lastRow = await rows.last().boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(1080);
    const panel = await page.getByTestId('cockpit-ranking').boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(panel!.y + panel!.height);
    // Ranked 1 first.
    const ranks = await page
      .getByTestId('cockpit-screen-rank')
      .evaluateAll((els) => els.map((e) => Number(/\d+/.exec(e.textContent ?? '')?.[0])));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    await shot(page, 'cockpit-screen-1920');

    // The refresh interval lives in the address.
    await page.getByTestId('cockpit-screen-refresh').click();
    await page.getByTitle('每 5 分钟刷新').click();
    await page.waitForURL((u) => u.searchParams.get('refresh') === '300');

    // F toggles full screen (the Fullscreen API), and so does the button.
    await page.locator('body').click({ position: { x: 960, y: 20 } });
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect
      .poll(() => page.getByTestId('cockpit-screen-fullscreen').getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByTestId('cockpit-screen-fullscreen').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);

    // Back to the normal cockpit, with the frame.
    await page.getByTestId('cockpit-screen-exit').click();
    await page.waitForURL((u) => u.pathname === '/cockpit' && !u.searchParams.has('refresh'));
    await page.locator('.ant-layout-sider').waitFor();
    await page.getByTestId('cockpit-targets').waitFor();
    await page.context().close();
  });

  it('PDF: two A4 pages, the cards on the first, the charts and the whole ranking on the second', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.setViewportSize({ width: 1366, height: 768 });
    await openCockpit(page);
    await page.getByTestId('cockpit-bubbles-chart').locator('canvas').waitFor();
    await page.waitForTimeout(1200);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(2);
    await page.context().close();
  });

  it('platform admin sees their own platform cockpit', async () => {
    const page = await h.page();
    await loginAs(page, h.url, 'platform');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await openCockpit(page);
    await page.getByTestId('cockpit-own-platform').getByText('钱塘新区产业集聚区').waitFor();
    await page.getByTestId('cockpit-title').getByText('钱塘新区产业集聚区驾驶舱').waitFor();
    expect(await page.getByTestId('cockpit-platform').count()).toBe(0);
    // City-wide parts are not shown; the ranking is the platform's own row.
    expect(await page.getByTestId('cockpit-clusters').count()).toBe(0);
    expect(await page.getByTestId('cockpit-ranking').locator('tbody tr.ant-table-row').count()).toBe(1);
    // Totals are the platform's part of the city; rates are assessed.
    await expect
      .poll(() => page.getByTestId('cockpit-target-T1').getAttribute('data-state'))
      .toBe('platform_share');
    await page
      .getByTestId('cockpit-target-T1')
      .getByText(/占全市/)
      .waitFor();
    await expect
      .poll(() => page.getByTestId('cockpit-target-status-T1').getAttribute('data-status'))
      .toBe('not_applicable');
    const z1 = await page.getByTestId('cockpit-target-status-Z1').getAttribute('data-status');
    expect(['on_track', 'at_risk', 'off_track']).toContain(z1);
    await chartShot(page, 'cockpit-platform');

    // Drill-down stays within the platform.
    await page.getByTestId('cockpit-target-value-Z1').click();
    const drill = page.getByTestId('cockpit-drill');
    await drill.getByTestId('cockpit-drill-enterprise').first().waitFor();
    await drill.getByText('亩均税收（规上） · 钱塘新区产业集聚区').waitFor();
    await page.context().close();
  });
});
