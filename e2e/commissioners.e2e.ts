/**
 * Service commissioners: a platform administrator gives one of its enterprises to one of its
 * commissioners; the commissioner logs in, sees that enterprise (and not a colleague's) and records
 * a visit to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

// Skipped only without Chromium outside CI; browserOrExplain() printed why (under CI=true it throws).
describe.skipIf(!chromiumPath)('service commissioners', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a platform admin assigns; the commissioner sees only its enterprises and records a visit', async () => {
    const admin = await h.page();
    await admin.setViewportSize({ width: 1366, height: 768 });
    await loginAs(admin, h.url, 'platform');
    await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
    const accounts = (await (await admin.request.get(`${h.url}/api/commissioners`)).json()) as {
      userId: number;
      username: string;
    }[];
    const to = accounts.find((a) => a.username === 'zy-01-1')!;
    const colleague = accounts.find((a) => a.username === 'zy-01-2')!;
    // Two enterprises of the colleague: one moves to zy-01-1, the other stays.
    const theirs = (await (
      await admin.request.get(
        `${h.url}/api/commissioners/assignments?commissionerUserId=${colleague.userId}&pageSize=2`,
      )
    ).json()) as { items: { enterpriseId: number; name: string }[] };
    const [firm, other] = theirs.items;
    expect(firm && other).toBeTruthy();

    await admin.goto(`${h.url}/services/commissioners`);
    await admin.getByTestId('assignment-table').waitFor();
    await admin.getByPlaceholder('企业名称、信用代码').fill(firm!.name);
    await admin.getByPlaceholder('企业名称、信用代码').press('Enter');
    const row = admin.getByTestId('assignment-table').locator('tr', { hasText: firm!.name });
    await row.getByRole('button', { name: '更换' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('.ant-select').first().click();
    await admin.locator('.ant-select-item-option', { hasText: '（zy-01-1）' }).click();
    await dialog.getByRole('textbox').fill('调整分工（端到端测试）');
    await dialog.getByRole('button', { name: /确定分配/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const res = await admin.request.get(`${h.url}/api/commissioners/assignments/${firm!.enterpriseId}`);
        return ((await res.json()) as { current: { commissionerUserId: number } | null }).current
          ?.commissionerUserId;
      })
      .toBe(to.userId);
    await shot(admin, 'commissioners');

    const me = await h.page();
    await me.setViewportSize({ width: 1366, height: 768 });
    await loginAs(me, h.url, 'zy-01-1');
    await me.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect((await me.request.get(`${h.url}/api/enterprises/${firm!.enterpriseId}`)).status()).toBe(200);
    expect((await me.request.get(`${h.url}/api/enterprises/${other!.enterpriseId}`)).status()).toBe(404);
    await me.goto(`${h.url}/enterprises?keyword=${encodeURIComponent(firm!.name)}`);
    await me.getByText(firm!.name).first().waitFor();
    await me.goto(`${h.url}/enterprises?keyword=${encodeURIComponent(other!.name)}`);
    await me
      .getByText(other!.name)
      .first()
      .waitFor({ state: 'detached', timeout: 2000 })
      .catch(() => undefined);
    expect(await me.getByText(other!.name).count()).toBe(0);

    await me.goto(`${h.url}/services/visits`);
    await me.getByTestId('visit-table').waitFor();
    await me
      .getByRole('button', { name: /登记走访/ })
      .first()
      .click();
    const visit = me.getByRole('dialog');
    await visit.getByTestId('visit-enterprise').click();
    await me.keyboard.type(firm!.name.slice(0, 6));
    await me.locator('.ant-select-item-option', { hasText: firm!.name }).click();
    await visit.getByLabel('走访纪要').fill('了解扩产计划（端到端测试）');
    await visit.getByRole('button', { name: /保\s*存/ }).click();
    await visit.waitFor({ state: 'hidden' });
    await me.getByTestId('visit-table').getByText(firm!.name).first().waitFor();
    await shot(me, 'visits');
  });
});
