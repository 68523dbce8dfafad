/**
 * The industrial-chain map: the task force opens one industry's map, sees its nodes coloured by
 * strength with the rules on the page, clicks a node and opens one of its enterprises; a platform
 * administrator sees its own platform's roadmap. No page scrolls sideways at 1366 wide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

type NodeView = { code: string; rating: string; enterprises: number };

// Skipped only without Chromium outside CI; browserOrExplain() printed why (under CI=true it throws).
describe.skipIf(!chromiumPath)('industrial-chain map', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens an industry map, sees coloured nodes, clicks a node and opens an enterprise', async () => {
    const page = await h.page();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const res = await page.request.get(`${h.url}/api/chain-map/view?industry=smart_iot`);
    const view = (await res.json()) as { nodes: NodeView[] };
    // The demo city gives the map a mix of ratings.
    const ratings = new Set(view.nodes.map((n) => n.rating));
    expect([...ratings].sort()).toEqual(['missing', 'strong', 'weak']);
    const node = view.nodes.find((n) => n.enterprises > 0 && n.rating === 'strong')!;

    await page.goto(`${h.url}/chain-map?industry=smart_iot`);
    await page.getByTestId('chain-tree').locator('canvas').first().waitFor();
    await page.getByTestId('rating-rules').getByText('比重低于 5%', { exact: false }).waitFor();
    for (const r of ['strong', 'weak', 'missing']) await page.getByTestId(`legend-${r}`).waitFor();
    // The page does not scroll sideways.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide).toBeLessThanOrEqual(0);
    await shot(page, 'chain-map');

    await page.getByTestId(`node-${node.code}`).click();
    const panel = page.getByTestId('node-panel');
    await panel.getByTestId('node-rating').waitFor();
    expect(await panel.getByTestId('node-rating').innerText()).toBe('强');
    await shot(page, 'chain-map-node');
    const link = panel.getByTestId('node-enterprise-link').first();
    const name = await link.innerText();
    await link.click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    await page.getByText(name).first().waitFor();
  });

  it('a platform administrator sees its own roadmap with targets', async () => {
    const page = await h.page();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, h.url, 'platform');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/chain-map/targets`);
    await page.getByTestId('roadmap-integrated_circuits').waitFor();
    await page.getByText('（演示）').first().waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide).toBeLessThanOrEqual(0);
    await shot(page, 'chain-roadmap');
  });
});
