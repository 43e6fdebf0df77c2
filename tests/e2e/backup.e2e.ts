import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openApp, screenshot } from './support/browser';

// Journey: set up a ward → download a backup from Settings → Chromium loses IndexedDB (deleted
// behind the app's back, localStorage kept) → the blocking restore screen, not setup → restore the
// downloaded file through the file chooser, after a preview → the ward and its plans are back.
describe('backup journey', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('restores a ward after its database was wiped', async () => {
    const { page } = await openApp(browser);
    await expect.poll(() => page.getByRole('heading', { name: 'Thiết lập ban đầu' }).isVisible()).toBe(true);
    await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('thang tam');
    await page.getByRole('option', { name: /Phường Thắng Tam/u }).click();
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);

    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sao lưu và khôi phục' }).isVisible()).toBe(true);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp sao lưu về máy' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^planbook-backup_\d{8}T\d{9}Z_manual\.json$/u);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'planbook-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'planbook/backup', header: { unitId: 'brvt.vung-tau.thang-tam' } });
    await expect.poll(() => page.getByText(/^Lần sao lưu ra tệp gần nhất/u).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Kiểm tra toàn bộ' }).click();
    await expect.poll(() => page.getByText(/^Dữ liệu toàn vẹn/u).isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'backup-1-settings');

    // The browser drops the database (eviction, a profile problem); localStorage survives.
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('planbook');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(new Error('delete failed'));
    }));
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Không tìm thấy dữ liệu của đơn vị' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).count()).toBe(0);
    await expect.poll(() => page.getByText(/Phường Thắng Tam/u).first().isVisible()).toBe(true);
    await screenshot(page, 'backup-2-lost');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp sao lưu để khôi phục…' }).click();
    await (await chooser).setFiles(file);
    await expect.poll(() => page.getByRole('heading', { name: 'Xem trước bản sao lưu' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Đơn vị: Phường Thắng Tam').isVisible()).toBe(true);
    await screenshot(page, 'backup-3-preview');
    await page.getByRole('button', { name: 'Khôi phục dữ liệu này' }).click();

    const picker = page.getByLabel('Chọn kế hoạch');
    await expect.poll(() => picker.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => picker.locator('option').count()).toBe(3);
    await expect.poll(() => page.getByRole('navigation').getByText('Phường Thắng Tam').isVisible()).toBe(true);
    await screenshot(page, 'backup-4-restored');

    // And it stays restored after a reload (no lost screen, no setup).
    await page.reload();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: 'Không tìm thấy dữ liệu của đơn vị' }).count()).toBe(0);
  });
});
