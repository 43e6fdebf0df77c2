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
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { bigTranscribedPlan } from '../tests/helpers/bigPlan';
import type { Bench, Measurement } from './bench';
import { setUpWardWithPlan, withApp } from './browser';

const PLAN_ID = 'vungtau-big-2024';

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
    const root = mkdtempSync(join(ctx.root, 'progress-'));
    const planFile = join(root, 'ke-hoach-2000.json');
    writeFileSync(planFile, JSON.stringify(bigTranscribedPlan(2000)));
    return withApp(root, LATENCY, async (page) => {
      await setUpWardWithPlan(page, planFile, 2000);
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
    });
  },
};
