import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openApp, screenshot } from './support/browser';
import { choosePeriod, nav, setUpCity } from './support/setup';
import { specOf, wardPackage } from './support/packages';

// The officer receives a whole folder (a USB stick with one folder per ward): every .json file in
// it and its subfolders is received, named by its path inside the folder; other files are ignored.
describe('receiving a folder', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('picks a folder: the packages of its subfolders are received, a note and an empty folder are not', async () => {
    const inbox = mkdtempSync(path.join(tmpdir(), 'planbook-inbox-'));
    mkdirSync(path.join(inbox, 'phuong-1'));
    mkdirSync(path.join(inbox, 'phuong-2', 'lan-2'), { recursive: true });
    mkdirSync(path.join(inbox, 'trong'));
    writeFileSync(path.join(inbox, 'phuong-1', 'p1.json'), await wardPackage(specOf('brvt.vung-tau.p1', 0)));
    writeFileSync(path.join(inbox, 'phuong-2', 'lan-2', 'p2.json'), await wardPackage(specOf('brvt.vung-tau.p2', 1)));
    writeFileSync(path.join(inbox, 'ghi-chu.txt'), 'gọi lại phường 7');

    const { page } = await openApp(browser);
    await setUpCity(page);
    await nav(page, 'Tổng hợp');
    await choosePeriod(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn cả thư mục…' }).click();
    await (await chooser).setFiles(inbox);
    await expect.poll(() => page.getByText('Đã kiểm tra 2/2 tệp').isVisible(), { timeout: 30_000 }).toBe(true);
    const rows = page.getByRole('table', { name: 'Kết quả nhận gói' }).getByRole('row');
    expect(await rows.filter({ hasText: 'phuong-1/p1.json' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'phuong-2/lan-2/p2.json' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'ghi-chu.txt' }).count()).toBe(0);
    await screenshot(page, 'import-folder-1');

    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn cả thư mục…' }).click();
    await (await again).setFiles(path.join(inbox, 'trong'));
    await expect.poll(() => page.getByText('Không có tệp gói (.json) nào trong những gì đã chọn.').isVisible()).toBe(true);
  });
});
