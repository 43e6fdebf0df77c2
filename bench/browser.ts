// What the in-browser figures share: the built renderer served by `vite preview` on a free port,
// Debian's Chromium through playwright-core at 1366x768 in Vietnamese, and a ward set up with a
// plan file imported through the Plans screen.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';

export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const freePort = () => new Promise<number>((ok, fail) => {
  const srv = createServer();
  srv.once('error', fail);
  srv.listen(0, '127.0.0.1', () => {
    const a = srv.address();
    srv.close(() => (typeof a === 'object' && a ? ok(a.port) : fail(new Error('no port'))));
  });
});

export async function waitUntil(f: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { if (await f()) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Opens the built app in a fresh Chromium profile (with `initScript` run before the app loads),
 * hands the page to `fn`, and always closes the browser, stops the server and removes `root`.
 */
export async function withApp<T>(root: string, initScript: string | null, fn: (page: Page) => Promise<T>): Promise<T> {
  // BENCH_RENDERER=/abs/dir: a renderer built elsewhere (`npx vite build --outDir /abs/dir`), so a
  // bench does not share dist/renderer with test runs that rebuild it.
  const dir = process.env.BENCH_RENDERER ?? 'dist/renderer';
  if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir} is not built: run \`npx vite build\` first`);
  const port = await freePort();
  const outDir = process.env.BENCH_RENDERER ? ['--outDir', process.env.BENCH_RENDERER] : [];
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', ...outDir], { stdio: 'ignore' });
  // Loaded only here (left out of the bundle): the other figures need no browser.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitUntil(async () => (await fetch(url)).ok, 30_000, 'vite preview');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    await page.goto(url);
    return await fn(page);
  } finally {
    await browser.close();
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

/** First start as Phường Thắng Tam without the demo plans, then `planFile` imported and listed. */
export async function setUpWardWithPlan(page: Page, planFile: string, rows: number): Promise<void> {
  await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('thang tam');
  await page.getByRole('option', { name: /Phường Thắng Tam/u }).click();
  await page.getByRole('checkbox', { name: /Nạp các kế hoạch mẫu/u }).uncheck();
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await page.getByText(/^Chưa có kế hoạch nào/u).waitFor({ timeout: 30_000 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập kế hoạch từ tệp…' }).click();
  await (await chooser).setFiles(planFile);
  await page.getByRole('status').filter({ hasText: `Hiển thị ${rows}/${rows} dòng` }).waitFor({ timeout: 60_000 });
}
