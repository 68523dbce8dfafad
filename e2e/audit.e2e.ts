/**
 * The audit administrator reads the audit log: actions by their Chinese names (no codes such as
 * `platform.update` in the table), actors and objects by name, a picker of actions as the filter,
 * and an object's link to every row about it; then the same page in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_CODES } from '../src/modules/audit/core/actions';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;

const codesIn = (text: string) => AUDIT_ACTION_CODES.filter((code) => text.includes(code));

describe.skipIf(!chromiumPath)('audit log journey', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the audit administrator reads names, filters by picking an action and follows an object', async () => {
    // A platform administrator edits their platform: a row with a named object to find.
    const admin = await h.page();
    await loginAs(admin, h.url, 'platform');
    await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
    await admin.goto(`${h.url}/platforms`);
    await admin.getByText('钱塘新区产业集聚区').click();
    await admin.getByRole('button', { name: /编\s*辑/ }).click();
    await admin.getByLabel('简介').fill('审计旅程：园区简介已修改');
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    await admin.waitForURL(/\/platforms\/\d+$/);
    await admin.context().close();

    const page = await h.page();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, h.url, 'auditor');
    await page.waitForURL(/\/audit$/);
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await table.getByText('登录', { exact: true }).first().waitFor();
    // Actions by name, never by code; the actor by display name and account.
    expect(codesIn(await table.innerText())).toEqual([]);
    await shot(page, 'audit-log-zh');

    // The filter is a picker of actions: search by the Chinese name, pick it.
    await page.getByTestId('audit-action-filter').click();
    await page.keyboard.type('修改园区');
    await page.locator('.ant-select-item-option').filter({ hasText: '修改园区' }).first().click();
    await page.waitForURL(/action=platform\.update/);
    const row = table.locator('tbody tr.ant-table-row').first();
    await row.getByText('修改园区').waitFor();
    await row.getByText('钱塘新区产业集聚区').waitFor();
    const actions = await table.locator('tbody tr.ant-table-row td:nth-child(5)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['修改园区']));
    await shot(page, 'audit-log-filtered-zh');

    // The object's link: every row about this platform (the audit administrator may not open the
    // platform's own page, 三权分立).
    await row.getByTestId('audit-object-link').click();
    await page.waitForURL(/objectType=platform&objectId=\d+/);
    expect(page.url()).not.toContain('action=');
    await page.getByTestId('audit-object-filter').waitFor();
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const objects = await table.locator('tbody tr.ant-table-row td:nth-child(6)').allInnerTexts();
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) expect(o).toContain('钱塘新区产业集聚区');
    await shot(page, 'audit-object-history-zh');

    // The same page in English: English names, still no codes.
    await page.getByTestId('audit-object-filter').locator('.ant-tag-close-icon').click();
    await page.getByText('English', { exact: true }).click();
    await table.getByText('Sign in', { exact: true }).first().waitFor();
    const english = await table.innerText();
    expect(codesIn(english)).toEqual([]);
    expect(english).not.toMatch(/登录|修改园区/);
    await shot(page, 'audit-log-en');
    await page.context().close();
  }, 240_000);
});
