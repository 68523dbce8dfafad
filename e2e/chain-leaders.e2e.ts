/**
 * Chain leaders and reported statistics: the task force confirms a candidate with a reason, and a
 * platform administrator reports a figure nobody can compute (≥10亿 projects), which the cockpit
 * then shows (in place of the demo platform's own report).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

// Skipped only without Chromium outside CI; browserOrExplain() printed why (under CI=true it throws).
describe.skipIf(!chromiumPath)('chain leaders and reported statistics', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the task force confirms a chain-leader candidate with a reason', async () => {
    const page = await h.page();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const list = await page.request.get(`${h.url}/api/chain-leaders?year=2025&status=pending&pageSize=5`);
    const pending = (await list.json()) as { items: { enterpriseId: number; name: string }[] };
    expect(pending.items.length).toBeGreaterThan(0);
    const firm = pending.items[0]!;

    await page.goto(`${h.url}/chain-leaders?year=2025`);
    await page.getByTestId('chain-candidate-table').waitFor();
    await page.getByTestId(`chain-confirm-${firm.enterpriseId}`).click();
    // The reason is required.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await page.getByText('请填写').first().waitFor();
    await page
      .getByTestId('chain-decision-reason')
      .fill('系统集成能力强，带动上下游配套企业 30 余家（端到端测试）');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const res = await page.request.get(
          `${h.url}/api/chain-leaders/decisions?enterpriseId=${firm.enterpriseId}`,
        );
        return ((await res.json()) as { decision: string; reason: string }[])[0]?.decision;
      })
      .toBe('confirmed');
    await shot(page, 'chain-leaders');
  });

  it('a platform administrator reports ≥10亿 projects and the cockpit shows them', async () => {
    const page = await h.page();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, h.url, 'platform');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/platform-stats?year=2025`);
    await page.getByTestId('platform-stats-table').waitFor();
    await page.getByTestId('value-majorProjects').fill('4');
    await page.getByTestId('stats-save').click();
    await page
      .getByText(/已保存|保存成功/)
      .first()
      .waitFor();
    await shot(page, 'platform-stats');

    await page.goto(`${h.url}/cockpit?year=2025`);
    const card = page.getByTestId('cockpit-target-T6');
    await card.waitFor();
    await expect
      .poll(async () => card.getByTestId('cockpit-target-value-T6').innerText())
      .toMatch(/(^|\D)4(\D|$)/);
  });
});
