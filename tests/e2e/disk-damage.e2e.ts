import { afterEach, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { ARGS, screenshot } from './support/browser';
import { THANG_TAM, choosePeriod, nav, setUpUnit } from './support/setup';

// Real damage on disk, not a patched indexedDB.open: the app runs in a Chromium profile kept in a
// folder, the browser is closed, the database's LevelDB files are damaged the way a crash or a bad
// sector leaves them, and the browser starts again on the same profile. Whatever Chromium then
// does (drop the database and start an empty one, or refuse to open it), the officer must never
// see a blank first start that hides the loss, and the backup must bring the unit back.

type Damage = (leveldbDir: string) => void;

/** Every data file (tables, write-ahead log, manifest) overwritten with bytes LevelDB cannot read. */
const overwriteAll: Damage = (dir) => {
  for (const f of readdirSync(dir)) {
    if (!/\.(ldb|log)$|^MANIFEST-/u.test(f)) continue;
    const file = path.join(dir, f);
    writeFileSync(file, Buffer.alloc(Math.max(statSync(file).size, 64), 0x5a));
  }
};

/** CURRENT names a manifest that is not there: what an interrupted compaction can leave. */
const missingManifest: Damage = (dir) => writeFileSync(path.join(dir, 'CURRENT'), 'MANIFEST-999999\n');

let profiles: string[] = [];
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
  profiles = [];
});

async function start(profile: string): Promise<Page> {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS,
    viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true,
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(inject('baseUrl'));
  return page;
}

/** Sets up the ward, downloads a backup, closes the browser, damages the database, starts again. */
async function damagedAfterBackup(damage: Damage): Promise<{ page: Page; backup: string }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'planbook-profile-'));
  profiles.push(profile);
  let page = await start(profile);
  await setUpUnit(page, THANG_TAM);
  await nav(page, 'Cài đặt');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp sao lưu về máy' }).click();
  const download = await downloading;
  const backup = path.join(profile, download.suggestedFilename());
  await download.saveAs(backup);
  await context?.close();

  const idb = path.join(profile, 'Default', 'IndexedDB');
  const stores = readdirSync(idb).filter((d) => d.endsWith('.indexeddb.leveldb'));
  expect(stores).toHaveLength(1);
  damage(path.join(idb, stores[0] ?? ''));
  page = await start(profile);
  return { page, backup };
}

async function restoreFrom(page: Page, backup: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp sao lưu để khôi phục…' }).click();
  await (await chooser).setFiles(backup);
  await expect.poll(() => page.getByRole('heading', { name: 'Xem trước bản sao lưu' }).isVisible(), { timeout: 15_000 }).toBe(true);
  await page.getByRole('button', { name: 'Khôi phục dữ liệu này' }).click();
  await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => page.getByRole('navigation').getByText('Phường Thắng Tam').isVisible()).toBe(true);
}

describe('a database damaged on disk', () => {
  it('files overwritten: Chromium drops the database, the marker blocks a blank start, the backup restores the ward', async () => {
    const { page, backup } = await damagedAfterBackup(overwriteAll);
    await expect.poll(() => page.getByRole('heading', { name: 'Không tìm thấy dữ liệu của đơn vị' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).count()).toBe(0);
    expect(await page.getByText(/Phường Thắng Tam/u).first().isVisible()).toBe(true);
    await screenshot(page, 'disk-damage-1-dropped');
    await restoreFrom(page, backup);
  });

  it('manifest missing: the app says the database does not open; the user clears the site data as told, and restores at setup', async () => {
    const { page, backup } = await damagedAfterBackup(missingManifest);
    await expect.poll(() => page.getByRole('heading', { name: 'Không mở được dữ liệu của đơn vị' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).count()).toBe(0);
    await screenshot(page, 'disk-damage-2-unopenable');

    // The page cannot delete the damaged store either: the browser host says what only the user can do.
    await page.getByLabel('Tôi hiểu cơ sở dữ liệu hỏng sẽ bị thay bằng bản sao lưu').check();
    await page.getByRole('button', { name: 'Khôi phục từ bản sao lưu…' }).click();
    const told = page.getByRole('alert').filter({ hasText: 'Trình duyệt không xóa được cơ sở dữ liệu hỏng' });
    await expect.poll(() => told.isVisible(), { timeout: 15_000 }).toBe(true);
    const origin = new URL(inject('baseUrl')).origin;
    expect(await told.textContent()).toContain(`xóa dữ liệu trang web của địa chỉ ${origin}`);
    await screenshot(page, 'disk-damage-3-browser-cannot-delete');

    // What the user does in the browser's settings (Electron's main does the same for IndexedDB only).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Thiết lập ban đầu' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const restore = page.getByRole('region', { name: 'Khôi phục từ bản sao lưu' });
    expect(await restore.isVisible()).toBe(true);
    await screenshot(page, 'disk-damage-4-setup-restore');
    await restoreFrom(page, backup);
    await page.reload();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
  });
});

describe('the renderer killed', () => {
  it('mid-typing: the words typed just before the crash are there when the app is opened again', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'planbook-profile-'));
    profiles.push(profile);
    const page = await start(profile);
    await setUpUnit(page, THANG_TAM);
    await nav(page, 'Báo cáo tiến độ');
    await choosePeriod(page);
    await page.getByRole('button', { name: 'Nhập báo cáo kỳ này' }).click();
    const items = page.getByRole('listbox', { name: 'Các mục được giao' });
    await items.getByRole('option', { name: /Duy trì|dịch vụ công trực tuyến toàn trình được tích hợp/u }).first().click();
    await page.getByLabel('Khó khăn, vướng mắc').focus();
    await page.keyboard.type('Thiếu nhân lực CNTT');
    // No unload, no pending timer run: the renderer process dies at once (not a reload).
    const cdp = await page.context().newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // answered by the session's end, or never
    await crashed;

    const again = await page.context().newPage();
    await again.goto(inject('baseUrl'));
    await expect.poll(() => again.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    await nav(again, 'Báo cáo tiến độ');
    await choosePeriod(again);
    await again.getByRole('button', { name: /^Nhập báo cáo/u }).first().click();
    await again.getByRole('listbox', { name: 'Các mục được giao' }).getByRole('option', { name: /Duy trì|dịch vụ công trực tuyến toàn trình được tích hợp/u }).first().click();
    await expect.poll(() => again.getByLabel('Khó khăn, vướng mắc').inputValue(), { timeout: 15_000 }).toBe('Thiếu nhân lực CNTT');
  });
});
