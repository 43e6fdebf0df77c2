// `app import 3321`: the consolidation screen's import in headless Chromium (issue 5: 3,321 ward
// packages into IndexedDB through the Web Worker path, no frame longer than 200 ms). Serves the
// built renderer (dist/renderer: `npx vite build` first) with `vite preview`, sets up as the city
// of Vũng Tàu, imports the bench's signed plan package (its 3,321 ward keys trusted after the
// issuer is confirmed, as an officer does), then gives the 3,321 report files to the file chooser
// and waits for "Xong: 3321 tệp". The longest main-thread frame is the longest 'longtask'
// (PerformanceObserver) and the longest gap between animation frames, whichever is larger.
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Bench, Measurement } from './bench';
import { withApp } from './browser';
import { generateBenchData } from './generate';

const CITY = { id: 'brvt.vung-tau', query: 'uy ban nhan dan thanh pho vung tau', name: 'Ủy ban nhân dân thành phố Vũng Tàu' };

/** Frame watch, installed before the app loads: longest long task and longest gap between animation frames. */
const WATCH = `(() => {
  const w = { longTask: 0, gap: 0, on: false, last: 0 };
  window.__benchFrames = w;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (w.on) w.longTask = Math.max(w.longTask, e.duration); }).observe({ entryTypes: ['longtask'] });
  const tick = (t) => { if (w.on && w.last) w.gap = Math.max(w.gap, t - w.last); w.last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();`;
type Frames = { longTask: number; gap: number; on: boolean; last: number };
const frames = (page: Page) => page.evaluate(() => (window as unknown as { __benchFrames: Frames }).__benchFrames);

/** n as the app may print it: 3321 or 3.321 (Vietnamese thousands). */
const num = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/gu, '[.\u00a0 ]?');

export function appImportBench(n: number): Bench {
  return {
    name: `app import ${n}`,
    async run(ctx) {
      const root = mkdtempSync(join(ctx.root, `app-${n}-`));
      const data = await generateBenchData(root, n, CITY.id);
      const files = readdirSync(data.dir).sort().map((f) => join(data.dir, f));
      return withApp(root, WATCH, async (page) => {
        // Set up as the city, consolidating.
        await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill(CITY.query);
        await page.getByRole('option', { name: new RegExp(`^${CITY.name}`, 'u') }).first().click();
        await page.getByRole('radio', { name: /^Đơn vị tổng hợp/u }).check();
        await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
        await page.getByLabel('Chọn kế hoạch').waitFor({ timeout: 30_000 });
        // The signed plan package: its issuer confirmed, its units' keys trusted.
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Nhập kế hoạch từ tệp…' }).click();
        await (await chooser).setFiles(data.plan);
        const trust = page.getByRole('button', { name: 'Đã đối chiếu, tin cậy đơn vị ban hành và các khóa' });
        await trust.waitFor({ timeout: 60_000 });
        await trust.click();
        await page.getByRole('status').filter({ hasText: 'vào danh sách tin cậy' }).waitFor({ timeout: 120_000 });
        // The consolidation screen, May 2024.
        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Tổng hợp' }).click();
        await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: 'Kế hoạch chuyển đổi số năm 2024 (thử tải)' });
        await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });
        await page.getByText(/đơn vị phải báo cáo/u).first().waitFor({ timeout: 60_000 })
          .catch(async (e: unknown) => { throw new Error(`${String(e).split('\n')[0]}; screen: ${(await page.locator('main').innerText()).slice(380, 1100).replace(/\n/gu, ' | ')}`); });
        const files2 = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Chọn tệp gói…' }).click();
        const picker = await files2;
        await page.evaluate(() => { const w = (window as unknown as { __benchFrames: Frames }).__benchFrames; w.on = true; w.last = 0; });
        const t0 = performance.now();
        await picker.setFiles(files);
        // The expected units come from the unit directory (17 wards of Vũng Tàu), not from the
        // plan's 3,321: the figure is the time to verify and store every file, whatever its outcome.
        const done = page.getByText(new RegExp(`^Xong: ${num(n)} tệp\\.`, 'u'));
        await done.waitFor({ timeout: 600_000 });
        const seconds = (performance.now() - t0) / 1000;
        const f = await frames(page);
        const longest = Math.max(f.longTask, f.gap);
        const summary = await done.innerText();
        const note = `${summary}; ${n} files into IndexedDB through the worker; longest long task ${f.longTask.toFixed(0)} ms, longest gap between frames ${f.gap.toFixed(0)} ms`;
        const rows: Measurement[] = [
          { name: `app import ${n}`, value: seconds, unit: 's', target: 60, note },
          { name: `app import ${n} longest frame`, value: longest, unit: 'ms', target: 200 },
        ];
        return rows;
      });
    },
  };
}
