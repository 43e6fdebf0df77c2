// `progress open 2000` (issue 4): a ward opens a period of a 2,000-item plan with a year of
// history, in headless Chromium against `vite preview` of the built renderer (dist/renderer:
// `npx vite build` first). Sets up as Phường Thắng Tam with no sample plan, imports the plan of
// tests/helpers/bigPlan.ts through the Plans screen's import button, writes eleven months of
// entries (January to November 2024, every item) and November's narrative straight into
// IndexedDB, then times, from choosing the period on the entry step to the entry list answering
// an arrow key: December (new: carried forward from November, 2,000 rows written) and November
// (existing). Typing: 40 keystrokes in "Kết quả đạt được", each timed from the keydown to the
// end of the next frame (requestAnimationFrame, then a message after paint); the field shows each
// keystroke from UI state, the store is written after the autosave pause.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { bigTranscribedPlan } from '../tests/helpers/bigPlan';
import type { Bench, Measurement } from './bench';

export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PLAN_ID = 'vungtau-big-2024';

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

/** Eleven months of entries for every item of the plan, and November's narrative, written in the page. */
export function writeHistory(page: Page): Promise<{ items: number; rows: number }> {
  return page.evaluate(async (planId) => {
    const req = (r: IDBRequest) => new Promise<unknown>((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const db = (await req(indexedDB.open('planbook'))) as IDBDatabase;
    const read = db.transaction(['settings', 'items'], 'readonly');
    const self = (await req(read.objectStore('settings').get('self'))) as { unitId: string };
    const items = (await req(read.objectStore('items').index('planId').getAll(planId))) as { id: string; kind: string }[];
    const tx = db.transaction(['entries', 'sequences'], 'readwrite');
    const entries = tx.objectStore('entries');
    let rows = 0;
    for (let m = 1; m <= 11; m++) {
      const period = `2024-${String(m).padStart(2, '0')}`;
      for (const it of items) {
        const result = `Tháng ${m}: đã triển khai nội dung, kết quả bước đầu khả quan (${it.id})`;
        const value = it.kind === 'indicator' ? `${m * 5}%` : '';
        entries.put({
          unitId: self.unitId, planId, period, itemId: it.id, confirmed: true, updatedAt: new Date().toISOString(),
          draft: { status: 'in-progress', percent: String(m * 8), result, difficulties: '', proposals: '', evidence: [], completedOn: '', value, disbursed: '' },
          entry: { itemId: it.id, status: 'in-progress', percent: m * 8, result, difficulties: '', proposals: '', evidence: [], completedOn: null },
          indicator: it.kind === 'indicator' ? { itemId: it.id, numerator: null, denominator: null, value: m * 5, text: value } : null,
          project: null,
        });
        rows++;
      }
    }
    tx.objectStore('sequences').put({ unitId: self.unitId, planId, period: '2024-11', last: 0, narrative: 'Tháng 11/2024: phường tiếp tục triển khai.', updatedAt: new Date().toISOString() });
    await new Promise<void>((ok, fail) => { tx.oncomplete = () => ok(); tx.onerror = () => fail(tx.error); });
    db.close();
    return { items: items.length, rows };
  }, PLAN_ID);
}

/** From choosing the period to the list answering an arrow key, with the form shown. */
async function openPeriod(page: Page, label: string, carried: boolean): Promise<number> {
  const t0 = performance.now();
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label });
  await page.waitForFunction((wantCarried) => {
    const list = document.querySelector('[role="listbox"][aria-label="Các mục được giao"]');
    const form = document.getElementById('pf-status');
    const flags = list?.querySelectorAll('.nav-item .nav-flag').length ?? 0;
    return !!list && !!form && (wantCarried ? flags > 0 : flags === 0) && (list.querySelectorAll('[role="option"]').length > 1);
  }, carried, { timeout: 60_000, polling: 'raf' });
  const list = page.getByRole('listbox', { name: 'Các mục được giao' });
  const before = await list.getAttribute('aria-activedescendant');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((b) => document.querySelector('[role="listbox"][aria-label="Các mục được giao"]')?.getAttribute('aria-activedescendant') !== b, before, { polling: 'raf' });
  return (performance.now() - t0) / 1000;
}

const LATENCY = `(() => {
  const w = { delays: [] };
  window.__typing = w;
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => w.delays.push(performance.now() - t0); ch.port2.postMessage(0); });
  }, true);
})();`;

export const progressOpenBench: Bench = {
  name: 'progress open 2000',
  async run(ctx) {
    if (!existsSync('dist/renderer/index.html')) throw new Error('dist/renderer is not built: run `npx vite build` first');
    const root = mkdtempSync(join(ctx.root, 'progress-'));
    const planFile = join(root, 'ke-hoach-2000.json');
    writeFileSync(planFile, JSON.stringify(bigTranscribedPlan(2000)));
    const port = await freePort();
    const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitUntil(async () => (await fetch(url)).ok, 30_000, 'vite preview');
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      await context.addInitScript(LATENCY);
      const page = await context.newPage();
      await page.goto(url);
      await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('thang tam');
      await page.getByRole('option', { name: /Phường Thắng Tam/u }).click();
      await page.getByRole('checkbox', { name: /Nạp các kế hoạch mẫu/u }).uncheck();
      await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
      await page.getByText(/^Chưa có kế hoạch nào/u).waitFor({ timeout: 30_000 });
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Nhập kế hoạch từ tệp…' }).click();
      await (await chooser).setFiles(planFile);
      await page.getByRole('status').filter({ hasText: 'Hiển thị 2000/2000 dòng' }).waitFor({ timeout: 60_000 });
      const history = await writeHistory(page);

      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Báo cáo tiến độ' }).click();
      await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 10/2024' });
      await page.getByRole('button', { name: 'Nhập báo cáo', exact: true }).click();
      await page.locator('#pf-status').waitFor({ timeout: 60_000 });
      const december = await openPeriod(page, 'Tháng 12/2024', true);
      const november = await openPeriod(page, 'Tháng 11/2024', false);
      const inDom = await page.getByRole('listbox', { name: 'Các mục được giao' }).getByRole('option').count();

      await page.locator('#pf-result').click();
      await page.evaluate(() => { (window as unknown as { __typing: { delays: number[] } }).__typing.delays = []; });
      await page.keyboard.type('Đã ban hành kế hoạch số 9124/KH-UBND ngày', { delay: 40 });
      await page.waitForTimeout(200);
      const delays = await page.evaluate(() => (window as unknown as { __typing: { delays: number[] } }).__typing.delays);
      const shown = await page.locator('#pf-result').inputValue();
      const max = Math.max(...delays);
      const mean = delays.reduce((a, b) => a + b, 0) / Math.max(1, delays.length);
      const typedOk = shown.endsWith('Đã ban hành kế hoạch số 9124/KH-UBND ngày');
      const note = `${history.items} items assigned, ${history.rows} rows of history; ${inDom} options of ${history.items + 1} in the DOM`;
      const rows: Measurement[] = [
        { name: 'progress: open a new period (carried forward), 2,000 items', value: december, unit: 's', target: 2, note },
        { name: 'progress: open a period with rows, 2,000 items', value: november, unit: 's', target: 2 },
        {
          name: 'progress: keystroke to next frame painted, max', value: max, unit: 'ms', target: 50,
          note: `${delays.length} keystrokes, mean ${mean.toFixed(1)} ms; the field reads from UI state, storage after the autosave pause`,
          ...(typedOk ? {} : { failed: `the field shows "${shown.slice(-50)}"` }),
        },
      ];
      return rows;
    } finally {
      await browser.close();
      server.kill();
      rmSync(root, { recursive: true, force: true });
    }
  },
};
