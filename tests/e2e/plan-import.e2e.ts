import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, screenshot } from './support/browser';
import { bigTranscribedPlan } from '../helpers/bigPlan';
import { aPlan, signed, testKey } from '../helpers/packages';

const buffer = (v: unknown) => Buffer.from(JSON.stringify(v));

async function importFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập kế hoạch từ tệp…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: bytes });
}

// Journey: a ward with no plan yet imports plan files: bad input is refused in Vietnamese,
// a signed plan package and a 2,000-row plan are accepted, and the large plan stays usable.
describe('plan import journey', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('imports plan files and browses a 2,000-item plan', async () => {
    const { page } = await openApp(browser);
    await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('thang tam');
    await page.getByRole('option', { name: /Phường Thắng Tam/u }).click();
    await page.getByRole('checkbox', { name: /Nạp các kế hoạch mẫu/u }).uncheck();
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await expect.poll(() => page.getByText(/^Chưa có kế hoạch nào/u).isVisible(), { timeout: 15_000 }).toBe(true);

    await importFile(page, 'hong.json', Buffer.from('{"plan": '));
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Tệp hong\.json không phải JSON hợp lệ/u);

    // A signed plan package verifies; the same bytes with one changed word do not.
    const { bytes } = await signed(aPlan([testKey('brvt.vung-tau.thang-tam')]), 'brvt.vung-tau');
    const tampered = Buffer.from(Buffer.from(bytes).toString('utf8').replace('Nhiệm vụ', 'Nhiệm vụ!'));
    await importFile(page, 'sua.planbook.json', tampered);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không được chấp nhận');
    await importFile(page, 'ke-hoach.planbook.json', Buffer.from(bytes));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã nhập' }).textContent()).toContain('Kế hoạch chuyển đổi số năm 2024');

    const started = Date.now();
    await importFile(page, 'lon.json', buffer(bigTranscribedPlan(2000)));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent(), { timeout: 30_000 }).toBe('Hiển thị 2000/2000 dòng');
    const shownAfter = Date.now() - started;
    console.log(`2,000-item plan imported and shown in ${shownAfter} ms`);

    const list = page.getByRole('listbox', { name: 'Danh sách nhiệm vụ, chỉ tiêu' });
    expect(await list.getByRole('option').count()).toBeLessThan(120); // virtualized: only what is on screen
    await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(() => list.getByRole('option', { name: /Nội dung dòng 2000:/u }).isVisible()).toBe(true);

    await page.getByRole('searchbox', { name: 'Tìm trong kế hoạch (gõ không dấu cũng được)' }).fill('dong 1999');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent()).toBe('Hiển thị 1/2000 dòng');
    await screenshot(page, 'plan-import-big');
  });
});
