/**
 * Browser-test harness: finds Debian's Chromium, starts `yiyuan serve --demo` on a data directory
 * of its own (a copy of the demo installation made once per run) and a free port, and hands out
 * pages. Screenshots go to test-results/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = path.join(ROOT, 'test-results');
export const DEMO_PASSWORD = 'Yiyuan#Demo2025';

export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p!)) ?? null;
}

/** No browser: fail under CI, otherwise say so loudly with the fix (never pass silently). */
export function browserOrExplain(): string | null {
  const found = findChromium();
  if (found) return found;
  const message =
    '\n==================================================================\n' +
    ' BROWSER TESTS NOT RUN: no Chromium found (looked for /usr/bin/chromium).\n' +
    ' Install it:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n' +
    '==================================================================\n';
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(message);
  return null;
}

export interface Harness {
  url: string;
  browser: Browser;
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** A scratch data directory the embedded PostgreSQL (run as `postgres` when we are root) can enter. */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** `yiyuan serve --demo` on `dataDir` and a free port; resolves with the URL it prints. */
export async function startDemoServer(dataDir: string): Promise<{ server: ChildProcess; url: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/yiyuan.js'), 'serve', '--demo', '--port', '0'],
    {
      env: {
        ...env,
        YIYUAN_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        YIYUAN_DEMO_SCALE: '400',
        YIYUAN_STRICT_RESPONSES: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 100);
    server.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
  return { server, url };
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

/**
 * Starts a demo server for one journey file. Every file gets its own data directory: a copy of the
 * demo installation the run's global set-up made once (`cp -a` keeps the owner PostgreSQL needs),
 * or, without one, a fresh installation.
 */
export async function startHarness(executablePath: string): Promise<Harness> {
  if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html')))
    throw new Error('The web app is not built: run `npm run build:web` first.');
  const dataDir = scratchDir('yiyuan-e2e-');
  const template = inject('demoTemplate');
  if (template) execFileSync('cp', ['-a', `${template}/.`, dataDir]);
  const { server, url } = await startDemoServer(dataDir);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  fs.mkdirSync(RESULTS, { recursive: true });
  return {
    url,
    browser,
    async page() {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await stopServer(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function loginAs(page: Page, base: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
}
