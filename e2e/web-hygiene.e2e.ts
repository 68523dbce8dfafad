/**
 * Web hygiene in a real browser: an enterprise named like an XSS payload is shown as text on the
 * list, the detail and the cockpit (no dialog, no console error), and pages with personal data
 * carry the viewer's watermark without blocking clicks.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUscc } from '../src/modules/demo/core/demo-identity';
import { browserOrExplain, loginAs, shot, startHarness, type Harness } from './harness';

const chromiumPath = browserOrExplain();
let h: Harness;
const PAYLOAD = '<img src=x onerror=alert(1)>';

/** Dialogs, console errors and uncaught page errors of a page, collected as they happen. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], errors: [] as string[], failed: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  // Failed loads are listed with their address below (the 401 of /api/auth/me before login is normal).
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400 && !(url.pathname === '/api/auth/me' && r.status() === 401))
      seen.failed.push(`${r.status()} ${url.pathname}`);
  });
  return seen;
}

/** Creates the enterprise through the API as the logged-in user (CSRF token from /api/auth/me). */
async function createEnterprise(page: Page, name: string): Promise<number> {
  return page.evaluate(
    async ({ name, uscc }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const platforms = await (await fetch('/api/platforms?pageSize=1')).json();
      const res = await fetch('/api/enterprises', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ uscc, name, platformId: platforms.items[0].id }),
      });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return (await res.json()).id as number;
    },
    { name, uscc: demoUscc('330110', 97531) },
  );
}

describe.skipIf(!chromiumPath)('web hygiene journeys', () => {
  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an enterprise named <img src=x onerror=alert(1)> is text on the list, the detail and the cockpit', async () => {
    const page = await h.page();
    const seen = watch(page);
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const id = await createEnterprise(page, `${PAYLOAD}有限公司`);

    await page.goto(`${h.url}/enterprises?keyword=${encodeURIComponent('onerror')}`);
    await page.getByTestId('enterprise-table').getByText(`${PAYLOAD}有限公司`).waitFor();
    await shot(page, 'xss-enterprise-list');

    await page.goto(`${h.url}/enterprises/${id}`);
    await page.getByText(`${PAYLOAD}有限公司`).first().waitFor();
    await shot(page, 'xss-enterprise-detail');

    await page.goto(`${h.url}/cockpit`);
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(1500);

    // The payload never became an element anywhere.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    // An <img src=x> that had been rendered, even for a moment, would have requested /x.
    expect(seen.failed.filter((f) => /\/x$/.test(f))).toEqual([]);
    console.log('failed loads:', seen.failed);
    await page.context().close();
  });

  it('the enterprise detail shows the viewer’s watermark, which lets clicks through', async () => {
    const page = await h.page();
    const seen = watch(page);
    await loginAs(page, h.url, 'taskforce');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${h.url}/enterprises`);
    const table = page.getByTestId('enterprise-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();

    const watermark = page.locator('.page-watermark').first();
    await watermark.waitFor();
    const mark = await watermark.evaluate((root) => {
      const layer = [...root.querySelectorAll<HTMLElement>('div')].find((d) =>
        getComputedStyle(d).backgroundImage.startsWith('url("data:image'),
      );
      return layer
        ? {
            pointerEvents: getComputedStyle(layer).pointerEvents,
            position: getComputedStyle(layer).position,
            repeat: getComputedStyle(layer).backgroundRepeat,
          }
        : null;
    });
    expect(mark).toEqual({ pointerEvents: 'none', position: 'absolute', repeat: 'repeat' });

    // Clicks reach the table under the watermark: the first enterprise opens.
    await table.locator('tbody tr.ant-table-row a').first().click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    await page.getByTestId('enterprise-table').waitFor({ state: 'detached' });
    await page.locator('.page-watermark').first().waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'watermark-enterprise-detail');

    // Pages without personal data have none.
    await page.goto(`${h.url}/platforms`);
    await page.getByTestId('platform-table').waitFor();
    expect(await page.locator('.page-watermark').count()).toBe(0);
    expect(seen.errors).toEqual([]);
    console.log('failed loads:', seen.failed);
    await page.context().close();
  });
});
