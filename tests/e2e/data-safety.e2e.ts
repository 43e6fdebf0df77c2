import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { launch, openApp, screenshot } from './support/browser';

async function setUpWard(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Thiết lập ban đầu' }).isVisible(), { timeout: 15_000 }).toBe(true);
  await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('thang tam');
  await page.getByRole('option', { name: /Phường Thắng Tam/u }).click();
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
}

const idbVersion = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'planbook')?.version ?? null);

// Faults of docs/data-safety.md that need a real Chromium: two tabs on one database, a database
// written by a newer PlanBook, a database that does not open.
describe('data safety faults', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('two tabs: one sets up, the other follows; a newer schema from another tab closes this one, then it opens read-only', async () => {
    const { context, page: first } = await openApp(browser);
    const second = await context.newPage();
    second.on('pageerror', (e) => { throw e; });
    await second.goto(inject('baseUrl'));
    await expect.poll(() => second.getByRole('heading', { name: 'Thiết lập ban đầu' }).isVisible(), { timeout: 15_000 }).toBe(true);

    // One writes, the other sees it (Dexie's live queries across tabs), without a reload.
    await setUpWard(first);
    await expect.poll(() => second.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => second.getByRole('navigation').getByText('Phường Thắng Tam').isVisible()).toBe(true);

    // The marker without its time (both tabs write it after setup, a few ms apart).
    const readMarker = () => first.evaluate(() => {
      const m = JSON.parse(localStorage.getItem('planbook.marker') ?? 'null') as Record<string, unknown> | null;
      return m ? JSON.stringify({ ...m, updatedAt: null }) : null;
    });
    await expect.poll(readMarker, { timeout: 10_000 }).not.toBeNull();
    const markerBefore = await readMarker();

    // A newer PlanBook in the second tab upgrades the database: both old connections close and say so.
    const before = await idbVersion(first);
    expect(before).toBe(10);
    await second.evaluate(() => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('planbook', 60);
      req.onupgradeneeded = () => { req.result.createObjectStore('futureTable', { keyPath: 'id' }); };
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(new Error('upgrade failed'));
      req.onblocked = () => undefined; // resolves once the app's connections close
    }));
    const outdated = 'Một cửa sổ PlanBook khác đã nâng cấp dữ liệu. Cửa sổ này đã ngừng ghi để không làm hỏng dữ liệu; hãy tải lại trang.';
    await expect.poll(() => first.getByRole('alert').filter({ hasText: outdated }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => first.getByRole('button', { name: 'Tải lại' }).isVisible()).toBe(true);
    await screenshot(first, 'data-safety-1-outdated');

    // This (older) app reloads: the data opens read-only, with a banner, and stays as the newer app left it.
    await second.close();
    await first.reload();
    await expect.poll(() => first.getByRole('alert').filter({ hasText: /^Chỉ xem: dữ liệu trên máy này do phiên bản PlanBook mới hơn tạo ra \(phiên bản dữ liệu 6, bản này hiểu đến 1\)/u }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => first.getByRole('navigation').getByText('Phường Thắng Tam').isVisible()).toBe(true);
    await screenshot(first, 'data-safety-2-read-only');
    await first.waitForTimeout(1500); // the marker sync and the daily backup would have run by now
    expect(await idbVersion(first)).toBe(60);
    expect(await readMarker()).toBe(markerBefore); // not rewritten from a schema this app does not know (dbVersion 6)
    await context.close();
  });

  it('a database that does not open: says so with the detail folded, then restores from a backup file', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true });
    // While the flag is set, opening 'planbook' fails as a damaged backing store does; deleting it clears the flag.
    await context.addInitScript(() => {
      const open = IDBFactory.prototype.open;
      const remove = IDBFactory.prototype.deleteDatabase;
      IDBFactory.prototype.open = function patched(this: IDBFactory, name: string, version?: number) {
        if (name === 'planbook' && localStorage.getItem('e2e.corrupt') === '1') {
          throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
        }
        return version === undefined ? open.call(this, name) : open.call(this, name, version);
      };
      IDBFactory.prototype.deleteDatabase = function patched(this: IDBFactory, name: string) {
        if (name === 'planbook') localStorage.removeItem('e2e.corrupt');
        return remove.call(this, name);
      };
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => { throw e; });
    await page.goto(inject('baseUrl'));
    await setUpWard(page);

    await page.getByRole('button', { name: 'Cài đặt' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp sao lưu về máy' }).click();
    const download = await downloading;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'planbook-e2e-')), download.suggestedFilename());
    await download.saveAs(file);

    await page.evaluate(() => localStorage.setItem('e2e.corrupt', '1'));
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Không mở được dữ liệu của đơn vị' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).count()).toBe(0);
    expect(await page.getByText(/backing store/u).isVisible()).toBe(false); // folded
    await page.getByText('Chi tiết kỹ thuật').click();
    await expect.poll(() => page.getByText(/UnknownError: .*backing store/u).isVisible()).toBe(true);
    await screenshot(page, 'data-safety-3-open-failed');

    // Retry fails again (the damage stays); the restore needs the tick.
    await page.getByRole('button', { name: 'Thử mở lại' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Không mở được dữ liệu của đơn vị' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const restore = page.getByRole('button', { name: 'Khôi phục từ bản sao lưu…' });
    expect(await restore.isDisabled()).toBe(true);
    await page.getByLabel('Tôi hiểu cơ sở dữ liệu hỏng sẽ bị thay bằng bản sao lưu').check();
    await restore.click();

    await expect.poll(() => page.getByRole('heading', { name: 'Khôi phục dữ liệu từ bản sao lưu' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp sao lưu để khôi phục…' }).click();
    await (await chooser).setFiles(file);
    await expect.poll(() => page.getByRole('heading', { name: 'Xem trước bản sao lưu' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Khôi phục dữ liệu này' }).click();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('navigation').getByText('Phường Thắng Tam').isVisible()).toBe(true);
    await screenshot(page, 'data-safety-4-recovered');

    await page.reload();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    await context.close();
  });
});
